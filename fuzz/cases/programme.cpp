// The programme definition (TOML): programme wijken as lists of CBS buurt codes.
#include "wijkatlas/geo/programme.hpp"

#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"

namespace wijkatlas::fuzz {

void programme(const std::uint8_t* data, std::size_t size) {
  expect_only_our_errors(
      [&] { wijkatlas::geo::parse_programme(text(data, size), "programma.toml"); });
}

}  // namespace wijkatlas::fuzz
