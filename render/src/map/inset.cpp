// The locator inset: planning (Cairo-free) and painting.
#include <algorithm>
#include <boost/geometry/algorithms/expand.hpp>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "paint/painters.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace detail {

std::optional<MapFrame> plan_inset(const LocatorInset& inset, const RectMm& area) {
  std::optional<geo::Box> all;
  for (const auto* list : {&inset.background, &inset.areas}) {
    for (const geo::MultiPolygon& shape : *list) {
      if (shape.empty()) continue;
      const geo::Box b = envelope_of(shape);
      if (all)
        boost::geometry::expand(*all, b);
      else
        all = b;
    }
  }
  if (!all || area.width <= 0 || area.height <= 0) return std::nullopt;
  // A locator needs no round scale: fill the box (a round scale could leave half of it empty).
  constexpr double margin_mm = 2;
  const double ground_w = all->max_corner().x() - all->min_corner().x();
  const double ground_h = all->max_corner().y() - all->min_corner().y();
  const double room_w = std::max(area.width - 2 * margin_mm, 1.0);
  const double room_h = std::max(area.height - 2 * margin_mm, 1.0);
  const double denominator = std::max({ground_w / room_w, ground_h / room_h, 1e-3}) * 1000.0;
  const geo::Point centre{(all->min_corner().x() + all->max_corner().x()) / 2,
                          (all->min_corner().y() + all->max_corner().y()) / 2};
  return MapFrame::at_scale(centre, denominator, area, ScaleLimits{1, 1e9});
}

}  // namespace detail

namespace paint {

void paint_inset(cairo_t* cr, const MapSpec& spec, const MapPlan& plan) {
  if (!spec.inset || !plan.inset_frame) return;
  const LocatorInset& inset = *spec.inset;
  const MapFrame& frame = *plan.inset_frame;
  const RectMm& r = plan.layout.inset;
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(r.x), mm_to_pt(r.y), mm_to_pt(r.width), mm_to_pt(r.height));
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_clip_preserve(cr);
  set_stroke(cr, {{0x66, 0x66, 0x66}, 0.2});
  cairo_stroke(cr);
  const WorldPen pen(cr, frame);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const geo::MultiPolygon& shape : inset.background) {
    pen.add_polygons(shape);
    set_colour(cr, {0xee, 0xec, 0xe6});
    cairo_fill_preserve(cr);
    set_stroke(cr, {{0x99, 0x99, 0x99}, 0.15});
    cairo_stroke(cr);
  }
  for (std::size_t i = 0; i < inset.areas.size(); ++i) {
    const bool lit = i < inset.highlighted.size() && inset.highlighted[i];
    pen.add_polygons(inset.areas[i]);
    set_colour(cr, lit ? Rgb{0xd5, 0x5e, 0x00} : Rgb{0xc9, 0xd6, 0xe3});
    cairo_fill_preserve(cr);
    set_stroke(cr, {{0x1f, 0x4e, 0x79}, lit ? 0.35 : 0.15});
    cairo_stroke(cr);
  }
  // Where the main map lies.
  const geo::Box shown = plan.frame.world_extent();
  const auto [x1, y1] = pen.to_pt({shown.min_corner().x(), shown.max_corner().y()});
  const auto [x2, y2] = pen.to_pt({shown.max_corner().x(), shown.min_corner().y()});
  cairo_rectangle(cr, x1, y1, x2 - x1, y2 - y1);
  set_stroke(cr, {{0x22, 0x22, 0x22}, 0.3});
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace paint
}  // namespace wijkatlas::render
