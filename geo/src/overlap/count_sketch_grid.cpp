// The fast path to gridded counts for large sets: straight from the sketches, without GEOS.
// Dissolving 20,000 sketches with GEOS takes several seconds; but a cell's centre lies in a
// sheet's dissolved area exactly when it lies in one of the sheet's marks and in its coverage,
// so the union can be taken per row on spans instead: each mark's crossings are paired (even-
// odd) into spans, the sheet's spans of one row are merged, cut to the coverage's spans, and
// added once. Same cells as count_grid on dissolve_sheets' output, without the polygons.
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "overlap/parallel.hpp"
#include "overlap/scanline.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {
namespace {
using namespace overlap_detail;

struct Span {
  std::int64_t row, first, last;
  bool operator<(const Span& o) const { return row != o.row ? row < o.row : first < o.first; }
};

// Spans of one polygon set (even-odd over all its rings), sorted by row and column.
void spans_of(const MultiPolygon& polygons, const PixelTransform& t, std::int64_t row_begin,
              std::int64_t row_end, std::vector<std::uint64_t>& scratch, std::vector<Span>& out) {
  collect_crossings(polygons, t, row_begin, row_end, scratch);
  std::sort(scratch.begin(), scratch.end());
  for (std::size_t i = 0; i + 1 < scratch.size(); i += 2) {
    const std::int64_t first = packed_column(scratch[i]), last = packed_column(scratch[i + 1]);
    if (first < last) out.push_back({packed_row(scratch[i]), first, last});
  }
  scratch.clear();
}

// Union of the spans, per row, in place.
void merge_in_place(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end());
  std::size_t out = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    if (out > 0 && spans[out - 1].row == s.row && s.first <= spans[out - 1].last) {
      spans[out - 1].last = std::max(spans[out - 1].last, s.last);
    } else {
      spans[out++] = s;
    }
  }
  spans.resize(out);
}

struct PreparedMark {
  const MultiPolygon* polygons = nullptr;  // as given (not copied), or a buffer
  double top = 0, bottom = 0;              // pixel rows it reaches
};

struct PreparedSheet {
  const MultiPolygon* coverage = nullptr;  // empty: the marks are the coverage
  std::vector<PreparedMark> marks;
  std::vector<MultiPolygon> buffers;  // lines and points, buffered
  double top = 0, bottom = 0;         // pixel rows reached by marks or coverage
};

bool reaches(double top, double bottom, std::int64_t row_begin, std::int64_t row_end) {
  return bottom >= static_cast<double>(row_begin) - 1 && top <= static_cast<double>(row_end) + 1;
}

// Rows [row_begin, row_end) into `n` and `covered` (whole grids). The band's difference rows
// are a small local buffer that stays in cache while every sheet's spans land in it; the
// prefix sums then write each output row once, in order.
struct BandBuffers {
  std::vector<std::uint16_t> n, covered;
};

void count_band(std::span<const PreparedSheet> sheets, const GridSpec& spec, std::int64_t row_begin,
                std::int64_t row_end, BandBuffers& buffers, std::uint16_t* n_out,
                std::uint16_t* covered_out) {
  const PixelTransform t(spec);
  const auto cells =
      static_cast<std::size_t>(row_end - row_begin) * static_cast<std::size_t>(spec.columns);
  buffers.n.assign(cells, 0);
  buffers.covered.assign(cells, 0);
  // Spans keep their absolute row; the local buffers start at row_begin.
  std::uint16_t* n = buffers.n.data() - row_begin * static_cast<std::int64_t>(spec.columns);
  std::uint16_t* covered =
      buffers.covered.data() - row_begin * static_cast<std::int64_t>(spec.columns);
  thread_local std::vector<std::uint64_t> scratch;
  thread_local std::vector<Span> mark_spans, coverage_spans;
  for (const PreparedSheet& sheet : sheets) {
    if (!reaches(sheet.top, sheet.bottom, row_begin, row_end)) continue;
    for (const PreparedMark& m : sheet.marks) {
      if (reaches(m.top, m.bottom, row_begin, row_end)) {
        spans_of(*m.polygons, t, row_begin, row_end, scratch, mark_spans);
      }
    }
    merge_in_place(mark_spans);
    const std::vector<Span>& marked = mark_spans;
    if (sheet.coverage->empty()) {
      for (const Span& s : marked) {
        add_span(n, spec.columns, s.row, s.first, s.last);
        add_span(covered, spec.columns, s.row, s.first, s.last);
      }
      mark_spans.clear();
      continue;
    }
    spans_of(*sheet.coverage, t, row_begin, row_end, scratch, coverage_spans);
    std::sort(coverage_spans.begin(), coverage_spans.end());
    for (const Span& s : coverage_spans) add_span(covered, spec.columns, s.row, s.first, s.last);
    // Marks count only where the sheet showed the map: intersect two sorted span lists.
    std::size_t j = 0;
    for (const Span& m : marked) {
      while (j < coverage_spans.size() &&
             (coverage_spans[j].row < m.row ||
              (coverage_spans[j].row == m.row && coverage_spans[j].last <= m.first))) {
        ++j;
      }
      for (std::size_t k = j; k < coverage_spans.size() && coverage_spans[k].row == m.row &&
                              coverage_spans[k].first < m.last;
           ++k) {
        add_span(n, spec.columns, m.row, std::max(m.first, coverage_spans[k].first),
                 std::min(m.last, coverage_spans[k].last));
      }
    }
    coverage_spans.clear();
    mark_spans.clear();
  }
  for (auto [diff, out] :
       {std::pair{buffers.n.data(), n_out}, std::pair{buffers.covered.data(), covered_out}}) {
    for (std::int64_t r = row_begin; r < row_end; ++r) {
      const std::uint16_t* line = diff + (r - row_begin) * static_cast<std::int64_t>(spec.columns);
      std::uint16_t* target = out + r * static_cast<std::int64_t>(spec.columns);
      std::uint16_t sum = 0;
      for (std::int32_t c = 0; c < spec.columns; ++c)
        target[c] = sum = static_cast<std::uint16_t>(sum + line[c]);
    }
  }
}

// Zeroed cells, in transparent huge pages where the kernel allows them: with 4 KiB pages the
// first touch of the two grids (300 MB at 1 m for Arnhem) was a third of the count's time.
void allocate_in_huge_pages(std::vector<std::uint16_t>& cells, std::size_t count) {
  cells.reserve(count);  // allocated, not yet touched
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(cells.data());
  const std::uintptr_t from = (begin + huge_page - 1) & ~(huge_page - 1);
  const std::uintptr_t to = (begin + count * sizeof(std::uint16_t)) & ~(huge_page - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);  // advice only
#endif
  cells.resize(count);
}

}  // namespace

CountGrid count_sketch_grid(std::span<const SketchSheet> sheets, const GridSpec& spec,
                            const OverlapOptions& options) {
  if (sheets.size() > 65535) {
    throw usage_error("count_sketch_grid counts at most 65,535 sheets per cell; got " +
                      std::to_string(sheets.size()) + " sheets");
  }
  const PixelTransform t(spec);
  std::vector<PreparedSheet> prepared(sheets.size());
  parallel_for(sheets.size(), options.threads, [&](std::size_t i) {
    PreparedSheet& p = prepared[i];
    p.coverage = &sheets[i].coverage;
    p.top = HUGE_VAL;
    p.bottom = -HUGE_VAL;
    for (const Geometry& mark : sheets[i].marks) {
      const GeometryKind kind = kind_of(mark);
      if (kind == GeometryKind::lines) p.buffers.push_back(buffer(mark, options.line_buffer_m));
      if (kind == GeometryKind::point || kind == GeometryKind::multipoint) {
        p.buffers.push_back(buffer(mark, options.point_buffer_m));
      }
    }
    for (const Geometry& mark : sheets[i].marks) {
      if (kind_of(mark) == GeometryKind::polygons)
        p.marks.push_back({&std::get<MultiPolygon>(mark)});
    }
    for (const MultiPolygon& b : p.buffers) p.marks.push_back({&b});
    auto reach = [&](const MultiPolygon& mp, double& top, double& bottom) {
      for (const Polygon& polygon : mp) {
        for (const Point& v : polygon.outer()) {
          top = std::min(top, t.py(v));
          bottom = std::max(bottom, t.py(v));
        }
      }
    };
    reach(*p.coverage, p.top, p.bottom);
    for (PreparedMark& m : p.marks) {
      m.top = HUGE_VAL;
      m.bottom = -HUGE_VAL;
      reach(*m.polygons, m.top, m.bottom);
      p.top = std::min(p.top, m.top);
      p.bottom = std::max(p.bottom, m.bottom);
    }
  });
  CountGrid grid;
  grid.spec = spec;
  const auto cells = static_cast<std::size_t>(spec.columns) * static_cast<std::size_t>(spec.rows);
  {
    // Every cell is written below; zeroing (page faults) is the cost, on two threads.
    std::jthread other([&] { allocate_in_huge_pages(grid.N, cells); });
    allocate_in_huge_pages(grid.n, cells);
  }
  // Bands of about 1 MB of difference rows per grid, so the random additions stay in cache.
  const std::int64_t rows = spec.rows;
  const std::int64_t band_rows = std::clamp<std::int64_t>(
      (std::int64_t{1} << 19) / std::max<std::int64_t>(spec.columns, 1), 4, 1024);
  const auto bands = static_cast<std::size_t>((rows + band_rows - 1) / band_rows);
  parallel_for(bands, options.threads, [&](std::size_t band) {
    thread_local BandBuffers buffers;  // reused from band to band
    const std::int64_t begin = static_cast<std::int64_t>(band) * band_rows;
    const std::int64_t end = std::min(rows, begin + band_rows);
    count_band(prepared, spec, begin, end, buffers, grid.n.data(), grid.N.data());
  });
  return grid;
}

}  // namespace wijkatlas::geo
