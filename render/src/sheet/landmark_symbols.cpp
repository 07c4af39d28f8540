// The landmark pictograms: one small grey shape per kind, on a white disc so it reads over
// buildings and streets. Drawn in a unit square (-1..1) scaled to the symbol's size.
#include <cmath>
#include <numbers>

#include "paint/painters.hpp"
#include "sheet/landmarks.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::sheet {
namespace {

using geo::LandmarkKind;
constexpr double pi = std::numbers::pi;

void polygon(cairo_t* cr, std::initializer_list<std::pair<double, double>> points) {
  bool first = true;
  for (const auto& [x, y] : points) {
    if (first)
      cairo_move_to(cr, x, y);
    else
      cairo_line_to(cr, x, y);
    first = false;
  }
  cairo_close_path(cr);
}

void line(cairo_t* cr, double x1, double y1, double x2, double y2) {
  cairo_move_to(cr, x1, y1);
  cairo_line_to(cr, x2, y2);
}

void disc(cairo_t* cr, double x, double y, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, r, 0, 2 * pi);
}

void white(cairo_t* cr) {
  cairo_set_source_rgb(cr, 1, 1, 1);
}
void grey(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
}

void pictogram(cairo_t* cr, LandmarkKind kind) {
  cairo_set_line_width(cr, 0.17);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  switch (kind) {
    case LandmarkKind::station:  // the front of a train
      cairo_rectangle(cr, -0.65, -0.95, 1.3, 1.6);
      cairo_fill(cr);
      white(cr);
      cairo_rectangle(cr, -0.42, -0.7, 0.84, 0.55);
      disc(cr, -0.33, 0.3, 0.13);
      disc(cr, 0.33, 0.3, 0.13);
      cairo_fill(cr);
      grey(cr);
      line(cr, -0.4, 0.7, -0.65, 1.0);
      line(cr, 0.4, 0.7, 0.65, 1.0);
      cairo_stroke(cr);
      break;
    case LandmarkKind::school:  // a mortarboard
      polygon(cr, {{-1, -0.35}, {0, -0.8}, {1, -0.35}, {0, 0.1}});
      polygon(cr, {{-0.55, -0.05}, {0, 0.2}, {0.55, -0.05}, {0.55, 0.5}, {0, 0.7}, {-0.55, 0.5}});
      cairo_fill(cr);
      line(cr, 0.85, -0.35, 0.85, 0.45);
      cairo_stroke(cr);
      break;
    case LandmarkKind::church:  // a Latin cross
      cairo_rectangle(cr, -0.15, -1, 0.3, 2);
      cairo_rectangle(cr, -0.6, -0.6, 1.2, 0.3);
      cairo_fill(cr);
      break;
    case LandmarkKind::mosque:  // a crescent
      disc(cr, -0.1, 0, 0.85);
      cairo_fill(cr);
      white(cr);
      disc(cr, 0.25, -0.12, 0.7);
      cairo_fill(cr);
      break;
    case LandmarkKind::worship:  // a domed house of prayer
      cairo_arc(cr, 0, -0.05, 0.55, pi, 2 * pi);
      cairo_close_path(cr);
      cairo_rectangle(cr, -0.75, -0.05, 1.5, 0.9);
      cairo_fill(cr);
      line(cr, 0, -0.6, 0, -1);
      cairo_stroke(cr);
      break;
    case LandmarkKind::town_hall:  // a flag on a pole
      line(cr, -0.55, 1, -0.55, -0.95);
      line(cr, -0.9, 1, -0.2, 1);
      cairo_stroke(cr);
      cairo_rectangle(cr, -0.55, -0.95, 1.4, 0.8);
      cairo_fill(cr);
      break;
    case LandmarkKind::library:  // an open book
      polygon(cr, {{-1, -0.6}, {-0.08, -0.4}, {-0.08, 0.8}, {-1, 0.6}});
      polygon(cr, {{1, -0.6}, {0.08, -0.4}, {0.08, 0.8}, {1, 0.6}});
      cairo_fill(cr);
      break;
    case LandmarkKind::community_centre:  // two people
      disc(cr, -0.45, -0.45, 0.27);
      disc(cr, 0.45, -0.45, 0.27);
      cairo_fill(cr);
      cairo_arc(cr, -0.45, 0.75, 0.5, pi, 2 * pi);
      cairo_close_path(cr);
      cairo_arc(cr, 0.45, 0.75, 0.5, pi, 2 * pi);
      cairo_close_path(cr);
      cairo_fill(cr);
      break;
    case LandmarkKind::supermarket:  // a shopping trolley
      polygon(cr, {{-0.6, -0.45}, {0.95, -0.45}, {0.75, 0.2}, {-0.45, 0.2}});
      disc(cr, -0.3, 0.72, 0.17);
      disc(cr, 0.6, 0.72, 0.17);
      cairo_fill(cr);
      cairo_move_to(cr, -1, -0.75);
      cairo_line_to(cr, -0.72, -0.75);
      cairo_line_to(cr, -0.45, 0.42);
      cairo_line_to(cr, 0.75, 0.42);
      cairo_stroke(cr);
      break;
    case LandmarkKind::doctor:  // a cross in a ring
      disc(cr, 0, 0, 0.88);
      cairo_stroke(cr);
      cairo_rectangle(cr, -0.17, -0.55, 0.34, 1.1);
      cairo_rectangle(cr, -0.55, -0.17, 1.1, 0.34);
      cairo_fill(cr);
      break;
    case LandmarkKind::pharmacy:  // a capsule
      cairo_save(cr);
      cairo_rotate(cr, -pi / 4);
      cairo_new_sub_path(cr);
      cairo_arc(cr, -0.55, 0, 0.38, pi / 2, 3 * pi / 2);
      cairo_arc(cr, 0.55, 0, 0.38, -pi / 2, pi / 2);
      cairo_close_path(cr);
      cairo_stroke(cr);
      cairo_new_sub_path(cr);
      cairo_arc(cr, -0.55, 0, 0.38, pi / 2, 3 * pi / 2);
      cairo_line_to(cr, 0, -0.38);
      cairo_line_to(cr, 0, 0.38);
      cairo_close_path(cr);
      cairo_fill(cr);
      cairo_restore(cr);
      break;
    case LandmarkKind::culture:  // a building with columns
      polygon(cr, {{-1, -0.35}, {0, -0.95}, {1, -0.35}});
      for (const double x : {-0.75, -0.11, 0.53}) cairo_rectangle(cr, x, -0.25, 0.22, 0.9);
      cairo_rectangle(cr, -1, 0.72, 2, 0.25);
      cairo_fill(cr);
      break;
    case LandmarkKind::sports:  // a ball
      disc(cr, 0, 0, 0.85);
      line(cr, -0.85, 0, 0.85, 0);
      line(cr, 0, -0.85, 0, 0.85);
      cairo_stroke(cr);
      break;
    case LandmarkKind::playground:  // a swing
      cairo_move_to(cr, -0.9, 1);
      cairo_line_to(cr, -0.55, -0.8);
      cairo_line_to(cr, 0.55, -0.8);
      cairo_line_to(cr, 0.9, 1);
      line(cr, -0.2, -0.8, -0.2, 0.35);
      line(cr, 0.22, -0.8, 0.22, 0.35);
      cairo_stroke(cr);
      cairo_rectangle(cr, -0.35, 0.3, 0.72, 0.18);
      cairo_fill(cr);
      break;
    case LandmarkKind::park:  // a tree
      disc(cr, 0, -0.3, 0.65);
      cairo_rectangle(cr, -0.12, 0.25, 0.24, 0.75);
      cairo_fill(cr);
      break;
  }
}

}  // namespace

void paint_landmark_symbol(cairo_t* cr, geo::LandmarkKind kind, double x_pt, double y_pt,
                           double diameter_pt) {
  const double half = diameter_pt / 2;
  cairo_save(cr);
  cairo_translate(cr, x_pt, y_pt);
  white(cr);
  disc(cr, 0, 0, half * 1.15);
  cairo_fill(cr);
  // The pictogram fills 80 % of the symbol's box, the white disc the rest.
  cairo_scale(cr, half * 0.8, half * 0.8);
  grey(cr);
  pictogram(cr, kind);
  cairo_restore(cr);
}

void paint_landmark_symbols(cairo_t* cr, const std::vector<LandmarkSymbol>& symbols) {
  for (const LandmarkSymbol& s : symbols) {
    paint_landmark_symbol(cr, s.kind, mm_to_pt(s.at.x_mm), mm_to_pt(s.at.y_mm),
                          mm_to_pt(landmark_symbol_mm));
  }
}

}  // namespace wijkatlas::render::sheet
