#include "map/visible.hpp"
#include "paint/painters.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::paint {

WorldPen::WorldPen(cairo_t* cr, const MapFrame& frame) : cr_(cr), frame_(frame) {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
  // Strokes, casings and symbols reach beyond a feature's envelope: a street just outside the
  // band still paints into it.
  const double reach = mm_to_pt(4);
  x1 -= reach;
  y1 -= reach;
  x2 += reach;
  y2 += reach;
  // Paper y grows down, RD y grows up: the clip's top edge is the world's north.
  const geo::Point nw = frame.to_world({pt_to_mm(x1), pt_to_mm(y1)});
  const geo::Point se = frame.to_world({pt_to_mm(x2), pt_to_mm(y2)});
  clip_world_ = geo::Box({nw.x(), se.y()}, {se.x(), nw.y()});
}

bool WorldPen::visible(const geo::Box& world) const {
  return detail::boxes_meet(world, clip_world_);
}
bool WorldPen::visible(const geo::Point& p) const {
  return detail::contains(clip_world_, p);
}

std::pair<double, double> WorldPen::to_pt(const geo::Point& p) const {
  const PaperPoint paper = frame_.to_paper(p);
  return {mm_to_pt(paper.x_mm), mm_to_pt(paper.y_mm)};
}

void WorldPen::move_to(const geo::Point& p) const {
  const auto [x, y] = to_pt(p);
  cairo_move_to(cr_, x, y);
}

void WorldPen::line_to(const geo::Point& p) const {
  const auto [x, y] = to_pt(p);
  cairo_line_to(cr_, x, y);
}

void WorldPen::add_ring(const geo::Ring& ring) const {
  if (ring.empty()) return;
  move_to(ring.front());
  for (std::size_t i = 1; i < ring.size(); ++i) line_to(ring[i]);
  cairo_close_path(cr_);
}

void WorldPen::add_polygons(const geo::MultiPolygon& polygons) const {
  for (const geo::Polygon& p : polygons) {
    add_ring(p.outer());
    for (const geo::Ring& hole : p.inners()) add_ring(hole);
  }
}

void WorldPen::add_lines(const geo::MultiLineString& lines) const {
  for (const geo::LineString& line : lines) {
    if (line.size() < 2) continue;
    move_to(line.front());
    for (std::size_t i = 1; i < line.size(); ++i) line_to(line[i]);
  }
}

void set_colour(cairo_t* cr, const Rgb& c, double alpha) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void set_stroke(cairo_t* cr, const Stroke& stroke) {
  set_colour(cr, stroke.colour);
  cairo_set_line_width(cr, mm_to_pt(stroke.width_mm));
}

}  // namespace wijkatlas::render::paint
