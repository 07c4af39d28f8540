#pragma once
// Map tiles for the meeting viewer: a metatile (a square block of tiles) is drawn as one picture
// with the same painters as the printed maps, then cut into 256 px PNG tiles. Street names are
// placed once for the whole block, so they run across the tile edges inside it; none is placed
// across the block's own edge (the neighbouring block is drawn on its own), so no name is ever
// cut. Features are read for the block plus a buffer, so strokes and casings of streets just
// outside still reach in.
#include <cstddef>
#include <vector>

#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::render {

struct Metatile {
  int z = 0;
  int x = 0;  // in metatiles: tiles x * size .. x * size + size - 1
  int y = 0;
  int size = 4;  // tiles a side (fewer at levels with fewer tiles)
};

// How far beyond a metatile its features should be read: the widest street casing and symbol.
inline constexpr double tile_read_buffer_px = 64;

// The metatile holding `tile`.
Metatile metatile_of(const TileGrid& grid, const TileCoord& tile, int size = 4);
// The tiles of a metatile that lie inside the grid, row by row.
std::vector<TileCoord> tiles_of(const TileGrid& grid, const Metatile& meta);
// The ground a metatile covers, and with `buffer_px` pixels more on every side.
geo::Box metatile_box(const TileGrid& grid, const Metatile& meta, double buffer_px = 0);

// The tiles' look: raise it whenever what render_metatile draws changes (style, painters, label
// rules), so that tiles kept on disk by an earlier build are drawn again.
inline constexpr int tile_style_version = 1;

struct TileStyle {
  double label_scale = 1.25;  // street names read on a screen across a room
  Language language = Language::nl;
};

struct RenderedTile {
  TileCoord tile;
  std::vector<std::byte> png;
};

// Draws `layers` (bottom first, as in MapSpec) on the metatile and returns one PNG per tile of
// tiles_of(). Throws render_error for a metatile outside the grid.
std::vector<RenderedTile> render_metatile(std::vector<MapLayer> layers, const TileGrid& grid,
                                          const Metatile& meta, const TileStyle& style = {});

}  // namespace wijkatlas::render
