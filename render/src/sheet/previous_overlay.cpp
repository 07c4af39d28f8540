// Round two on a drawing sheet: the earlier session's spots hatched in grey with a short status
// label, the initiatives linked to them, and a block in the panel that explains the grey.
// Only greys (R = G = B) are used: the photo reader takes ink only where saturation is high
// (S >= 85/255, sketch/src/photo/ink.cpp), so none of this can come back as a new mark.
// Where the labels go is planned in previous_plan.cpp.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "paint/painters.hpp"
#include "sheet/sheet_plan.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::sheet {
namespace {

constexpr Rgb hatch_grey{0x9a, 0x9a, 0x9a};
constexpr Rgb outline_grey{0x6e, 0x6e, 0x6e};
constexpr Rgb text_grey{0x33, 0x33, 0x33};
constexpr Rgb muted_grey{0x5a, 0x5a, 0x5a};
constexpr double hatch_spacing_mm = 2.2;

double hatch_angle(PreviousHatch h) {
  switch (h) {
    case PreviousHatch::rising:
      return -std::numbers::pi / 4;  // y points down on the page
    case PreviousHatch::falling:
      return std::numbers::pi / 4;
    case PreviousHatch::level:
      return 0;
  }
  return 0;
}

// Parallel lines over the current clip, at `angle` (radians, page coordinates).
void hatch_clip(cairo_t* cr, double angle, double spacing_pt, const Stroke& stroke) {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
  const double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2,
               reach = std::hypot(x2 - x1, y2 - y1) / 2 + spacing_pt;
  const double dx = std::cos(angle), dy = std::sin(angle);  // along the lines
  cairo_new_path(cr);
  for (double off = -reach; off <= reach; off += spacing_pt) {
    const double px = cx - dy * off, py = cy + dx * off;  // a point on this line
    cairo_move_to(cr, px - dx * reach, py - dy * reach);
    cairo_line_to(cr, px + dx * reach, py + dy * reach);
  }
  paint::set_stroke(cr, stroke);
  cairo_stroke(cr);
}

void dashed(cairo_t* cr, double k) {
  const double dash[] = {mm_to_pt(2.0 * k), mm_to_pt(1.2 * k)};
  cairo_set_dash(cr, dash, 2, 0);
}

void paint_spot_area(cairo_t* cr, const PreviousSpot& spot, const paint::WorldPen& pen, double k) {
  cairo_save(cr);
  cairo_new_path(cr);
  pen.add_polygons(spot.area);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip(cr);
  hatch_clip(cr, hatch_angle(spot.hatch), mm_to_pt(hatch_spacing_mm * k), {hatch_grey, 0.25 * k});
  cairo_restore(cr);
  cairo_save(cr);
  cairo_new_path(cr);
  pen.add_polygons(spot.area);
  dashed(cr, k);
  paint::set_stroke(cr, {outline_grey, 0.45 * k});
  cairo_stroke(cr);
  cairo_restore(cr);
}

// A thin leader from a spot to its label placed beside it.
void leader(cairo_t* cr, const PaperPoint& from, const RectMm& to, double k) {
  const double x = std::clamp(from.x_mm, to.x, to.x + to.width),
               y = std::clamp(from.y_mm, to.y, to.y + to.height);
  cairo_save(cr);
  cairo_move_to(cr, mm_to_pt(from.x_mm), mm_to_pt(from.y_mm));
  cairo_line_to(cr, mm_to_pt(x), mm_to_pt(y));
  paint::set_stroke(cr, {outline_grey, 0.25 * k});
  cairo_stroke(cr);
  cairo_restore(cr);
}

void paint_initiative_symbol(cairo_t* cr, const PreviousInitiative& i, const paint::WorldPen& pen,
                             double r_mm, double k) {
  const auto [x, y] = pen.to_pt(i.location);
  const auto [sx, sy] = pen.to_pt(i.spot);
  const double r = mm_to_pt(r_mm);
  // A thin dashed leader from the spot to the initiative, stopping at the symbol.
  if (const double d = std::hypot(x - sx, y - sy); d > 2 * r) {
    cairo_save(cr);
    cairo_move_to(cr, sx, sy);
    cairo_line_to(cr, x - (x - sx) / d * r, y - (y - sy) / d * r);
    dashed(cr, k * 0.5);
    paint::set_stroke(cr, {outline_grey, 0.25 * k});
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  cairo_new_path(cr);
  cairo_arc(cr, x, y, r, 0, 2 * std::numbers::pi);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  paint::set_stroke(cr, {text_grey, 0.35 * k});
  cairo_stroke(cr);
  cairo_new_path(cr);
  cairo_arc(cr, x, y, r * 0.35, 0, 2 * std::numbers::pi);
  paint::set_colour(cr, text_grey);
  cairo_fill(cr);
}

// The label's lines, centred in its box, over hatching and leaders.
void paint_overlay_label(cairo_t* cr, const OverlayLabel& l, double line_mm, double k) {
  if (l.leader) leader(cr, l.anchor, l.box, k);
  const double cx = l.box.x + l.box.width / 2;
  double cy = l.box.y + l.box.height / 2 - line_mm * static_cast<double>(l.lines.size() - 1) / 2;
  for (const OverlayLine& line : l.lines) {
    draw_label(cr, line.text, line.style, mm_to_pt(cx), mm_to_pt(cy), 0, text_grey, 1.2 * k);
    cy += line_mm;
  }
}

// Greedy word wrap; returns the y (mm) below the last line.
double wrapped(cairo_t* cr, const std::string& text, const TextStyle& style, double x, double y,
               double width, const Rgb& colour) {
  std::istringstream words(text);
  std::string word, line;
  const double line_h = pt_to_mm(measure_text("Ag", style).height_pt);
  paint::set_colour(cr, colour);
  const auto flush = [&] {
    if (line.empty()) return;
    draw_text(cr, line, style, mm_to_pt(x), mm_to_pt(y));
    y += line_h;
    line.clear();
  };
  while (words >> word) {
    const std::string longer = line.empty() ? word : line + " " + word;
    if (!line.empty() && pt_to_mm(measure_text(longer, style).width_pt) > width) flush();
    line = line.empty() ? word : line + " " + word;
  }
  flush();
  return y;
}

}  // namespace

void paint_previous_overlay(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& p) {
  if (!spec.previous) return;
  const double k = p.layout.text_scale;
  const RectMm& f = p.layout.frame;
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(f.x), mm_to_pt(f.y), mm_to_pt(f.width), mm_to_pt(f.height));
  cairo_clip(cr);
  const paint::WorldPen pen(cr, p.plan.frame);
  for (std::size_t i = 0; i < spec.previous->spots.size(); ++i) {
    if (!p.previous.visible[i].empty()) paint_spot_area(cr, spec.previous->spots[i], pen, k);
  }
  for (const std::size_t i : p.previous.initiatives) {
    paint_initiative_symbol(cr, spec.previous->initiatives[i], pen, p.previous.symbol_mm, k);
  }
  for (const OverlayLabel& l : p.previous.labels)
    paint_overlay_label(cr, l, p.previous.line_mm, p.layout.map_text_scale);
  cairo_restore(cr);
}

void paint_previous_key(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& p) {
  if (!spec.previous) return;
  const PreviousOverlay& o = *spec.previous;
  const double k = p.layout.text_scale;
  const RectMm& b = p.layout.previous;
  const bool nl = spec.language == Language::nl;
  const TextStyle heading{.size_pt = 10 * k, .bold = true}, body{.size_pt = 7.5 * k},
      small{.size_pt = 7 * k};
  paint::set_colour(cr, text_grey);
  draw_text(cr, nl ? "Vorige keer" : "Last time", heading, mm_to_pt(b.x), mm_to_pt(b.y));
  double y = b.y + pt_to_mm(measure_text("Ag", heading).height_pt) + 1.5 * k;
  // A swatch drawn like the spots on the map.
  const double sw = 13 * k, sh = 8 * k;
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(y), mm_to_pt(sw), mm_to_pt(sh));
  cairo_clip(cr);
  hatch_clip(cr, hatch_angle(PreviousHatch::rising), mm_to_pt(hatch_spacing_mm * k),
             {hatch_grey, 0.25 * k});
  cairo_restore(cr);
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(y), mm_to_pt(sw), mm_to_pt(sh));
  dashed(cr, k);
  paint::set_stroke(cr, {outline_grey, 0.45 * k});
  cairo_stroke(cr);
  cairo_restore(cr);
  const double tx = b.x + sw + 2.5 * k;
  const double below_text =
      wrapped(cr, o.key_text, body, tx, y - 0.4 * k, b.x + b.width - tx, text_grey);
  y = std::max(y + sh, below_text) + 1.5 * k;
  if (!o.key_session.empty()) y = wrapped(cr, o.key_session, small, b.x, y, b.width, muted_grey);
  const std::string how = nl ? "Arcering: / probleem, \\ fijne plek, — idee. Het grijs wordt niet "
                               "ingelezen: teken er gerust overheen."
                             : "Hatching: / problem, \\ good place, — idea. The grey is not read "
                               "in: draw over it freely.";
  wrapped(cr, how, small, b.x, y + 0.5 * k, b.width, muted_grey);
}

}  // namespace wijkatlas::render::sheet
