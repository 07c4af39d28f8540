// Round two on a drawing sheet: the earlier session's spots hatched in grey with a short status
// label, the initiatives linked to them, and a block in the panel that explains the grey.
// Only greys (R = G = B) are used: the photo reader takes ink only where saturation is high
// (S >= 85/255, sketch/src/photo/ink.cpp), so none of this can come back as a new mark.
#include <boost/geometry/algorithms/within.hpp>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <sstream>

#include "paint/painters.hpp"
#include "sheet/sheet_plan.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/polylabel.hpp"
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
    case PreviousHatch::rising: return -std::numbers::pi / 4;  // y points down on the page
    case PreviousHatch::falling: return std::numbers::pi / 4;
    case PreviousHatch::level: return 0;
  }
  return 0;
}

// Parallel lines over the current clip, at `angle` (radians, page coordinates).
void hatch_clip(cairo_t* cr, double angle, double spacing_pt, const Stroke& stroke) {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
  const double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2, reach = std::hypot(x2 - x1, y2 - y1) / 2 + spacing_pt;
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

// At most `max_chars` characters (UTF-8 aware), with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > max_chars) return text.substr(0, i) + "…";
  }
  return text;
}

geo::MultiPolygon box_polygon(const geo::Box& b) {
  geo::Polygon p;
  const double x0 = b.min_corner().x(), y0 = b.min_corner().y(), x1 = b.max_corner().x(), y1 = b.max_corner().y();
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
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

// Text of the overlay, at the sheet's text scale.
struct OverlayText {
  TextStyle label, detail, initiative;
  double line_mm = 0;  // height of one label line
};

OverlayText overlay_text(double k) {
  OverlayText t{{.size_pt = 7 * k, .bold = true}, {.size_pt = 6.2 * k, .italic = true}, {.size_pt = 6.2 * k, .italic = true}, 0};
  t.line_mm = pt_to_mm(measure_text("Ag", t.label).height_pt);
  return t;
}

double text_width_mm(const std::string& text, const TextStyle& style) { return pt_to_mm(measure_text(text, style).width_pt); }

PaperPoint paper(const paint::WorldPen& pen, const geo::Point& p) {
  const auto [x, y] = pen.to_pt(p);
  return {pt_to_mm(x), pt_to_mm(y)};
}

RectMm centred(const PaperPoint& c, double w, double h) { return {c.x_mm - w / 2, c.y_mm - h / 2, w, h}; }

// A spot's label goes on the spot if there is room, else just beside it: below, above, right,
// left, then a little further out. Spots of different categories at one crossing are common.
std::vector<RectMm> spot_label_positions(const PaperPoint& pole, const RectMm& spot, double w, double h) {
  const double gap = 1.0;
  std::vector<RectMm> out{centred(pole, w, h)};
  for (const double extra : {0.0, h + gap}) {
    out.push_back({pole.x_mm - w / 2, spot.y + spot.height + gap + extra, w, h});
    out.push_back({pole.x_mm - w / 2, spot.y - gap - h - extra, w, h});
    out.push_back({spot.x + spot.width + gap + extra, pole.y_mm - h / 2, w, h});
    out.push_back({spot.x - gap - w - extra, pole.y_mm - h / 2, w, h});
  }
  return out;
}

RectMm page_box(const paint::WorldPen& pen, const geo::MultiPolygon& shape) {
  const geo::Box b = geo::envelope(geo::Geometry(shape));
  const PaperPoint a = paper(pen, b.min_corner()), c = paper(pen, b.max_corner());
  return {std::min(a.x_mm, c.x_mm), std::min(a.y_mm, c.y_mm), std::abs(c.x_mm - a.x_mm), std::abs(c.y_mm - a.y_mm)};
}

void label_line(cairo_t* cr, const std::string& text, const TextStyle& style, double cx_mm, double cy_mm, double k) {
  draw_label(cr, text, style, mm_to_pt(cx_mm), mm_to_pt(cy_mm), 0, text_grey, 1.2 * k);
}

// A thin leader from a spot to its label placed beside it.
void leader(cairo_t* cr, const PaperPoint& from, const RectMm& to, double k) {
  const double x = std::clamp(from.x_mm, to.x, to.x + to.width), y = std::clamp(from.y_mm, to.y, to.y + to.height);
  cairo_save(cr);
  cairo_move_to(cr, mm_to_pt(from.x_mm), mm_to_pt(from.y_mm));
  cairo_line_to(cr, mm_to_pt(x), mm_to_pt(y));
  paint::set_stroke(cr, {outline_grey, 0.25 * k});
  cairo_stroke(cr);
  cairo_restore(cr);
}

void paint_initiative_symbol(cairo_t* cr, const PreviousInitiative& i, const paint::WorldPen& pen, double k) {
  const auto [x, y] = pen.to_pt(i.location);
  const auto [sx, sy] = pen.to_pt(i.spot);
  const double r = mm_to_pt(1.5 * k);
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

// Places and paints the spots' labels and the initiatives' names with the map's collision pass
// (render/label_placement.hpp). A spot's label is never dropped: with no free position it goes
// on the spot anyway; an initiative's name may be dropped (its spot's label names it too).
void paint_overlay_labels(cairo_t* cr, const PreviousOverlay& o, const std::vector<geo::MultiPolygon>& visible,
                          const std::vector<const PreviousInitiative*>& initiatives, const paint::WorldPen& pen,
                          const RectMm& frame, double k) {
  const OverlayText t = overlay_text(k);
  struct Block {
    PaperPoint anchor;
    std::string first, second;
    const TextStyle* first_style;
    std::vector<RectMm> positions;
    bool spot;
  };
  std::vector<Block> blocks;
  std::vector<RectMm> obstacles;
  const double r = 1.5 * k;
  for (std::size_t i = 0; i < visible.size(); ++i) {
    if (visible[i].empty()) continue;
    const PreviousSpot& s = o.spots[i];
    const PaperPoint pole = paper(pen, pole_of_inaccessibility(visible[i], 1.0).point);
    const std::string detail = shortened(s.detail, 44);
    const double w = std::max(text_width_mm(s.label, t.label), detail.empty() ? 0.0 : text_width_mm(detail, t.detail)) + 1.5 * k;
    const double h = t.line_mm * (detail.empty() ? 1 : 2) + 0.5 * k;
    blocks.push_back({pole, s.label, detail, &t.label, spot_label_positions(pole, page_box(pen, visible[i]), w, h), true});
  }
  for (const PreviousInitiative* i : initiatives) {
    const PaperPoint at = paper(pen, i->location);
    obstacles.push_back({at.x_mm - r, at.y_mm - r, 2 * r, 2 * r});
    const std::string name = shortened(i->name, 40);
    blocks.push_back({at, name, "", &t.initiative,
                      positions_around_point(at, text_width_mm(name, t.initiative) + 1.0 * k, t.line_mm, r + 1.2 * k), false});
  }
  std::vector<LabelCandidate> candidates;
  for (std::size_t b = 0; b < blocks.size(); ++b) candidates.push_back({b, blocks[b].spot ? 2.0 : 1.0, blocks[b].positions});
  std::vector<std::optional<RectMm>> where(blocks.size());
  for (const PlacedLabel& p : place_labels(candidates, obstacles, {.bounds = frame, .padding_mm = 0.8 * k})) where[p.id] = p.box;

  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (!where[b] && !block.spot) continue;
    const RectMm box = where[b] ? *where[b] : block.positions.front();
    if (block.spot && where[b] && !overlaps(box, block.positions.front())) leader(cr, block.anchor, box, k);
    const double cx = box.x + box.width / 2;
    if (block.second.empty()) {
      label_line(cr, block.first, *block.first_style, cx, box.y + box.height / 2, k);
    } else {
      label_line(cr, block.first, *block.first_style, cx, box.y + box.height / 2 - t.line_mm / 2, k);
      label_line(cr, block.second, t.detail, cx, box.y + box.height / 2 + t.line_mm / 2, k);
    }
  }
}

// Greedy word wrap; returns the y (mm) below the last line.
double wrapped(cairo_t* cr, const std::string& text, const TextStyle& style, double x, double y, double width,
               const Rgb& colour) {
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
  const geo::MultiPolygon shown = box_polygon(p.plan.frame.world_extent());
  std::vector<geo::MultiPolygon> visible;
  for (const PreviousSpot& s : spec.previous->spots) {
    visible.push_back(geo::intersection(s.area, shown));
    if (!visible.back().empty()) paint_spot_area(cr, s, pen, k);
  }
  // An initiative off the map is named in its spot's label only: a leader running off the
  // frame would point nowhere.
  const geo::Box world = p.plan.frame.world_extent();
  std::vector<const PreviousInitiative*> on_map;
  for (const PreviousInitiative& i : spec.previous->initiatives) {
    if (!boost::geometry::within(i.location, world)) continue;
    paint_initiative_symbol(cr, i, pen, k);
    on_map.push_back(&i);
  }
  // Labels last, over hatching and leaders.
  paint_overlay_labels(cr, *spec.previous, visible, on_map, pen, f, k);
  cairo_restore(cr);
}

void paint_previous_key(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& p) {
  if (!spec.previous) return;
  const PreviousOverlay& o = *spec.previous;
  const double k = p.layout.text_scale;
  const RectMm& b = p.layout.previous;
  const bool nl = spec.language == Language::nl;
  const TextStyle heading{.size_pt = 10 * k, .bold = true}, body{.size_pt = 7.5 * k}, small{.size_pt = 7 * k};
  paint::set_colour(cr, text_grey);
  draw_text(cr, nl ? "Vorige keer" : "Last time", heading, mm_to_pt(b.x), mm_to_pt(b.y));
  double y = b.y + pt_to_mm(measure_text("Ag", heading).height_pt) + 1.5 * k;
  // A swatch drawn like the spots on the map.
  const double sw = 13 * k, sh = 8 * k;
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(y), mm_to_pt(sw), mm_to_pt(sh));
  cairo_clip(cr);
  hatch_clip(cr, hatch_angle(PreviousHatch::rising), mm_to_pt(hatch_spacing_mm * k), {hatch_grey, 0.25 * k});
  cairo_restore(cr);
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(y), mm_to_pt(sw), mm_to_pt(sh));
  dashed(cr, k);
  paint::set_stroke(cr, {outline_grey, 0.45 * k});
  cairo_stroke(cr);
  cairo_restore(cr);
  const double tx = b.x + sw + 2.5 * k;
  const double below_text = wrapped(cr, o.key_text, body, tx, y - 0.4 * k, b.x + b.width - tx, text_grey);
  y = std::max(y + sh, below_text) + 1.5 * k;
  if (!o.key_session.empty()) y = wrapped(cr, o.key_session, small, b.x, y, b.width, muted_grey);
  const std::string how = nl ? "Arcering: / probleem, \\ fijne plek, — idee. Het grijs wordt niet ingelezen: teken er gerust overheen."
                             : "Hatching: / problem, \\ good place, — idea. The grey is not read in: draw over it freely.";
  wrapped(cr, how, small, b.x, y + 0.5 * k, b.width, muted_grey);
}

}  // namespace wijkatlas::render::sheet
