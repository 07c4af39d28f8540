#pragma once
// Small builders and summaries for the overlap tests.
#include <boost/geometry.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::test {

inline geo::MultiPolygon rect(double x0, double y0, double x1, double y1) {
  geo::Polygon p;
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

inline geo::MultiPolygon wkt_polygons(const std::string& wkt) {
  geo::MultiPolygon mp;
  boost::geometry::read_wkt(wkt, mp);
  return mp;
}

inline geo::SketchSheet sheet(std::string id, geo::MultiPolygon coverage,
                              std::vector<geo::Geometry> marks) {
  return {std::move(id), std::move(coverage), std::move(marks)};
}

// Total face area per (n, N).
inline std::map<std::pair<int, int>, double> area_by_count(const geo::OverlapMap& map) {
  std::map<std::pair<int, int>, double> out;
  for (const auto& f : map.faces) out[{f.n, f.N}] += f.area;
  return out;
}

// Total face area with n >= k.
inline double area_at_least(const geo::OverlapMap& map, int k) {
  double a = 0;
  for (const auto& f : map.faces) {
    if (f.n >= k) a += f.area;
  }
  return a;
}

}  // namespace wijkatlas::test
