#include "jagged_tiling.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "random.hpp"

namespace wijkatlas::bench {
namespace {

// Node jitter as a fraction of the cell size. With 0.15 the chords of two edges leaving one node
// are at least ~44 degrees apart.
constexpr double node_jitter = 0.15;
// Sideways push of an edge's inner vertices as a fraction of the edge length, tapered by
// sin(pi t) to zero at both nodes. Each edge then stays within a cone of atan(0.05 pi) ~ 9
// degrees around its chord, so edges never cross and every cell is a valid simple polygon.
constexpr double edge_amplitude = 0.05;

constexpr std::uint64_t salt_node_x = 11;
constexpr std::uint64_t salt_node_y = 12;

// Checked before the cell size is computed from it.
const TilingSpec& checked(const TilingSpec& spec) {
  if (spec.columns < 1 || spec.rows < 1 || spec.segments_per_edge < 1) {
    throw std::invalid_argument("tiling needs at least one column, row and segment per edge");
  }
  if (!(spec.extent.max_corner().x() > spec.extent.min_corner().x() &&
        spec.extent.max_corner().y() > spec.extent.min_corner().y())) {
    throw std::invalid_argument("tiling extent must have min < max on both axes");
  }
  return spec;
}

}  // namespace

JaggedTiling::JaggedTiling(const TilingSpec& spec)
    : spec_(checked(spec)),
      cell_width_((spec.extent.max_corner().x() - spec.extent.min_corner().x()) / spec.columns),
      cell_height_((spec.extent.max_corner().y() - spec.extent.min_corner().y()) / spec.rows) {}

double JaggedTiling::jitter(std::uint64_t salt, int i, int j, int k) const {
  const std::uint64_t h = hash_key({spec_.seed, salt, static_cast<std::uint64_t>(i),
                                    static_cast<std::uint64_t>(j), static_cast<std::uint64_t>(k)});
  return 2.0 * unit_interval(h) - 1.0;  // [-1, 1)
}

geo::Point JaggedTiling::node(int i, int j) const {
  // Border nodes slide only along the border, so the tiling covers the rectangle exactly.
  const bool on_west_or_east = i == 0 || i == spec_.columns;
  const bool on_south_or_north = j == 0 || j == spec_.rows;
  const double dx =
      on_west_or_east ? 0.0 : node_jitter * cell_width_ * jitter(salt_node_x, i, j, 0);
  const double dy =
      on_south_or_north ? 0.0 : node_jitter * cell_height_ * jitter(salt_node_y, i, j, 0);
  return {spec_.extent.min_corner().x() + i * cell_width_ + dx,
          spec_.extent.min_corner().y() + j * cell_height_ + dy};
}

std::vector<geo::Point> JaggedTiling::edge(EdgeKind kind, int i, int j) const {
  const geo::Point a = node(i, j);
  const geo::Point b = kind == EdgeKind::horizontal ? node(i + 1, j) : node(i, j + 1);
  const bool on_border =
      kind == EdgeKind::horizontal ? (j == 0 || j == spec_.rows) : (i == 0 || i == spec_.columns);
  const double dx = b.x() - a.x();
  const double dy = b.y() - a.y();
  const double length = std::hypot(dx, dy);
  // Unit normal to the left of a -> b.
  const double nx = -dy / length;
  const double ny = dx / length;

  const int n = spec_.segments_per_edge;
  std::vector<geo::Point> points;
  points.reserve(static_cast<std::size_t>(n) + 1);
  points.push_back(a);
  for (int k = 1; k < n; ++k) {
    const double t = static_cast<double>(k) / n;
    const double push = on_border ? 0.0
                                  : edge_amplitude * length * std::sin(std::numbers::pi * t) *
                                        jitter(static_cast<std::uint64_t>(kind), i, j, k);
    points.emplace_back(a.x() + t * dx + push * nx, a.y() + t * dy + push * ny);
  }
  points.push_back(b);
  return points;
}

geo::Ring JaggedTiling::ring(int column, int row) const {
  if (column < 0 || column >= spec_.columns || row < 0 || row >= spec_.rows) {
    throw std::out_of_range("cell outside the tiling");
  }
  const std::vector<geo::Point> south = edge(EdgeKind::horizontal, column, row);
  const std::vector<geo::Point> east = edge(EdgeKind::vertical, column + 1, row);
  const std::vector<geo::Point> north = edge(EdgeKind::horizontal, column, row + 1);
  const std::vector<geo::Point> west = edge(EdgeKind::vertical, column, row);

  // Counter-clockwise: along the south edge eastwards, up the east edge, back along the north
  // edge westwards, down the west edge. Each edge contributes all but its last vertex; the
  // ring is closed by repeating the first vertex.
  geo::Ring ring;
  ring.reserve(4 * static_cast<std::size_t>(spec_.segments_per_edge) + 1);
  ring.insert(ring.end(), south.begin(), south.end() - 1);
  ring.insert(ring.end(), east.begin(), east.end() - 1);
  ring.insert(ring.end(), north.rbegin(), north.rend() - 1);
  ring.insert(ring.end(), west.rbegin(), west.rend() - 1);
  ring.push_back(ring.front());
  return ring;
}

}  // namespace wijkatlas::bench
