#include "locator/cell_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "overlap/parallel.hpp"

namespace wijkatlas::geo::locator_detail {
namespace {

using overlap_detail::parallel_for;

// Adds `polygon` to the sorted set `active` if absent, removes it if present: one crossing of
// its boundary.
void toggle(std::vector<std::uint32_t>& active, std::uint32_t polygon) {
  const auto at = std::lower_bound(active.begin(), active.end(), polygon);
  if (at != active.end() && *at == polygon)
    active.erase(at);
  else
    active.insert(at, polygon);
}

// The lowest polygon in `active` that is not among `candidates` (both ascending), or -1.
std::int32_t lowest_not_among(const std::vector<std::uint32_t>& active,
                              std::span<const std::uint32_t> candidates) {
  for (std::uint32_t polygon : active) {
    if (!std::binary_search(candidates.begin(), candidates.end(), polygon)) {
      return static_cast<std::int32_t>(polygon);
    }
  }
  return CellGrid::outside;
}

}  // namespace

CellGrid::CellGrid(const Box& bounds, double edge_length, std::size_t max_cells) {
  x0_ = bounds.min_corner().x();
  y0_ = bounds.min_corner().y();
  x1_ = bounds.max_corner().x();
  y1_ = bounds.max_corner().y();
  if (!(x0_ <= x1_ && y0_ <= y1_)) return;  // no edges: every point is outside
  max_cells = std::max<std::size_t>(max_cells, 1);
  const double w = std::max(x1_ - x0_, 1e-6), h = std::max(y1_ - y0_, 1e-6);
  // An edge of length l meets about 1.5 l / side cells, and `edge_length` counts every shared
  // edge twice: this side makes about one cell in twenty-five an edge cell.
  const double area = w * h;
  const double wanted = std::pow(0.75 * edge_length / (0.04 * area), 2) * area;
  const double side = std::sqrt(area / std::clamp(wanted, 1.0, static_cast<double>(max_cells)));
  nx_ = static_cast<std::uint32_t>(std::clamp(std::ceil(w / side), 1.0, 65536.0));
  ny_ = static_cast<std::uint32_t>(std::clamp(std::ceil(h / side), 1.0, 65536.0));
  while (std::size_t{nx_} * ny_ > max_cells) {
    if (nx_ >= ny_)
      nx_ = std::max(1u, nx_ - nx_ / 16 - 1);
    else
      ny_ = std::max(1u, ny_ - ny_ / 16 - 1);
  }
  width_ = w / nx_;
  height_ = h / ny_;
  inverse_width_ = nx_ / w;
  inverse_height_ = ny_ / h;
  // Far above the rounding error of any test here (about 1e-16 of the coordinates), and above
  // the on-edge tolerance: points in cells beyond it are decided by the sweep alone.
  const double magnitude = std::max({std::abs(x0_), std::abs(x1_), std::abs(y0_), std::abs(y1_)});
  margin_ = on_edge_tolerance + 1e-9 * (magnitude + std::max(w, h));
}

void CellGrid::add(Chunk& chunk, std::uint32_t polygon, std::span<const Edge> edges) const {
  if (nx_ == 0) return;
  const double m = margin_;
  auto& cells = chunk.cells_;
  for (const Edge& e : edges) {
    const double dx = e.x1 - e.x0, dy = e.y1 - e.y0;
    const double x_per_y = dy > 0 ? dx / dy : 0;
    // The cells the edge passes within the margin: per row, the part of the edge within the
    // row's band, widened by the margin.
    const std::uint32_t first_row = row_of(e.y0 - m), last_row = row_of(e.y1 + m);
    for (std::uint32_t row = first_row; row <= last_row; ++row) {
      double xa = e.x0, xb = e.x1;
      if (first_row != last_row && dy > 0) {
        const double lo = y0_ + row * height_ - m, hi = lo + height_ + 2 * m;
        if (lo > e.y0) xa = e.x0 + (lo - e.y0) * x_per_y;
        if (hi < e.y1) xb = e.x0 + (hi - e.y0) * x_per_y;
      }
      const std::uint32_t base = row * nx_;
      for (std::uint32_t c = column_of(std::min(xa, xb) - m),
                         c_last = column_of(std::max(xa, xb) + m);
           c <= c_last; ++c) {
        // Consecutive edges of a ring share the cell of their common vertex: most repeats are
        // dropped here, the rest when each cell's candidates are made unique.
        if (cells.empty() || cells.back().cell != base + c || cells.back().polygon != polygon) {
          cells.push_back({base + c, polygon});
        }
      }
    }
    // The rows whose centre line the edge crosses under the half-open rule (y0 <= y < y1), as
    // ray_crosses counts them, and where.
    if (!(dy > 0)) continue;
    std::uint32_t row = row_of(e.y0);
    while (row > 0 && row_centre(row - 1) >= e.y0) --row;
    for (; row < ny_ && row_centre(row) < e.y1; ++row) {
      const double y = row_centre(row);
      if (y >= e.y0) chunk.crossings_.push_back({e.x0 + (y - e.y0) * x_per_y, row, polygon});
    }
  }
}

void CellGrid::make_edge_cells(const std::vector<Chunk>& chunks) {
  // Count the candidates per cell in the grid itself, then turn counts into edge cells.
  const std::size_t total = cell_count();
  cells_ = support::HugePageArray<std::int32_t>(total);
  std::memset(cells_.data(), 0, total * sizeof(std::int32_t));
  for (const Chunk& chunk : chunks) {
    for (const auto& f : chunk.cells_) ++cells_[f.cell];
  }
  std::uint32_t offset = 0;
  std::size_t pairs = 0;
  for (const Chunk& chunk : chunks) pairs += chunk.cells_.size();
  edge_cells_.reserve(pairs);
  for (std::size_t c = 0; c < total; ++c) {
    if (cells_[c] == 0) continue;
    const auto n = static_cast<std::uint32_t>(cells_[c]);
    cells_[c] = -2 - static_cast<std::int32_t>(edge_cells_.size());
    edge_cells_.push_back({offset, offset, outside});
    offset += n;
  }
  candidates_.resize(offset);
  // In polygon order, so that every cell's candidates come out ascending.
  for (const Chunk& chunk : chunks) {
    for (const auto& f : chunk.cells_) {
      EdgeCell& cell = edge_cells_[static_cast<std::size_t>(-2 - cells_[f.cell])];
      candidates_[cell.end++] = f.polygon;
    }
  }
}

void CellGrid::finish(std::vector<Chunk>& chunks, unsigned threads) {
  if (nx_ == 0) return;
  make_edge_cells(chunks);
  for (Chunk& chunk : chunks) chunk.cells_ = {};
  // The crossings grouped by row (counting sort).
  std::vector<std::uint32_t> offsets(std::size_t{ny_} + 1, 0);
  for (const Chunk& chunk : chunks) {
    for (const auto& c : chunk.crossings_) ++offsets[c.row + 1];
  }
  for (std::size_t row = 1; row < offsets.size(); ++row) offsets[row] += offsets[row - 1];
  std::vector<Chunk::Crossing> crossings(offsets.back());
  {
    std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
    for (Chunk& chunk : chunks) {
      for (const auto& c : chunk.crossings_) crossings[cursor[c.row]++] = c;
      chunk.crossings_ = {};
    }
  }
  // Rows are independent: each owns its cells, its edge cells and its crossings.
  constexpr std::uint32_t rows_per_job = 16;
  parallel_for((ny_ + rows_per_job - 1) / rows_per_job, threads, [&](std::size_t job) {
    std::vector<std::uint32_t> active;
    const auto first = static_cast<std::uint32_t>(job * rows_per_job);
    for (std::uint32_t row = first; row < std::min(ny_, first + rows_per_job); ++row) {
      classify_row(row, std::span(crossings).subspan(offsets[row], offsets[row + 1] - offsets[row]),
                   active);
    }
  });
}

void CellGrid::classify_row(std::uint32_t row, std::span<Chunk::Crossing> crossings,
                            std::vector<std::uint32_t>& active) {
  // From the east: a polygon holds a cell centre when an odd number of its edges cross the
  // row's centre line east of it, as the ray of ray_crosses counts them.
  std::sort(crossings.begin(), crossings.end(),
            [](const Chunk::Crossing& a, const Chunk::Crossing& b) { return a.x > b.x; });
  active.clear();
  std::size_t next = 0;
  std::int32_t* cells = cells_.data() + std::size_t{row} * nx_;
  for (std::uint32_t c = nx_; c-- > 0;) {
    const double x = column_centre(c);
    while (next < crossings.size() && crossings[next].x > x)
      toggle(active, crossings[next++].polygon);
    if (!is_edge(cells[c])) {
      cells[c] = active.empty() ? outside : static_cast<std::int32_t>(active.front());
      continue;
    }
    EdgeCell& cell = edge_cells_[static_cast<std::size_t>(-2 - cells[c])];
    // Ascending already (filled in polygon order), but a polygon may be there twice.
    cell.end = static_cast<std::uint32_t>(
        std::unique(candidates_.data() + cell.begin, candidates_.data() + cell.end) -
        candidates_.data());
    // The polygons whose edges pass the cell are decided per point; of the others, the lowest
    // that holds the centre holds the whole cell, and candidates above it cannot win.
    cell.base = lowest_not_among(active, candidates(cell));
    if (cell.base >= 0) {
      const auto own = candidates(cell);
      cell.end = cell.begin + static_cast<std::uint32_t>(
                                  std::lower_bound(own.begin(), own.end(),
                                                   static_cast<std::uint32_t>(cell.base)) -
                                  own.begin());
    }
  }
}

}  // namespace wijkatlas::geo::locator_detail
