#pragma once
// Coordinate reference systems through PROJ. Everything inside wijkatlas is RD New
// (EPSG:28992) metres; other CRSs are converted at the edges with x/y (east/north, lon/lat)
// axis order, whatever the CRS's official axis order is.
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo {

inline constexpr std::string_view rd_new = "EPSG:28992";
inline constexpr std::string_view wgs84 = "EPSG:4326";

// The area where RD New is defined (EPSG:28992's area of use, in RD metres, with a margin).
// Points outside it after transformation are almost always a wrong CRS or swapped axes.
Box rd_new_bounds();

class Transformer {
 public:
  // Throws crs_error when either CRS is unknown to PROJ.
  Transformer(std::string_view source_crs, std::string_view target_crs = rd_new);
  ~Transformer();
  Transformer(Transformer&&) noexcept;
  Transformer& operator=(Transformer&&) noexcept;

  bool is_identity() const noexcept;
  // Transforms in place; a point PROJ cannot transform becomes (inf, inf).
  void transform(std::span<Point> points) const;
  Point transform(Point p) const;
  void transform(Geometry& geometry) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "EPSG:28992" style name for a user-given CRS string ("28992", "epsg:4326", WKT...), checked
// with PROJ. Throws crs_error naming the string when PROJ does not know it.
std::string normalise_crs(std::string_view user_crs);

}  // namespace wijkatlas::geo
