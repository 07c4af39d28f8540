#pragma once
// Point-in-polygon location for many points against many polygons: the hot path of
// `wijkatlas join`. A Boost.Geometry R-tree finds candidate polygons by bounding box; each
// polygon carries an edge index in horizontal bands so the exact test touches only the few
// edges near the point's y.
//
// Boundary rule (documented in docs/join.md): a polygon owns the points strictly inside it, the
// points on its west (left) edges and on its south (lower) edges, but not those on its east or
// north edges. For polygons that tile the plane, such as CBS buurten, every point on a shared
// edge or vertex therefore belongs to exactly one polygon: the one to its east, or on an
// east-west edge, the one to its north. A point on an east or north edge that no other
// polygon owns (the outer boundary of the whole set) belongs to the polygon it lies on (within
// 1 µm), so that every point of the closed area is found. When polygons overlap, the one with
// the lowest index wins.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo {

class PolygonLocator {
 public:
  static constexpr std::int32_t not_found = -1;

  explicit PolygonLocator(std::span<const MultiPolygon> polygons);
  ~PolygonLocator();
  PolygonLocator(PolygonLocator&&) noexcept;
  PolygonLocator& operator=(PolygonLocator&&) noexcept;

  // Index (into the span given to the constructor) of the polygon owning `p`, or not_found.
  std::int32_t locate(const Point& p) const;

  // locate() for every point, split over `threads` worker threads (0 = hardware concurrency).
  // `out` must have the same size as `points`.
  void locate_all(std::span<const Point> points, std::span<std::int32_t> out,
                  unsigned threads = 0) const;

  std::size_t polygon_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wijkatlas::geo
