#include "detail/read_checks.hpp"

#include <boost/geometry.hpp>
#include <cstdio>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::detail {
namespace bg = boost::geometry;

std::string declared_crs(const OGRSpatialReference* srs) {
  if (srs == nullptr) return {};
  OGRSpatialReference copy(*srs);
  const char* auth = copy.GetAuthorityName(nullptr);
  const char* code = copy.GetAuthorityCode(nullptr);
  if ((auth == nullptr || code == nullptr) && copy.AutoIdentifyEPSG() == OGRERR_NONE) {
    auth = copy.GetAuthorityName(nullptr);
    code = copy.GetAuthorityCode(nullptr);
  }
  if (auth != nullptr && code != nullptr) return std::string(auth) + ":" + code;
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  copy.exportToWkt(&wkt, options);
  std::string result = wkt != nullptr ? wkt : "";
  CPLFree(wkt);
  return result;
}

SourceCrs resolve_source_crs(const std::string& source, const std::string& assigned,
                             const std::string& declared, const std::string& fallback) {
  std::string crs = !assigned.empty() ? assigned : declared;
  if (crs.empty()) crs = fallback;
  if (crs.empty()) {
    throw about_field(
        crs_error(source + ": the data has no coordinate reference system; name it "
                           "(for example EPSG:28992 for RD New or EPSG:4326 for lon/lat)"),
        "assign_crs");
  }
  try {
    std::string normalised = normalise_crs(crs);
    Transformer to_rd(normalised);
    return SourceCrs{std::move(normalised), assigned.empty() && !declared.empty(),
                     std::move(to_rd)};
  } catch (const crs_error& e) {
    throw crs_error(source + ": " + e.what());
  }
}

bool inside_rd_bounds(const Box& rd_envelope) {
  return bg::covered_by(rd_envelope, rd_new_bounds());  // covered_by: a point is a degenerate box
}

void throw_outside_rd_bounds(const Box& raw, const std::string& where, const std::string& crs) {
  const Box bounds = rd_new_bounds();
  const Point raw_min = raw.min_corner();
  std::string hint = "check the coordinate reference system (read as " + crs + ")";
  Transformer swap(crs);
  const Point swapped = swap.transform(Point(raw_min.y(), raw_min.x()));
  if (bg::covered_by(swapped, bounds)) {
    hint = "x and y (longitude and latitude) look swapped";
  }
  char coords[96];
  std::snprintf(coords, sizeof coords, "(%.6g, %.6g)", raw_min.x(), raw_min.y());
  throw data_error(where, "",
                   std::string("coordinates ") + coords + " fall outside the Netherlands: " + hint);
}

}  // namespace wijkatlas::geo::detail
