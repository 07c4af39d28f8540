#include "wijkatlas/render/tile_grid.hpp"

#include <cmath>
#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {

double TileGrid::resolution(int z) const {
  return std::ldexp(level0_resolution, -z);
}

int TileGrid::tiles_per_side(int z) const {
  return 1 << z;
}

bool TileGrid::contains(const TileCoord& t) const {
  return t.z >= 0 && t.z <= max_level && t.x >= 0 && t.y >= 0 && t.x < tiles_per_side(t.z) &&
         t.y < tiles_per_side(t.z);
}

geo::Box TileGrid::tile_box(const TileCoord& t) const {
  if (!contains(t)) {
    throw render_error("tile " + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
                       std::to_string(t.y) + " is outside the RD tile grid (levels 0-" +
                       std::to_string(max_level) + ", 2^level tiles a side)");
  }
  const double side = resolution(t.z) * tile_px;
  const double min_x = origin_x + t.x * side;
  const double max_y = origin_y - t.y * side;
  return geo::Box({min_x, max_y - side}, {min_x + side, max_y});
}

double scale_denominator_of(double metres_per_pixel) {
  return metres_per_pixel * 1000.0 / screen_pixel_mm;
}

}  // namespace wijkatlas::render
