// Digital drawings (GeoJSON, as a browser writes them): categories, geometry kinds, repairs.
#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"
#include "wijkatlas/sketch/digital_sketch.hpp"

namespace wijkatlas::fuzz {

void drawing(const std::uint8_t* data, std::size_t size) {
  const auto path = input_file(data, size, "tekening.geojson");
  expect_only_our_errors([&] {
    geo::CollectingReporter reporter;
    sketch::read_digital_sketch(path, reporter);
  });
}

}  // namespace wijkatlas::fuzz
