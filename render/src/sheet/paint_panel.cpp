// The sheet's margin: title, the key of marker colours (colour, symbol and word, so the key
// works without telling red from green), a session box, scale and credits, the QR code and the
// typed sheet id under it.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "map/plan_parts.hpp"
#include "paint/painters.hpp"
#include "sheet/sheet_plan.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::sheet {
namespace {

constexpr Rgb ink{0x22, 0x22, 0x22};
constexpr Rgb muted{0x5a, 0x5a, 0x5a};

TextStyle sized(double pt, double k, bool bold = false) {
  return {.size_pt = pt * k, .bold = bold};
}

double height_mm(const TextStyle& style) {
  return pt_to_mm(measure_text("Ag", style).height_pt);
}
double width_mm(const std::string& text, const TextStyle& style) {
  return pt_to_mm(measure_text(text, style).width_pt);
}

void text_at(cairo_t* cr, const std::string& text, const TextStyle& style, double x_mm, double y_mm,
             const Rgb& colour = ink) {
  paint::set_colour(cr, colour);
  draw_text(cr, text, style, mm_to_pt(x_mm), mm_to_pt(y_mm));
}

// Greedy word wrap into lines no wider than `width_mm`; returns the y below the last line.
double wrapped_text(cairo_t* cr, const std::string& text, const TextStyle& style, double x,
                    double y, double width, const Rgb& colour) {
  std::istringstream words(text);
  std::string word, line;
  const double line_h = height_mm(style);
  const auto flush = [&] {
    if (line.empty()) return;
    text_at(cr, line, style, x, y, colour);
    y += line_h;
    line.clear();
  };
  while (words >> word) {
    const std::string longer = line.empty() ? word : line + " " + word;
    if (!line.empty() && width_mm(longer, style) > width) flush();
    line = line.empty() ? word : line + " " + word;
  }
  flush();
  return y;
}

// The style, smaller when needed (down to 60 %) for `text` to fit `width` (a long area name
// in the title, a long session name).
TextStyle fitted(const std::string& text, TextStyle style, double width) {
  const double natural = width_mm(text, style);
  if (natural > width) style.size_pt *= std::max(0.6, width / natural);
  return style;
}

void heart_path(cairo_t* cr, double cx, double cy, double size) {
  const double r = size * 0.26;
  cairo_new_sub_path(cr);
  cairo_arc(cr, cx - r, cy - r * 0.4, r, std::numbers::pi * 0.75, std::numbers::pi * 2);
  cairo_arc(cr, cx + r, cy - r * 0.4, r, std::numbers::pi, std::numbers::pi * 2.25);
  cairo_line_to(cr, cx, cy + size * 0.45);
  cairo_close_path(cr);
}

// The symbol in white on the colour swatch, so the symbol itself carries the colour's meaning.
void paint_symbol(cairo_t* cr, KeySymbol symbol, double cx_mm, double cy_mm, double size_mm,
                  double k) {
  const double cx = mm_to_pt(cx_mm), cy = mm_to_pt(cy_mm), s = mm_to_pt(size_mm);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  switch (symbol) {
    case KeySymbol::cross: {
      const double h = s * 0.32;
      cairo_set_line_width(cr, mm_to_pt(0.9 * k));
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to(cr, cx - h, cy - h);
      cairo_line_to(cr, cx + h, cy + h);
      cairo_move_to(cr, cx + h, cy - h);
      cairo_line_to(cr, cx - h, cy + h);
      cairo_stroke(cr);
      break;
    }
    case KeySymbol::heart:
      heart_path(cr, cx, cy, s);
      cairo_fill(cr);
      break;
    case KeySymbol::question:
    case KeySymbol::pen: {
      const std::string text = symbol == KeySymbol::question ? "?" : "Aa";
      const TextStyle style = sized(symbol == KeySymbol::question ? 13 : 9, k, true);
      const TextSize t = measure_text(text, style);
      draw_text(cr, text, style, cx - t.width_pt / 2, cy - t.height_pt / 2);
      break;
    }
  }
  cairo_restore(cr);
}

void paint_header(cairo_t* cr, const DrawingSheetSpec& spec, const SheetLayout& l) {
  const double k = l.text_scale;
  const TextStyle title = fitted(spec.title, sized(15, k, true), l.header.width);
  text_at(cr, spec.title, title, l.header.x, l.header.y);
  wrapped_text(cr, spec.subtitle, sized(8.5, k), l.header.x, l.header.y + height_mm(title),
               l.header.width, muted);
}

void paint_key(cairo_t* cr, const DrawingSheetSpec& spec, const SheetLayout& l) {
  const double k = l.text_scale;
  const bool nl = spec.language == Language::nl;
  const RectMm& b = l.key;
  const TextStyle heading = sized(10, k, true), word = sized(9, k, true), hint = sized(7.5, k);
  text_at(cr, nl ? "Teken met stift" : "Draw with markers", heading, b.x, b.y);
  double y = b.y + height_mm(heading) + 1.5 * k;
  const double swatch_w = 13 * k, swatch_h = 8 * k, row_h = 10 * k;
  for (const KeyEntry& e : sheet_key(spec.language)) {
    cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(y), mm_to_pt(swatch_w), mm_to_pt(swatch_h));
    paint::set_colour(cr, e.colour);
    cairo_fill(cr);
    paint_symbol(cr, e.symbol, b.x + swatch_w / 2, y + swatch_h / 2, swatch_h, k);
    const double tx = b.x + swatch_w + 2.5 * k;
    text_at(cr, e.colour_name + " = " + e.meaning, word, tx, y - 0.4 * k);
    text_at(cr, e.hint, hint, tx, y - 0.4 * k + height_mm(word), muted);
    y += row_h;
  }
  const std::string how =
      nl ? "Kleur een vlak in of omlijn het; een lijn voor een route; een stip of kruisje voor één "
           "plek."
         : "Fill or outline an area; a line for a route; a dot or cross for one place.";
  wrapped_text(cr, how, sized(7, k), b.x, y + 0.5 * k, b.width, muted);
}

void writing_line(cairo_t* cr, double x1, double x2, double y) {
  cairo_move_to(cr, mm_to_pt(x1), mm_to_pt(y));
  cairo_line_to(cr, mm_to_pt(x2), mm_to_pt(y));
  paint::set_stroke(cr, {{0x88, 0x88, 0x88}, 0.2});
  cairo_stroke(cr);
}

void paint_session(cairo_t* cr, const DrawingSheetSpec& spec, const SheetLayout& l) {
  const double k = l.text_scale;
  const bool nl = spec.language == Language::nl;
  const RectMm& b = l.session;
  cairo_rectangle(cr, mm_to_pt(b.x), mm_to_pt(b.y), mm_to_pt(b.width), mm_to_pt(b.height));
  paint::set_stroke(cr, {ink, 0.3});
  cairo_stroke(cr);
  const TextStyle label = sized(7.5, k), value = sized(10, k, true);
  const double pad = 2.5 * k, row = (b.height - 2 * pad) / 2;
  const std::pair<std::string, std::string> rows[] = {{nl ? "Sessie" : "Session", spec.session},
                                                      {nl ? "Datum" : "Date", spec.date}};
  double y = b.y + pad;
  for (const auto& [name, text] : rows) {
    text_at(cr, name, label, b.x + pad, y, muted);
    const double line_y = y + row - 2 * k;
    if (text.empty())
      writing_line(cr, b.x + pad, b.x + b.width - pad, line_y);
    else
      text_at(cr, text, fitted(text, value, b.width - 2 * pad), b.x + pad,
              line_y - height_mm(value));
    y += row;
  }
}

void paint_qr(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& p) {
  const SheetLayout& l = p.layout;
  const double k = l.text_scale;
  const QrModules& qr = p.qr;
  // Four modules of quiet zone, as the QR standard asks, inside the square.
  const double module = l.qr.width / (qr.size + 8);
  const double x0 = l.qr.x + 4 * module, y0 = l.qr.y + 4 * module;
  for (int r = 0; r < qr.size; ++r) {
    for (int c = 0; c < qr.size; ++c) {
      if (qr.at(r, c))
        cairo_rectangle(cr, mm_to_pt(x0 + c * module), mm_to_pt(y0 + r * module), mm_to_pt(module),
                        mm_to_pt(module));
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
  const TextStyle id_style = sized(15, k, true), note = sized(6.5, k);
  const bool nl = spec.language == Language::nl;
  const std::string id_text = (nl ? "Blad " : "Sheet ") + spec.sheet_id;
  const double cx = l.qr.x + l.qr.width / 2;
  double y = l.qr.y + l.qr.width - 2 * module;
  text_at(cr, id_text, id_style, cx - width_mm(id_text, id_style) / 2, y);
  y += height_mm(id_style);
  const std::string keep_clear = nl ? "Niet tekenen op de code en de zwarte vierkantjes"
                                    : "Do not draw on the code or the black squares";
  text_at(cr, keep_clear, note, cx - width_mm(keep_clear, note) / 2, y, muted);
}

// The map painter's furniture at the panel's scale: everything k times larger, the scale bar
// included (plan_sheet chose it for 1:(scale x k), so k times longer it measures true).
void paint_furniture_scaled(cairo_t* cr, const SheetPlan& p) {
  const double k = p.layout.text_scale;
  MapPlan plan = p.plan;
  const RectMm& f = p.layout.furniture;
  plan.layout.furniture = {f.x / k, f.y / k, f.width / k, f.height / k};
  cairo_save(cr);
  cairo_scale(cr, k, k);
  paint::paint_furniture(cr, p.map, plan);
  cairo_restore(cr);
}

}  // namespace

void paint_panel(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan) {
  paint_header(cr, spec, plan.layout);
  paint_key(cr, spec, plan.layout);
  paint_session(cr, spec, plan.layout);
  paint_furniture_scaled(cr, plan);
  paint_qr(cr, spec, plan);
}

}  // namespace wijkatlas::render::sheet
