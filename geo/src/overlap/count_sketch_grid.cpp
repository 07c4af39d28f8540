// The fast path to gridded counts for large sets: straight from the sketches, without GEOS.
// Dissolving 20,000 sketches with GEOS takes several seconds; but a cell's centre lies in a
// sheet's dissolved area exactly when it lies in one of the sheet's marks and in its coverage,
// so the union can be taken per row on spans instead: each mark's crossings are paired (even-
// odd) into spans, the sheet's spans of one row are merged, cut to the coverage's spans, and
// added once. Same cells as count_grid on dissolve_sheets' output, without the polygons.
#include <algorithm>
#include <string>
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
  bool operator<(const Span& o) const {
    return row != o.row ? row < o.row : first < o.first;
  }
};

// Spans of one polygon set (even-odd over all its rings), sorted by row and column.
void spans_of(const MultiPolygon& polygons, const PixelTransform& t, std::int64_t row_begin,
              std::int64_t row_end, std::vector<std::uint64_t>& scratch,
              std::vector<Span>& out) {
  collect_crossings(polygons, t, row_begin, row_end, scratch);
  std::sort(scratch.begin(), scratch.end());
  for (std::size_t i = 0; i + 1 < scratch.size(); i += 2) {
    const std::int64_t first = packed_column(scratch[i]), last = packed_column(scratch[i + 1]);
    if (first < last) out.push_back({packed_row(scratch[i]), first, last});
  }
  scratch.clear();
}

// Union of sorted spans, per row.
std::vector<Span> merged(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && out.back().row == s.row && s.first <= out.back().last) {
      out.back().last = std::max(out.back().last, s.last);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

struct PreparedSheet {
  const MultiPolygon* coverage = nullptr;   // empty: the marks are the coverage
  std::vector<const MultiPolygon*> marks;   // polygons as given (not copied), or buffers
  std::vector<MultiPolygon> buffers;        // lines and points, buffered
  double top = 0, bottom = 0;               // pixel rows reached by marks or coverage
};

void count_band(std::span<const PreparedSheet> sheets, const GridSpec& spec,
                std::int64_t row_begin, std::int64_t row_end, std::uint16_t* n,
                std::uint16_t* covered) {
  const PixelTransform t(spec);
  std::vector<std::uint64_t> scratch;
  std::vector<Span> mark_spans, coverage_spans;
  for (const PreparedSheet& sheet : sheets) {
    if (sheet.bottom < static_cast<double>(row_begin) ||
        sheet.top > static_cast<double>(row_end) + 1) {
      continue;
    }
    for (const MultiPolygon* m : sheet.marks) spans_of(*m, t, row_begin, row_end, scratch, mark_spans);
    std::vector<Span> marked = merged(mark_spans);
    mark_spans.clear();
    if (sheet.coverage->empty()) {
      for (const Span& s : marked) {
        add_span(n, spec.columns, s.row, s.first, s.last);
        add_span(covered, spec.columns, s.row, s.first, s.last);
      }
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
  }
  prefix_sums(n, spec.columns, row_begin, row_end);
  prefix_sums(covered, spec.columns, row_begin, row_end);
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
      if (kind_of(mark) == GeometryKind::polygons) p.marks.push_back(&std::get<MultiPolygon>(mark));
    }
    for (const MultiPolygon& b : p.buffers) p.marks.push_back(&b);
    auto reach = [&](const MultiPolygon& mp) {
      for (const Polygon& polygon : mp) {
        for (const Point& v : polygon.outer()) {
          p.top = std::min(p.top, t.py(v));
          p.bottom = std::max(p.bottom, t.py(v));
        }
      }
    };
    reach(*p.coverage);
    for (const MultiPolygon* m : p.marks) reach(*m);
  });
  CountGrid grid;
  grid.spec = spec;
  const auto cells = static_cast<std::size_t>(spec.columns) * static_cast<std::size_t>(spec.rows);
  grid.n.assign(cells, 0);
  grid.N.assign(cells, 0);
  const std::size_t bands = 8 * worker_count(options.threads, 64);
  parallel_for(bands, options.threads, [&](std::size_t band) {
    const auto rows = static_cast<std::int64_t>(spec.rows);
    const std::int64_t begin = static_cast<std::int64_t>(band) * rows / static_cast<std::int64_t>(bands);
    const std::int64_t end = static_cast<std::int64_t>(band + 1) * rows / static_cast<std::int64_t>(bands);
    count_band(prepared, spec, begin, end, grid.n.data(), grid.N.data());
  });
  return grid;
}

}  // namespace wijkatlas::geo
