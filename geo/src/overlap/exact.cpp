// The exact overlap map: tiles computed independently (on all cores), faces counted per tile.
// Faces never cross a tile edge, so tiles need no stitching to be exact; merge_equal_faces
// joins the pieces afterwards when one wants whole faces. Each tile goes through our own
// arrangement (tile_arrangement: one noding, counts propagated across edges); a tile where
// floating-point noding is not exact, and every tile on a precision grid (snap-rounding), goes
// through GEOS (tile_overlay).
#include <atomic>
#include <vector>

#include "overlap/merge_faces.hpp"
#include "overlap/parallel.hpp"
#include "overlap/sheet_index.hpp"
#include "overlap/tile_arrangement.hpp"
#include "overlap/tile_overlay.hpp"
#include "overlap/tiling.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {

OverlapMap overlap_exact(std::span<const DissolvedSheet> sheets, const OverlapOptions& options,
                         Reporter& reporter) {
  const overlap_detail::SheetIndex index(sheets);
  const std::vector<Box> tiles = overlap_detail::make_tiles(index, options);
  std::vector<std::vector<OverlapFace>> per_tile(tiles.size());
  std::atomic<std::size_t> through_geos{0};
  overlap_detail::parallel_for(tiles.size(), options.threads, [&](std::size_t i) {
    if (options.precision_m <= 0) {
      if (auto faces = overlap_detail::arrange_tile(tiles[i], index, sheets)) {
        per_tile[i] = std::move(*faces);
        return;
      }
    }
    ++through_geos;
    per_tile[i] = overlap_detail::overlay_tile(tiles[i], index, sheets, options);
  });

  OverlapMap map;
  map.tiles = tiles.size();
  map.tiles_through_geos = through_geos;
  std::size_t total = 0;
  for (const auto& faces : per_tile) total += faces.size();
  map.faces.reserve(total);
  for (auto& faces : per_tile) {
    for (auto& f : faces) map.faces.push_back(std::move(f));
    faces = {};
  }
  reporter.progress("overlap", tiles.size(), tiles.size());
  if (options.merge_equal_faces) {
    map.faces = overlap_detail::merge_equal_faces(std::move(map.faces), options);
  }
  return map;
}

}  // namespace wijkatlas::geo
