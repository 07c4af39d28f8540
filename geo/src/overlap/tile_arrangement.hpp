#pragma once
// The exact overlay inside one tile without GEOS's noder and polygonizer: every sheet's marked
// area and coverage, clipped to the tile, becomes directed segments that carry how the counts
// change across them (+1 for the area on their left); one noding of all segments, a half-edge
// face tracer, and counts propagated from face to face across edges. Faces with equal counts on
// both sides of an edge are joined (the edge carries no change).
#include <optional>
#include <span>
#include <vector>

#include "overlap/sheet_index.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

// Faces with n >= 1 inside `tile`, or nothing when floating-point noding did not give a
// properly noded arrangement (checked with exact predicates) or the faces are not simple enough
// to be valid polygons: the caller then uses overlay_tile (GEOS) for this tile.
std::optional<std::vector<OverlapFace>> arrange_tile(const Box& tile, const SheetIndex& index,
                                                     std::span<const DissolvedSheet> sheets);

}  // namespace wijkatlas::geo::overlap_detail
