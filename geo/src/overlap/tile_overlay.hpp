#pragma once
// The exact overlay inside one tile: the sheets' marked areas and coverages clipped to the tile,
// their outlines noded and polygonized into faces, and each face counted by one interior point.
#include <span>
#include <vector>

#include "overlap/sheet_index.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

// Faces with n >= 1 inside `tile`. Uses the calling thread's GEOS context. Throws
// geometry_error naming the tile when GEOS fails.
std::vector<OverlapFace> overlay_tile(const Box& tile, const SheetIndex& index,
                                      std::span<const DissolvedSheet> sheets,
                                      const OverlapOptions& options);

}  // namespace wijkatlas::geo::overlap_detail
