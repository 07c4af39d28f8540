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
#include "overlap/scanline.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {
namespace {
using overlap_detail::collect_crossings;
using overlap_detail::PixelTransform;

// Pairs sorted crossings into spans and adds them to the difference rows.
void add_spans(std::vector<std::uint64_t>& crossings, std::int32_t columns, std::uint16_t* diff) {
  std::sort(crossings.begin(), crossings.end());
  for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
    overlap_detail::add_span(diff, columns, overlap_detail::packed_row(crossings[i]),
                             overlap_detail::packed_column(crossings[i]),
                             overlap_detail::packed_column(crossings[i + 1]));
  }
  crossings.clear();
}

struct RowRange {
  double top = 0, bottom = 0;  // pixel y of the polygon set's extent
};

void count_band(std::span<const DissolvedSheet> sheets, std::span<const RowRange> ranges,
                bool coverage, const GridSpec& spec, std::int64_t row_begin, std::int64_t row_end,
                std::uint16_t* grid) {
  const PixelTransform t(spec);
  std::vector<std::uint64_t> crossings;
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const DissolvedSheet& sheet = sheets[s];
    if (ranges[s].bottom < static_cast<double>(row_begin) ||
        ranges[s].top > static_cast<double>(row_end) + 1) {
      continue;  // the band's rows cannot cross this sheet
    }
    collect_crossings(coverage ? sheet.coverage : sheet.marked, t, row_begin, row_end, crossings);
    // Rows are numbered from the grid's top, so the row offset stays in the packed key.
    add_spans(crossings, spec.columns, grid);
  }
  overlap_detail::prefix_sums(grid, spec.columns, row_begin, row_end);
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
    for (auto [polygons, range] :
         {std::pair{&sheets[s].marked, &marked[s]}, std::pair{&sheets[s].coverage, &covered[s]}}) {
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
    const std::int64_t begin =
        static_cast<std::int64_t>(band) * spec.rows / static_cast<std::int64_t>(bands);
    const std::int64_t end =
        static_cast<std::int64_t>(band + 1) * spec.rows / static_cast<std::int64_t>(bands);
    const bool coverage = job % 2 == 1;
    count_band(sheets, coverage ? covered : marked, coverage, spec, begin, end,
               coverage ? grid.N.data() : grid.n.data());
  });
  return grid;
}

}  // namespace wijkatlas::geo
