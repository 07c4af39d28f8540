#pragma once
// Segments with count changes, clipped to a tile and noded into a planar graph (tile_arrangement).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::overlap_detail {

// A piece of an outline; crossing it from right to left adds dn to n and dN to N.
struct DirectedSegment {
  Point a, b;
  std::int32_t dn = 0, dN = 0;
};

// Appends one ring clipped to `tile` (Sutherland-Hodgman: inside the tile the winding number is
// kept; the parts along the tile's edges cancel or close the area there). The ring is oriented
// so that the polygon's interior lies on the left, whatever its stored orientation.
void add_clipped_ring(const Ring& ring, bool hole, std::int32_t dn, std::int32_t dN,
                      const Box& tile, std::vector<DirectedSegment>& out);

// An edge of the noded graph: u < v; crossing u->v from right to left adds dn, dN.
struct PlanarEdge {
  std::uint32_t u, v;
  std::int32_t dn, dN;
};

struct PlanarGraph {
  std::vector<Point> vertices;
  std::vector<PlanarEdge> edges;  // only edges across which a count changes
};

// Splits the segments at every intersection (computed once, shared by both segments), touching
// endpoint and collinear overlap; sums coinciding pieces and drops those that change nothing.
// Returns nothing when the result is not properly noded (a rounded intersection point made a
// new crossing): checked for every pair of edges with exact orientation tests.
std::optional<PlanarGraph> node_segments(std::span<const DirectedSegment> segments,
                                         const Box& tile);

}  // namespace wijkatlas::geo::overlap_detail
