// Per-sheet dissolve: a sheet counts once wherever its own marks overlap, so every sheet becomes
// one polygonal area before anything is counted. This also shrinks the overlay's input: the
// outlines inside a sheet's own overlaps never reach the noder.
#include <cstdio>
#include <string>
#include <vector>

#include "overlap/geos_context.hpp"
#include "overlap/parallel.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/support/geos_convert.hpp"

namespace wijkatlas::geo {
namespace {
using support::GeosContext;
using support::GeosGeometryPtr;
using support::take_geos;

constexpr int buffer_quadrant_segments = 8;
// Ink outside the printed map is reported when it is more than this (m²); a stroke that ends
// a little past the frame is normal.
constexpr double reported_outside_area = 1.0;

std::string fmt_area(double a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", a);
  return buf;
}

GeosGeometryPtr snapped(GeosContext& ctx, GeosGeometryPtr g, double precision,
                        const std::string& what) {
  if (precision <= 0) return g;
  return take_geos(ctx, GEOSGeom_setPrecision_r(ctx.get(), g.get(), precision, 0), what);
}

// One mark as a polygonal GEOS geometry: polygons repaired if needed, lines and points buffered.
GeosGeometryPtr mark_area(GeosContext& ctx, const Geometry& mark, const OverlapOptions& options,
                          const std::string& where, std::vector<std::string>& warnings) {
  if (kind_of(mark) == GeometryKind::polygons) {
    if (const auto reason = invalid_reason(mark)) {
      // The same repair as when reading (geo::make_valid: GEOS MakeValid, structure method).
      warnings.push_back(where + ": invalid polygon (" + *reason +
                         ") repaired with GEOS MakeValid");
      return support::to_geos(ctx, make_valid(std::get<MultiPolygon>(mark)));
    }
  }
  auto g = support::to_geos(ctx, mark);
  switch (kind_of(mark)) {
    case GeometryKind::polygons:
      return g;
    case GeometryKind::lines:
      return take_geos(
          ctx, GEOSBuffer_r(ctx.get(), g.get(), options.line_buffer_m, buffer_quadrant_segments),
          where + ": buffering a line");
    case GeometryKind::point:
    case GeometryKind::multipoint:
      return take_geos(
          ctx, GEOSBuffer_r(ctx.get(), g.get(), options.point_buffer_m, buffer_quadrant_segments),
          where + ": buffering a point");
    case GeometryKind::none:
      break;
  }
  return nullptr;
}

DissolvedSheet dissolve_one(const SketchSheet& sheet, const OverlapOptions& options,
                            std::vector<std::string>& warnings) {
  GeosContext& ctx = overlap_detail::geos_context();
  const std::string where = "sheet " + sheet.id;
  std::vector<GEOSGeometry*> parts;  // handed to the collection below
  for (std::size_t i = 0; i < sheet.marks.size(); ++i) {
    auto area = mark_area(ctx, sheet.marks[i], options, where + ", mark " + std::to_string(i + 1),
                          warnings);
    if (area) parts.push_back(area.release());
  }
  auto all = take_geos(ctx,
                       GEOSGeom_createCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                   static_cast<unsigned>(parts.size())),
                       where + ": collecting marks");
  // Snap-rounding union (OverlayNG): valid output on the precision grid, whatever the input.
  auto marked = take_geos(ctx,
                          options.precision_m > 0
                              ? GEOSUnaryUnionPrec_r(ctx.get(), all.get(), options.precision_m)
                              : GEOSUnaryUnion_r(ctx.get(), all.get()),
                          where + ": dissolving marks");

  DissolvedSheet out;
  out.id = sheet.id;
  if (sheet.coverage.empty()) {
    out.marked = support::polygons_from_geos(ctx, marked.get());
    out.coverage = out.marked;
    return out;
  }
  auto coverage = support::to_geos(ctx, sheet.coverage);
  if (GEOSisValid_r(ctx.get(), coverage.get()) != 1) {
    warnings.push_back(where + ": invalid coverage repaired with GEOS MakeValid");
    coverage = support::to_geos(ctx, make_valid(sheet.coverage));
  }
  coverage = snapped(ctx, std::move(coverage), options.precision_m, where + ": coverage");
  if (GEOSCovers_r(ctx.get(), coverage.get(), marked.get()) != 1) {
    double before = 0, after = 0;
    GEOSArea_r(ctx.get(), marked.get(), &before);
    marked = take_geos(
        ctx,
        options.precision_m > 0
            ? GEOSIntersectionPrec_r(ctx.get(), marked.get(), coverage.get(), options.precision_m)
            : GEOSIntersection_r(ctx.get(), marked.get(), coverage.get()),
        where + ": clipping to the coverage");
    GEOSArea_r(ctx.get(), marked.get(), &after);
    if (before - after > reported_outside_area) {
      warnings.push_back(where + ": " + fmt_area(before - after) +
                         " m² of marks lie outside the sheet's map and are not counted");
    }
  }
  out.marked = support::polygons_from_geos(ctx, marked.get());
  out.coverage = support::polygons_from_geos(ctx, coverage.get());
  return out;
}

}  // namespace

std::vector<DissolvedSheet> dissolve_sheets(std::span<const SketchSheet> sheets,
                                            const OverlapOptions& options, Reporter& reporter) {
  std::vector<DissolvedSheet> out(sheets.size());
  std::vector<std::vector<std::string>> warnings(sheets.size());
  overlap_detail::parallel_for(sheets.size(), options.threads, [&](std::size_t i) {
    out[i] = dissolve_one(sheets[i], options, warnings[i]);
  });
  // Reported in sheet order, from this thread: reporters need not be thread-safe.
  for (const auto& list : warnings) {
    for (const auto& w : list) reporter.warn(w);
  }
  return out;
}

}  // namespace wijkatlas::geo
