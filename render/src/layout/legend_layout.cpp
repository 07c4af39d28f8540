#include <algorithm>

#include "wijkatlas/render/legend.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {

constexpr double row_mm = 4.6;
constexpr double heading_row_mm = 5.2;
constexpr double swatch_w_mm = 5.5;
constexpr double swatch_h_mm = 3.4;
constexpr double swatch_gap_mm = 2;
constexpr double column_gap_mm = 5;

double row_height(const LegendEntry& e) {
  return e.kind == SwatchKind::heading ? heading_row_mm : row_mm;
}

double text_width_mm(const LegendEntry& e) {
  const TextStyle& style = e.kind == SwatchKind::heading ? legend_heading_style : legend_text_style;
  const double text = pt_to_mm(measure_text(e.text, style).width_pt);
  return e.kind == SwatchKind::heading ? text : swatch_w_mm + swatch_gap_mm + text;
}

}  // namespace

LegendLayout layout_legend(const std::vector<LegendEntry>& entries, const RectMm& area) {
  LegendLayout out;
  double x = area.x;
  double y = area.y;
  double column_width = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    double needed = row_height(e);
    // Keep a heading with its first entry.
    if (e.kind == SwatchKind::heading && i + 1 < entries.size())
      needed += row_height(entries[i + 1]);
    if (y + needed > area.y + area.height && y > area.y) {
      x += column_width + column_gap_mm;
      y = area.y;
      column_width = 0;
    }
    const double width = text_width_mm(e);
    if (x + std::min(width, swatch_w_mm * 2) > area.x + area.width ||
        y + row_height(e) > area.y + area.height) {
      out.dropped = entries.size() - i;
      break;
    }
    LegendItem item{i, {}, {}};
    const double text_h = pt_to_mm(measure_text(e.text, legend_text_style).height_pt);
    if (e.kind == SwatchKind::heading) {
      item.text_top_left = {x, y + (e.text.empty() ? 0 : 0.6)};
    } else {
      item.swatch = {x, y + (row_mm - swatch_h_mm) / 2, swatch_w_mm, swatch_h_mm};
      item.text_top_left = {x + swatch_w_mm + swatch_gap_mm, y + (row_mm - text_h) / 2};
    }
    out.items.push_back(item);
    column_width = std::max(column_width, width);
    y += row_height(e);
  }
  return out;
}

}  // namespace wijkatlas::render
