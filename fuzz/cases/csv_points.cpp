// CSV points with location columns (lon/lat, x/y, WKT), as `join` and `map` read them: GDAL's
// CSV driver splits the lines, our code finds the location columns and parses the numbers.
#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::fuzz {

void csv_points(const std::uint8_t* data, std::size_t size) {
  const auto path = input_file(data, size, "punten.csv");
  expect_only_our_errors([&] {
    geo::CollectingReporter reporter;
    geo::ReadOptions options;
    options.assign_crs = "EPSG:4326";
    geo::read_layer(path, options, reporter);
  });
}

}  // namespace wijkatlas::fuzz
