#pragma once
// What every fuzz target shares: the input as text or as a file (for readers that take a path,
// GDAL's among them), and the rule that only our own errors may come out of a parser: a
// wijkatlas::error is an input refused with a message, anything else (another exception, a
// crash, a sanitizer report) is a bug that libFuzzer reports with the input that caused it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Writes the input to `name` in a directory of this process's own and returns its path.
std::filesystem::path input_file(const std::uint8_t* data, std::size_t size,
                                 const std::string& name);

// GDAL's messages off stderr: the targets' output stays libFuzzer's.
void quiet_gdal();

template <class Parse>
void expect_only_our_errors(Parse&& parse) {
  try {
    parse();
  } catch (const wijkatlas::error&) {
    // refused with a message: what bad input should get
  }
}

}  // namespace wijkatlas::fuzz
