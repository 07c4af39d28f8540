#include <cmath>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {

GridSpec grid_covering(const Box& extent, double cell, double offset_m) {
  if (!(cell > 0)) throw usage_error("grid cell size must be positive");
  GridSpec spec;
  spec.cell = cell;
  spec.x_min = std::floor(extent.min_corner().x() / cell) * cell - offset_m;
  spec.y_max = std::ceil(extent.max_corner().y() / cell) * cell + offset_m;
  const double columns = std::ceil((extent.max_corner().x() - spec.x_min) / cell);
  const double rows = std::ceil((spec.y_max - extent.min_corner().y()) / cell);
  if (columns * rows > 2.0e9) {
    throw usage_error("a grid of " + std::to_string(columns) + " x " + std::to_string(rows) +
                      " cells is too large; choose larger cells");
  }
  spec.columns = std::max(1, static_cast<std::int32_t>(columns));
  spec.rows = std::max(1, static_cast<std::int32_t>(rows));
  return spec;
}

}  // namespace wijkatlas::geo
