#pragma once
// Scanline arithmetic shared by the count grids, exactly as GDAL's rasterizer does it
// (alg/llrasterize.cpp); see count_grid.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

struct PixelTransform {
  // GDALInvGeoTransform for a north-up grid, applied as GDAL applies it.
  double x0, sx, y0, sy;
  explicit PixelTransform(const GridSpec& g)
      : x0(-g.x_min / g.cell), sx(1.0 / g.cell), y0(-g.y_max / -g.cell), sy(1.0 / -g.cell) {}
  double px(const Point& p) const { return x0 + p.x() * sx; }
  double py(const Point& p) const { return y0 + p.y() * sy; }
};

// First row whose centre (row + 0.5) is >= y, computed exactly.
inline std::int64_t first_row_at_or_above(double y) {
  auto r = static_cast<std::int64_t>(std::ceil(y - 0.5));
  while (static_cast<double>(r) + 0.5 < y) ++r;
  while (static_cast<double>(r - 1) + 0.5 >= y) --r;
  return r;
}

// Crossings of one polygon set with the centre lines of rows [row_begin, row_end), packed as
// (row << 32) | (column + 2^31) so one integer sort orders them by row, then column.
inline void collect_crossings(const MultiPolygon& polygons, const PixelTransform& t,
                              std::int64_t row_begin, std::int64_t row_end,
                              std::vector<std::uint64_t>& out) {
  auto ring_crossings = [&](const Ring& ring) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      double x1 = t.px(ring[i]), y1 = t.py(ring[i]);
      double x2 = t.px(ring[i + 1]), y2 = t.py(ring[i + 1]);
      if (y1 == y2) continue;
      if (y1 > y2) {
        std::swap(y1, y2);
        std::swap(x1, x2);
      }
      // Cheap rejection of edges far from the rows asked for (bands are thin).
      if (y2 < static_cast<double>(row_begin) - 1 || y1 > static_cast<double>(row_end) + 1)
        continue;
      const std::int64_t from = std::max(row_begin, first_row_at_or_above(y1));
      const std::int64_t to = std::min(row_end, first_row_at_or_above(y2));  // centre < y2
      for (std::int64_t r = from; r < to; ++r) {
        const double dy = static_cast<double>(r) + 0.5;
        const double x = (dy - y1) * (x2 - x1) / (y2 - y1) + x1;
        const double column = std::clamp(std::floor(x + 0.5), -2.0e9, 2.0e9);
        out.push_back((static_cast<std::uint64_t>(r) << 32) |
                      static_cast<std::uint64_t>(static_cast<std::int64_t>(column) + (1LL << 31)));
      }
    }
  };
  for (const Polygon& p : polygons) {
    ring_crossings(p.outer());
    for (const Ring& hole : p.inners()) ring_crossings(hole);
  }
}

inline std::int64_t packed_row(std::uint64_t key) {
  return static_cast<std::int64_t>(key >> 32);
}
inline std::int64_t packed_column(std::uint64_t key) {
  return static_cast<std::int64_t>(key & 0xffffffffULL) - (1LL << 31);
}

// Adds one to every cell of the difference rows in [first, last) of `row`, clipped to the grid.
// Unsigned 16-bit arithmetic wraps; the prefix sums are still exact because every true count
// lies in [0, 65535].
inline void add_span(std::uint16_t* diff, std::int32_t columns, std::int64_t row,
                     std::int64_t first, std::int64_t last) {
  const std::int64_t a = std::max<std::int64_t>(first, 0);
  const std::int64_t b = std::min<std::int64_t>(last, columns);
  if (a >= b) return;
  std::uint16_t* line = diff + row * static_cast<std::int64_t>(columns);
  line[a] = static_cast<std::uint16_t>(line[a] + 1u);
  if (b < columns) line[b] = static_cast<std::uint16_t>(line[b] - 1u);
}

// Turns difference rows [row_begin, row_end) into counts.
inline void prefix_sums(std::uint16_t* grid, std::int32_t columns, std::int64_t row_begin,
                        std::int64_t row_end) {
  for (std::int64_t r = row_begin; r < row_end; ++r) {
    std::uint16_t* line = grid + r * static_cast<std::int64_t>(columns);
    std::uint16_t sum = 0;
    for (std::int32_t c = 0; c < columns; ++c) {
      line[c] = sum = static_cast<std::uint16_t>(sum + line[c]);
    }
  }
}

}  // namespace wijkatlas::geo::overlap_detail
