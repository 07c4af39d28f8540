#pragma once
// The Dutch tiling scheme in RD New that PDOK uses (Nederlandse richtlijn tiling): origin at the
// top-left corner (-285401.92, 903401.92), 256 px tiles, 3440.64 m per pixel at level 0 and half
// of that at each next level; rows count down from the origin. Screen, sheets and printed maps
// agree because all of them work in RD New metres. Pure arithmetic, no Cairo.
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::render {

struct TileCoord {
  int z = 0;
  int x = 0;
  int y = 0;  // row, counted down from the grid's top edge
  bool operator==(const TileCoord&) const = default;
};

struct TileGrid {
  double origin_x = -285401.92;
  double origin_y = 903401.92;  // the top edge
  int tile_px = 256;
  double level0_resolution = 3440.64;  // metres per pixel
  int max_level = 16;                  // 0.0525 m per pixel: closer than any paper map

  double resolution(int z) const;   // metres per pixel at level z
  int tiles_per_side(int z) const;  // 2^z: level 0 is one tile of 880,803.84 m
  bool contains(const TileCoord& tile) const;
  // The ground a tile covers. Throws render_error for a tile outside the grid.
  geo::Box tile_box(const TileCoord& tile) const;
};

// The OGC "standardized rendering pixel" of 0.28 mm: resolution 3440.64 m/px is 1:12,288,000
// and level 12 (0.84 m/px) is 1:3,000, so styles sized in paper millimetres look on screen as
// they do on paper at that scale.
inline constexpr double screen_pixel_mm = 0.28;
double scale_denominator_of(double metres_per_pixel);

}  // namespace wijkatlas::render
