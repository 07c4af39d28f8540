#pragma once
// Which columns of a CSV hold the location, and in which CRS they are by default.
#include <optional>
#include <string>
#include <vector>

namespace wijkatlas::geo::detail {

struct CsvLocation {
  enum class Kind { xy, lonlat, wkt } kind = Kind::xy;
  int x = -1;               // column index of x / lon
  int y = -1;               // column index of y / lat
  int wkt = -1;             // column index of WKT
  std::string default_crs;  // EPSG:4326 for lon/lat, EPSG:28992 otherwise
  std::string description;  // for messages: "columns lon/lat"
};

// Looks at the header. Prefers WKT, then RD x/y (exact), then lon/lat. nullopt when none.
std::optional<CsvLocation> find_location_columns(const std::vector<std::string>& header);

}  // namespace wijkatlas::geo::detail
