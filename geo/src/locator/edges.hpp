#pragma once
// Polygon edges and the two exact tests the boundary rule of PolygonLocator is made of
// (docs/join.md): the half-open crossing test and the 1 µm on-edge test. Every part of the
// locator (the banded edge index, the cell grid) decides with these same functions on the same
// numbers, so they agree bit for bit.
#include <algorithm>
#include <cmath>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::locator_detail {

// A polygon edge stored lower end first, so that two polygons sharing the edge evaluate the
// crossing test on identical numbers and agree on which of them owns a boundary point.
struct Edge {
  double x0, y0, x1, y1;  // y0 <= y1; horizontal edges are kept for the outer-boundary test
};

template <typename RingRange>
void collect_edges(const RingRange& ring, std::vector<Edge>& edges) {
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const Point& a = ring[i];
    const Point& b = ring[i + 1];
    if (a.y() == b.y() && a.x() == b.x()) continue;  // repeated vertex
    if (a.y() < b.y() || (a.y() == b.y() && a.x() < b.x())) {
      edges.push_back({a.x(), a.y(), b.x(), b.y()});
    } else {
      edges.push_back({b.x(), b.y(), a.x(), a.y()});
    }
  }
}

// Every edge of every ring of one (multi)polygon, appended to `edges`.
inline void collect_polygon_edges(const MultiPolygon& polygons, std::vector<Edge>& edges) {
  for (const auto& polygon : polygons) {
    collect_edges(polygon.outer(), edges);
    for (const auto& inner : polygon.inners()) collect_edges(inner, edges);
  }
}

// Crossing test of a ray from p towards +x: half-open in y (the lower end counts, the upper
// does not) and strict in x (a point on the edge is not left of it). Together these give the
// documented boundary rule. Horizontal edges never cross (py < y0 or py >= y1 always holds).
inline bool ray_crosses(const Edge& e, double px, double py) {
  if (py < e.y0 || py >= e.y1) return false;
  return (e.x1 - e.x0) * (py - e.y0) - (px - e.x0) * (e.y1 - e.y0) > 0;
}

// The on-edge test's tolerance: a micrometre (coordinates are metres).
inline constexpr double on_edge_tolerance = 1e-6;

// Whether p lies on the edge, within on_edge_tolerance.
inline bool on_edge(const Edge& e, double px, double py) {
  constexpr double tolerance = on_edge_tolerance;
  if (py < e.y0 - tolerance || py > e.y1 + tolerance) return false;
  if (px < std::min(e.x0, e.x1) - tolerance || px > std::max(e.x0, e.x1) + tolerance) return false;
  const double dx = e.x1 - e.x0, dy = e.y1 - e.y0;
  const double cross = dx * (py - e.y0) - (px - e.x0) * dy;
  return std::abs(cross) <= tolerance * std::hypot(dx, dy);
}

}  // namespace wijkatlas::geo::locator_detail
