#include "detail/csv_columns.hpp"

#include <array>
#include <string_view>

#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo::detail {
namespace {

template <std::size_t N>
int find_column(const std::vector<std::string>& header,
                const std::array<std::string_view, N>& names) {
  for (auto name : names) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (support::to_lower_ascii(support::trim(header[i])) == name) return static_cast<int>(i);
    }
  }
  return -1;
}

constexpr std::array<std::string_view, 4> wkt_names{"wkt", "wkt_geom", "geometry", "geom"};
constexpr std::array<std::string_view, 6> x_names{"x_rd",   "rd_x",    "x",
                                                  "xcoord", "x_coord", "easting"};
constexpr std::array<std::string_view, 6> y_names{"y_rd",   "rd_y",    "y",
                                                  "ycoord", "y_coord", "northing"};
constexpr std::array<std::string_view, 5> lon_names{"lon", "lng", "long", "longitude",
                                                    "lengtegraad"};
constexpr std::array<std::string_view, 3> lat_names{"lat", "latitude", "breedtegraad"};

}  // namespace

std::optional<CsvLocation> find_location_columns(const std::vector<std::string>& header) {
  CsvLocation loc;
  if (loc.wkt = find_column(header, wkt_names); loc.wkt >= 0) {
    loc.kind = CsvLocation::Kind::wkt;
    loc.default_crs = "EPSG:28992";
    loc.description = "column " + header[static_cast<std::size_t>(loc.wkt)] + " (WKT)";
    return loc;
  }
  loc.x = find_column(header, x_names);
  loc.y = find_column(header, y_names);
  if (loc.x >= 0 && loc.y >= 0) {
    loc.kind = CsvLocation::Kind::xy;
    loc.default_crs = "EPSG:28992";
  } else {
    loc.x = find_column(header, lon_names);
    loc.y = find_column(header, lat_names);
    if (loc.x < 0 || loc.y < 0) return std::nullopt;
    loc.kind = CsvLocation::Kind::lonlat;
    loc.default_crs = "EPSG:4326";
  }
  loc.description = "columns " + header[static_cast<std::size_t>(loc.x)] + "/" +
                    header[static_cast<std::size_t>(loc.y)];
  return loc;
}

}  // namespace wijkatlas::geo::detail
