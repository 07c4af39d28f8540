// Sketches per area: sheets marking, share marked, spots, sheets per 1,000 inhabitants.
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersects.hpp>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/sketch_per_area.hpp"

namespace wijkatlas::geo {
namespace {

Box box_of(const MultiPolygon& polygons) {
  return boost::geometry::return_envelope<Box>(polygons);
}

// The part of `polygons` inside the area, or nothing when they do not overlap by `min_m2`.
std::optional<MultiPolygon> inside(const MultiPolygon& polygons, const MultiPolygon& area,
                                   const Box& area_box, double min_m2) {
  if (polygons.empty() || !boost::geometry::intersects(box_of(polygons), area_box))
    return std::nullopt;
  MultiPolygon part = intersection(polygons, area);
  if (part.empty() || geo::area(part) <= min_m2) return std::nullopt;
  return part;
}

}  // namespace

std::vector<SketchAreaStats> sketch_per_area(std::span<const DissolvedSheet> sheets,
                                             std::span<const SketchArea> areas,
                                             const PerAreaOptions& options) {
  if (options.min_sheets == 0) throw request_error("min_sheets", "must be at least 1");
  std::vector<SketchAreaStats> out;
  out.reserve(areas.size());
  for (const SketchArea& a : areas) {
    SketchAreaStats s;
    s.code = a.code;
    s.naam = a.naam;
    s.area_m2 = geo::area(a.geometry);
    if (a.geometry.empty()) {
      s.suppressed = true;
      out.push_back(std::move(s));
      continue;
    }
    const Box area_box = box_of(a.geometry);
    std::vector<MultiPolygon> marked_parts;
    for (const DissolvedSheet& sheet : sheets) {
      // A sheet without a known coverage covered only what it marked (as in overlap_exact).
      const MultiPolygon& coverage = sheet.coverage.empty() ? sheet.marked : sheet.coverage;
      if (inside(coverage, a.geometry, area_box, options.min_overlap_m2)) ++s.sheets_covering;
      if (auto part = inside(sheet.marked, a.geometry, area_box, options.min_overlap_m2)) {
        ++s.sheets_marked;
        marked_parts.push_back(std::move(*part));
      }
    }
    if (!marked_parts.empty()) {
      std::vector<const MultiPolygon*> pointers;
      for (const auto& p : marked_parts) pointers.push_back(&p);
      const MultiPolygon marked = union_polygons(pointers);
      s.marked_m2 = geo::area(marked);
      s.spots = marked.size();
    }
    s.marked_share = s.area_m2 > 0 ? s.marked_m2 / s.area_m2 : 0.0;
    if (a.inwoners && *a.inwoners > 0)
      s.per_1000 = static_cast<double>(s.sheets_marked) * 1000.0 / *a.inwoners;
    s.suppressed = s.sheets_marked < options.min_sheets;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace wijkatlas::geo
