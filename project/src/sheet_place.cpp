#include "wijkatlas/project/sheet_place.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/within.hpp>
#include <cmath>
#include <sstream>

#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::project {
namespace {

std::vector<double> numbers(const std::string& text, std::size_t count, const std::string& field) {
  std::vector<double> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    try {
      std::size_t used = 0;
      out.push_back(std::stod(item, &used));
      if (used != item.size() && item.find_first_not_of(' ', used) != std::string::npos)
        throw std::invalid_argument("");
    } catch (const std::exception&) {
      throw request_error(field, "'" + item + "' is not a number");
    }
  }
  if (out.size() != count) {
    throw request_error(field, "expected " + std::to_string(count) +
                                   " numbers separated by commas, got '" + text + "'");
  }
  return out;
}

}  // namespace

// Numbers given in RD New must lie in its area of use: "9.5,47.1" without --crs is lon/lat.
void require_inside_rd(const geo::Point& p, const std::string& field, const std::string& text,
                       const std::string& crs) {
  if (geo::normalise_crs(crs) != "EPSG:28992" || boost::geometry::within(p, geo::rd_new_bounds()))
    return;
  throw about_field(
      suggesting(crs_error(text + " lies outside the Netherlands in RD New (EPSG:28992); for "
                                  "longitude,latitude give their CRS"),
                 "crs", "EPSG:4326"),
      field);
}

geo::Point parse_centre(const std::string& text, const std::string& crs) {
  const auto v = numbers(text, 2, "centre");
  const geo::Transformer to_rd(geo::normalise_crs(crs));
  const geo::Point p = to_rd.transform(geo::Point(v[0], v[1]));
  if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
    throw about_field(crs_error(text + " cannot be converted from " + crs +
                                " to RD New (check the order: x,y or lon,lat)"),
                      "centre");
  }
  require_inside_rd(p, "centre", text, crs);
  return p;
}

geo::Box parse_bbox(const std::string& text, const std::string& crs) {
  const auto v = numbers(text, 4, "bbox");
  if (!(v[2] > v[0] && v[3] > v[1]))
    throw request_error("bbox", "give xmin,ymin,xmax,ymax with min below max");
  const geo::Transformer to_rd(geo::normalise_crs(crs));
  // All four corners: a lon/lat box is not a rectangle in RD New.
  geo::Box out({1e300, 1e300}, {-1e300, -1e300});
  for (const auto& [x, y] : {std::pair{v[0], v[1]}, {v[2], v[1]}, {v[2], v[3]}, {v[0], v[3]}}) {
    const geo::Point p = to_rd.transform(geo::Point(x, y));
    if (!std::isfinite(p.x()))
      throw about_field(crs_error(text + " cannot be converted from " + crs + " to RD New"),
                        "bbox");
    require_inside_rd(p, "bbox", text, crs);
    out.min_corner().x(std::min(out.min_corner().x(), p.x()));
    out.min_corner().y(std::min(out.min_corner().y(), p.y()));
    out.max_corner().x(std::max(out.max_corner().x(), p.x()));
    out.max_corner().y(std::max(out.max_corner().y(), p.y()));
  }
  return out;
}

}  // namespace wijkatlas::project
