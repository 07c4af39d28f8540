#pragma once
// Point-in-polygon location for many points against many polygons: the hot path of
// `wijkatlas join`. A grid over the polygons is classified once: a point in a cell that lies
// wholly inside one polygon, or wholly outside all, is located by one lookup; a point in a cell
// that an edge passes is decided by the exact test on the cell's few candidate polygons, each
// with an edge index in horizontal bands so that it touches only the edges near the point's y.
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

struct LocatorOptions {
  // About how many points will be located (0: unknown). The grid gets finer with more points:
  // building a cell costs about as much as locating a point.
  std::size_t expected_points = 0;
  unsigned threads = 0;  // for building; 0 = hardware concurrency
};

class PolygonLocator {
 public:
  static constexpr std::int32_t not_found = -1;

  explicit PolygonLocator(std::span<const MultiPolygon> polygons,
                          const LocatorOptions& options = {});
  // The same for polygons held elsewhere (an area's geometry), without copying them.
  explicit PolygonLocator(std::span<const MultiPolygon* const> polygons,
                          const LocatorOptions& options = {});
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

  // How the grid answers for p: by one lookup (`inside` a polygon, `outside` all of them), or
  // by the exact test on the candidate polygons of an `edge` cell. For tests and statistics.
  enum class CellKind { outside, inside, edge };
  CellKind cell_kind(const Point& p) const;

  struct GridSize {
    std::uint32_t columns = 0, rows = 0;
    std::size_t edge_cells = 0;
  };
  GridSize grid_size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  template <typename Polygons>
  void build(const Polygons& polygons, const LocatorOptions& options);
};

}  // namespace wijkatlas::geo
