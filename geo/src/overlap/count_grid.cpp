// Gridded counts by scanlines. Per sheet and per row, the x-crossings of the sheet's polygon
// edges with the row's cell-centre line are computed, sorted and paired into spans (even-odd,
// so holes work); each span adds one to its cells through a difference row (+1 at the first
// cell, -1 after the last) that one prefix sum per row turns into counts. The work is
// proportional to the crossings plus the cells, never to cells x polygons.
//
// The arithmetic is GDAL's (alg/llrasterize.cpp): pixel coordinates from the inverse
// geotransform, row centre y + 0.5, an edge counts on a row when y1 <= centre < y2, crossing
// column floor(x + 0.5), span [first, second). So the result equals
// `gdal_rasterize -add -burn 1` on the same polygons, cell for cell. (GDAL additionally burns
// horizontal edges lying exactly on a centre line; grid_covering's offset keeps round
// coordinates off the centre lines, so that case does not arise.)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "overlap/parallel.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {
namespace {

struct PixelTransform {
  // GDALInvGeoTransform for a north-up grid, applied as GDAL applies it.
  double x0, sx, y0, sy;
  explicit PixelTransform(const GridSpec& g)
      : x0(-g.x_min / g.cell), sx(1.0 / g.cell), y0(-g.y_max / -g.cell), sy(1.0 / -g.cell) {}
  double px(const Point& p) const { return x0 + p.x() * sx; }
  double py(const Point& p) const { return y0 + p.y() * sy; }
};

// First row whose centre (row + 0.5) is >= y, computed exactly.
std::int64_t first_row_at_or_above(double y) {
  auto r = static_cast<std::int64_t>(std::ceil(y - 0.5));
  while (static_cast<double>(r) + 0.5 < y) ++r;
  while (static_cast<double>(r - 1) + 0.5 >= y) --r;
  return r;
}

// Crossings of one polygon set with the centre lines of rows [row_begin, row_end), packed as
// (row << 32) | (column + 2^31) so one integer sort orders them by row, then column.
void collect_crossings(const MultiPolygon& polygons, const PixelTransform& t,
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

// Adds one per span to the difference rows of rows [row_begin, row_end).
void add_spans(std::vector<std::uint64_t>& crossings, std::int32_t columns,
               std::uint16_t* diff) {
  std::sort(crossings.begin(), crossings.end());
  for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
    const std::uint64_t row = crossings[i] >> 32;
    const auto first = static_cast<std::int64_t>(crossings[i] & 0xffffffffULL) - (1LL << 31);
    const auto last = static_cast<std::int64_t>(crossings[i + 1] & 0xffffffffULL) - (1LL << 31);
    const std::int64_t a = std::max<std::int64_t>(first, 0);
    const std::int64_t b = std::min<std::int64_t>(last, columns);
    if (a >= b) continue;
    // Unsigned 16-bit arithmetic wraps; the prefix sums are still exact because every true
    // count lies in [0, 65535].
    std::uint16_t* line = diff + row * static_cast<std::uint64_t>(columns);
    line[a] = static_cast<std::uint16_t>(line[a] + 1u);
    if (b < columns) line[b] = static_cast<std::uint16_t>(line[b] - 1u);
  }
  crossings.clear();
}

struct RowRange {
  double top = 0, bottom = 0;  // pixel y of the polygon set's extent
};

void count_band(std::span<const DissolvedSheet> sheets, std::span<const RowRange> ranges,
                bool coverage, const GridSpec& spec, std::int64_t row_begin,
                std::int64_t row_end, std::uint16_t* grid) {
  const PixelTransform t(spec);
  std::vector<std::uint64_t> crossings;
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const DissolvedSheet& sheet = sheets[s];
    if (ranges[s].bottom < static_cast<double>(row_begin) ||
        ranges[s].top > static_cast<double>(row_end) + 1) {
      continue;  // the band's rows cannot cross this sheet
    }
    collect_crossings(coverage ? sheet.coverage : sheet.marked, t, row_begin, row_end,
                      crossings);
    // Rows are numbered from the grid's top, so the row offset stays in the packed key.
    add_spans(crossings, spec.columns, grid);
  }
  for (std::int64_t r = row_begin; r < row_end; ++r) {
    std::uint16_t* line = grid + r * static_cast<std::int64_t>(spec.columns);
    std::uint16_t sum = 0;
    for (std::int32_t c = 0; c < spec.columns; ++c) line[c] = sum = static_cast<std::uint16_t>(sum + line[c]);
  }
}

}  // namespace

CountGrid count_grid(std::span<const DissolvedSheet> sheets, const GridSpec& spec,
                     unsigned threads) {
  if (sheets.size() > 65535) {
    throw usage_error("count_grid counts at most 65,535 sheets per cell; got " +
                      std::to_string(sheets.size()) + " sheets");
  }
  CountGrid grid;
  grid.spec = spec;
  const auto cells = static_cast<std::size_t>(spec.columns) * static_cast<std::size_t>(spec.rows);
  grid.n.assign(cells, 0);
  grid.N.assign(cells, 0);
  const PixelTransform t(spec);
  std::vector<RowRange> marked(sheets.size()), covered(sheets.size());
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    for (auto [polygons, range] : {std::pair{&sheets[s].marked, &marked[s]},
                                   std::pair{&sheets[s].coverage, &covered[s]}}) {
      range->top = HUGE_VAL;
      range->bottom = -HUGE_VAL;
      for (const Polygon& p : *polygons) {
        for (const Point& v : p.outer()) {
          range->top = std::min(range->top, t.py(v));
          range->bottom = std::max(range->bottom, t.py(v));
        }
      }
    }
  }
  // Bands of rows: each worker owns its rows of both grids, so no two threads write one cell.
  const std::size_t bands = 4 * overlap_detail::worker_count(threads, 64);
  overlap_detail::parallel_for(2 * bands, threads, [&](std::size_t job) {
    const std::size_t band = job / 2;
    const std::int64_t begin = static_cast<std::int64_t>(band) * spec.rows / static_cast<std::int64_t>(bands);
    const std::int64_t end = static_cast<std::int64_t>(band + 1) * spec.rows / static_cast<std::int64_t>(bands);
    const bool coverage = job % 2 == 1;
    count_band(sheets, coverage ? covered : marked, coverage, spec, begin, end, coverage ? grid.N.data() : grid.n.data());
  });
  return grid;
}

}  // namespace wijkatlas::geo
