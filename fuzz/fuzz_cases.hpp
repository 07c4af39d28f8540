#pragma once
// One function per parser of outside input, run on one input. libFuzzer runs them through
// fuzz_main.cpp (one executable each); the test suite runs them on the seed corpora and on every
// input that once made one fail (tests/fuzz). Each returns normally, or with a wijkatlas::error
// caught; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wijkatlas::fuzz {

void sheet_payload(const std::uint8_t* data, std::size_t size);   // QR payload, typed sheet id
void map_definition(const std::uint8_t* data, std::size_t size);  // map definition TOML
void programme(const std::uint8_t* data, std::size_t size);       // programme definition TOML
void csv_points(const std::uint8_t* data, std::size_t size);      // CSV points, location columns
void indicators(const std::uint8_t* data, std::size_t size);      // indicator tables (CSV)
void registry(const std::uint8_t* data, std::size_t size);        // initiative registry (CSV)
void drawing(const std::uint8_t* data, std::size_t size);         // digital drawings (GeoJSON)
void serve_request(const std::uint8_t* data, std::size_t size);   // serve's JSON bodies

struct FuzzCase {
  std::string_view name;  // fuzz/corpus/<name>, fuzz/regressions/<name>, fuzz_<name>
  void (*run)(const std::uint8_t*, std::size_t);
};
const std::vector<FuzzCase>& fuzz_cases();

}  // namespace wijkatlas::fuzz
