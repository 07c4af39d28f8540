// Title, legend, north arrow, scale bar, credits and date.
#include <algorithm>

#include "map/plan_parts.hpp"
#include "paint/painters.hpp"
#include "sheet/landmarks.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::paint {
namespace {

const TextStyle title_style{.size_pt = 17, .bold = true};
const TextStyle subtitle_style{.size_pt = 10};
const TextStyle small_style{.size_pt = 6.5};
const TextStyle scale_style{.size_pt = 7};
constexpr Rgb ink{0x22, 0x22, 0x22};

void text_at(cairo_t* cr, const std::string& text, const TextStyle& style, double x_mm, double y_mm,
             const Rgb& colour = ink) {
  set_colour(cr, colour);
  draw_text(cr, text, style, mm_to_pt(x_mm), mm_to_pt(y_mm));
}

double text_width_mm(const std::string& text, const TextStyle& style) {
  return pt_to_mm(measure_text(text, style).width_pt);
}

void paint_north_arrow(cairo_t* cr, double cx_mm, double top_mm) {
  const double h = 11, w = 6;
  const double tip = mm_to_pt(top_mm + 4.5), base = mm_to_pt(top_mm + 4.5 + h);
  const double cx = mm_to_pt(cx_mm), notch = mm_to_pt(top_mm + 4.5 + h * 0.72);
  // Half black, half white: reads on a photocopy and at a glance.
  cairo_move_to(cr, cx, tip);
  cairo_line_to(cr, cx - mm_to_pt(w / 2), base);
  cairo_line_to(cr, cx, notch);
  cairo_close_path(cr);
  set_colour(cr, ink);
  cairo_fill(cr);
  cairo_move_to(cr, cx, tip);
  cairo_line_to(cr, cx + mm_to_pt(w / 2), base);
  cairo_line_to(cr, cx, notch);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  set_stroke(cr, {ink, 0.2});
  cairo_stroke(cr);
  const TextStyle n{.size_pt = 9, .bold = true};
  text_at(cr, "N", n, cx_mm - text_width_mm("N", n) / 2, top_mm);
}

// Returns the y below the bar and its caption.
double paint_scale_bar(cairo_t* cr, const ScaleBar& bar, double scale, Language language, double x,
                       double y) {
  const double tick_h = pt_to_mm(measure_text("0", scale_style).height_pt);
  const double bar_y = y + tick_h + 0.6, bar_h = 1.6;
  const double segment = bar.length_mm / bar.segments;
  for (int s = 0; s < bar.segments; ++s) {
    cairo_rectangle(cr, mm_to_pt(x + s * segment), mm_to_pt(bar_y), mm_to_pt(segment),
                    mm_to_pt(bar_h));
    if (s % 2 == 0)
      set_colour(cr, ink);
    else
      cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    set_stroke(cr, {ink, 0.2});
    cairo_stroke(cr);
  }
  // Label every tick when the numbers fit between them, else every second (or third...) one;
  // the last tick, with the unit, is always labelled.
  const std::size_t last = bar.tick_labels.size() - 1;
  double widest = 0;
  for (const auto& label : bar.tick_labels)
    widest = std::max(widest, text_width_mm(label.substr(0, label.find(' ')), scale_style));
  std::size_t step = 1;
  while (segment * static_cast<double>(step) < widest + 1.5 && step < last) ++step;
  for (std::size_t t = 0; t <= last; ++t) {
    if (t != last && (t % step != 0 || last - t < step)) continue;
    const std::string& label = bar.tick_labels[t];
    const double at = x + static_cast<double>(t) * segment;
    // The unit sticks out to the right of the last number, which stays on its tick.
    const double number_w = text_width_mm(label.substr(0, label.find(' ')), scale_style);
    text_at(cr, label, scale_style, at - number_w / 2, y);
  }
  const std::string caption =
      detail::word(language, "scale") + " 1:" + format_number(scale, 0, language);
  text_at(cr, caption, scale_style, x, bar_y + bar_h + 1);
  return bar_y + bar_h + 1 + tick_h;
}

}  // namespace

void paint_header(cairo_t* cr, const MapSpec& spec, const MapPlan& plan) {
  const RectMm& h = plan.layout.header;
  text_at(cr, spec.title, title_style, h.x, h.y);
  if (!spec.subtitle.empty()) {
    text_at(cr, spec.subtitle, subtitle_style, h.x,
            h.y + pt_to_mm(measure_text(spec.title, title_style).height_pt) + 0.5,
            {0x55, 0x55, 0x55});
  }
}

void paint_legend(cairo_t* cr, const MapPlan& plan) {
  for (const LegendItem& item : plan.legend.items) {
    const LegendEntry& e = plan.legend_entries[item.entry];
    const RectMm& s = item.swatch;
    if (e.kind == SwatchKind::fill) {
      cairo_rectangle(cr, mm_to_pt(s.x), mm_to_pt(s.y), mm_to_pt(s.width), mm_to_pt(s.height));
      set_colour(cr, e.fill);
      cairo_fill_preserve(cr);
      set_stroke(cr, {e.outline.colour, std::min(e.outline.width_mm, 0.4)});
      cairo_stroke(cr);
    } else if (e.kind == SwatchKind::line) {
      cairo_move_to(cr, mm_to_pt(s.x), mm_to_pt(s.y + s.height / 2));
      cairo_line_to(cr, mm_to_pt(s.x + s.width), mm_to_pt(s.y + s.height / 2));
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      set_stroke(cr, e.outline);
      cairo_stroke(cr);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    } else if (e.kind == SwatchKind::symbol) {
      paint_symbol(cr, e.symbol, mm_to_pt(s.x + s.width / 2), mm_to_pt(s.y + s.height / 2),
                   mm_to_pt(3.2));
    } else if (e.kind == SwatchKind::landmark) {
      sheet::paint_landmark_symbol(cr, e.landmark, mm_to_pt(s.x + s.width / 2),
                                   mm_to_pt(s.y + s.height / 2),
                                   mm_to_pt(sheet::landmark_symbol_mm));
    }
    const TextStyle& style =
        e.kind == SwatchKind::heading ? legend_heading_style : legend_text_style;
    text_at(cr, e.text, style, item.text_top_left.x_mm, item.text_top_left.y_mm);
  }
}

void paint_furniture(cairo_t* cr, const MapSpec& spec, const MapPlan& plan) {
  const RectMm& f = plan.layout.furniture;
  if (spec.north_arrow) paint_north_arrow(cr, f.x + f.width - 5, f.y);
  double y = f.y + 2;
  if (plan.scale_bar)
    y = paint_scale_bar(cr, *plan.scale_bar, plan.frame.scale_denominator(), spec.language, f.x + 1,
                        y);
  // Credits and date at the bottom, one source group a line so nothing runs off the block.
  std::vector<std::string> lines;
  std::string rest = plan.attribution;
  for (std::size_t dot; (dot = rest.find(" · ")) != std::string::npos;) {
    lines.push_back(rest.substr(0, dot));
    rest = rest.substr(dot + 4);  // " · " is 4 bytes in UTF-8
  }
  if (!rest.empty()) lines.push_back(rest);
  if (!spec.date.empty()) lines.push_back(spec.date);
  const double line_h = pt_to_mm(measure_text("Ag", small_style).height_pt);
  double bottom = f.y + f.height - line_h * static_cast<double>(lines.size());
  for (const std::string& line : lines) {
    text_at(cr, line, small_style, f.x + 1, bottom, {0x55, 0x55, 0x55});
    bottom += line_h;
  }
}

}  // namespace wijkatlas::render::paint
