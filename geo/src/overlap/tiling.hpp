#pragma once
#include <vector>

#include "overlap/sheet_index.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

// Quadtree tiles over the marked extent: a tile is split while the marked parts reaching it
// have more than a budget of vertices (hotspots get small tiles, quiet areas big ones), or,
// with options.tile_size_m > 0, while it is larger than that. Tile corners lie on whole
// metres, so clipping creates no new off-grid x or y on the tile's own edges. Tiles that no
// marked part reaches are left out.
std::vector<Box> make_tiles(const SheetIndex& index, const OverlapOptions& options);

}  // namespace wijkatlas::geo::overlap_detail
