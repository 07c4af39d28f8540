// Indicator tables (CBS kerncijfers as CSV): the key column found, numbers told from text,
// duplicate codes and sentinels refused or skipped.
#include "wijkatlas/geo/indicators.hpp"

#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"

namespace wijkatlas::fuzz {

void indicators(const std::uint8_t* data, std::size_t size) {
  const auto path = input_file(data, size, "kerncijfers.csv");
  expect_only_our_errors([&] {
    geo::CollectingReporter reporter;
    geo::read_indicators(path, {}, reporter);
  });
}

}  // namespace wijkatlas::fuzz
