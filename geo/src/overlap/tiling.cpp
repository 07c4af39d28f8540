#include "overlap/tiling.hpp"

#include <algorithm>
#include <cmath>

namespace wijkatlas::geo::overlap_detail {
namespace {
// Noding and polygonizing grow faster than linearly with the vertices in one go; about this
// many per tile kept the 4,000-sketch benchmark fastest (docs/overlap.md).
constexpr std::size_t vertex_budget = 6000;
constexpr double smallest_tile = 16.0;  // m; below this a tile is not split further
}  // namespace

std::vector<Box> make_tiles(const SheetIndex& index, const OverlapOptions& options) {
  std::vector<Box> out;
  if (index.empty()) return out;
  const Box& ext = index.extent();
  const double x0 = std::floor(ext.min_corner().x()) - 1;
  const double y0 = std::floor(ext.min_corner().y()) - 1;
  const double needed = std::max(ext.max_corner().x() - x0, ext.max_corner().y() - y0) + 1;
  double side = 1;
  while (side < needed) side *= 2;  // powers of two keep every split on whole metres

  std::vector<Box> pending{Box({x0, y0}, {x0 + side, y0 + side})};
  while (!pending.empty()) {
    const Box box = pending.back();
    pending.pop_back();
    const std::size_t load = index.marked_vertices_in(box);
    if (load == 0) continue;
    const double edge = box.max_corner().x() - box.min_corner().x();
    const bool split = options.tile_size_m > 0 ? edge > options.tile_size_m && edge / 2 >= 1
                                               : load > vertex_budget && edge / 2 >= smallest_tile;
    if (!split) {
      out.push_back(box);
      continue;
    }
    const double half = edge / 2, bx = box.min_corner().x(), by = box.min_corner().y();
    for (int q = 0; q < 4; ++q) {
      const double qx = bx + (q % 2) * half, qy = by + (q / 2) * half;
      pending.push_back(Box({qx, qy}, {qx + half, qy + half}));
    }
  }
  return out;
}

}  // namespace wijkatlas::geo::overlap_detail
