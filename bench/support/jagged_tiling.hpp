#pragma once
// A partition of a rectangle into columns x rows jagged polygons, like a country's
// neighbourhoods. Grid nodes are jittered; every edge between two nodes is cut into
// `segments_per_edge` pieces whose inner vertices are pushed sideways by an amount keyed by the
// edge, so the two cells sharing an edge use bit-identical vertices and the cells tile the
// rectangle without gaps or overlaps. Edges on the rectangle's border stay straight.
#include <cstdint>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::bench {

struct TilingSpec {
  geo::Box extent;  // RD New metres
  int columns = 0;
  int rows = 0;
  int segments_per_edge = 0;
  std::uint64_t seed = 0;
};

class JaggedTiling {
 public:
  explicit JaggedTiling(const TilingSpec& spec);

  // The closed, counter-clockwise exterior ring of cell (column, row); row 0 is the south row.
  // It has 4 * segments_per_edge distinct vertices.
  geo::Ring ring(int column, int row) const;

  const TilingSpec& spec() const { return spec_; }

 private:
  enum class EdgeKind : std::uint64_t { horizontal = 1, vertical = 2 };

  geo::Point node(int i, int j) const;
  // Vertices from node (i, j) to its east neighbour (horizontal) or north neighbour
  // (vertical), both ends included.
  std::vector<geo::Point> edge(EdgeKind kind, int i, int j) const;
  double jitter(std::uint64_t salt, int i, int j, int k) const;

  TilingSpec spec_;
  double cell_width_;
  double cell_height_;
};

}  // namespace wijkatlas::bench
