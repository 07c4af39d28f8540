// Thematic layers: areas (plain or choropleth) and point symbols.
#include <cmath>
#include <numbers>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "paint/painters.hpp"
#include "wijkatlas/render/palette.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::paint {

void paint_areas(cairo_t* cr, const AreaLayer& layer, const std::optional<Classification>& classes,
                 const WorldPen& pen) {
  cairo_save(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  std::vector<Rgb> colours;
  if (layer.choropleth && classes)
    colours = class_colours(layer.choropleth->palette, classes->class_count());
  for (std::size_t i = 0; i < layer.shapes.size(); ++i) {
    if (!pen.visible(detail::envelope_of(layer.shapes[i]))) continue;
    std::optional<Rgb> fill = layer.fill;
    if (layer.choropleth && classes) {
      const auto c = classes->class_of(layer.choropleth->values[i]);
      fill = c ? colours[*c] : layer.choropleth->no_data;
    }
    pen.add_polygons(layer.shapes[i]);
    if (fill) {
      set_colour(cr, *fill, layer.fill_opacity);
      cairo_fill_preserve(cr);
    }
    if (layer.outline.width_mm > 0) {
      set_stroke(cr, layer.outline);
      cairo_stroke(cr);
    } else {
      cairo_new_path(cr);
    }
  }
  if (!layer.lines.empty() && layer.outline.width_mm > 0) {
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    set_stroke(cr, layer.outline);
    for (const geo::MultiLineString& lines : layer.lines) {
      if (!pen.visible(detail::envelope_of(lines))) continue;
      pen.add_lines(lines);
      cairo_stroke(cr);
    }
  }
  cairo_restore(cr);
}

void paint_symbol(cairo_t* cr, const SymbolStyle& symbol, double x, double y, double diameter) {
  cairo_save(cr);
  cairo_new_path(cr);
  const auto outline = symbol_outline(symbol.shape);
  if (outline.empty()) {
    cairo_arc(cr, x, y, diameter / 2, 0, 2 * std::numbers::pi);
  } else {
    cairo_move_to(cr, x + outline[0].first * diameter, y + outline[0].second * diameter);
    for (std::size_t k = 1; k < outline.size(); ++k) {
      cairo_line_to(cr, x + outline[k].first * diameter, y + outline[k].second * diameter);
    }
    cairo_close_path(cr);
  }
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_source_rgb(cr, 1, 1, 1);  // white rim: separates touching symbols
  cairo_set_line_width(cr, mm_to_pt(0.5));
  cairo_stroke_preserve(cr);
  set_colour(cr, symbol.colour);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, mm_to_pt(0.18));
  cairo_stroke(cr);
  cairo_restore(cr);
}

void paint_points(cairo_t* cr, const PointLayer& layer,
                  const std::map<std::string, SymbolStyle>& symbols, const WorldPen& pen) {
  const double diameter = mm_to_pt(layer.symbol_mm);
  for (std::size_t i = 0; i < layer.points.size(); ++i) {
    if (!pen.visible(layer.points[i])) continue;
    const std::string& category = i < layer.categories.size() ? layer.categories[i] : std::string{};
    const auto it = symbols.find(category);
    const auto [x, y] = pen.to_pt(layer.points[i]);
    paint_symbol(cr, it != symbols.end() ? it->second : category_symbol(0), x, y, diameter);
  }
}

void paint_grid(cairo_t* cr, const ReferenceGrid& grid, const RectMm& frame) {
  cairo_save(cr);
  set_stroke(cr, {{0x8c, 0x8c, 0x8c}, 0.12});  // present but quieter than any boundary
  for (const double x : grid.column_edges_mm) {
    cairo_move_to(cr, mm_to_pt(x), mm_to_pt(frame.y));
    cairo_line_to(cr, mm_to_pt(x), mm_to_pt(frame.y + frame.height));
  }
  for (const double y : grid.row_edges_mm) {
    cairo_move_to(cr, mm_to_pt(frame.x), mm_to_pt(y));
    cairo_line_to(cr, mm_to_pt(frame.x + frame.width), mm_to_pt(y));
  }
  cairo_stroke(cr);
  const TextStyle style{.size_pt = 8, .bold = true};
  for (const GridLabel& label : grid.labels) {
    draw_label(cr, label.text, style, mm_to_pt(label.centre.x_mm), mm_to_pt(label.centre.y_mm), 0,
               {0x33, 0x33, 0x33});
  }
  cairo_restore(cr);
}

void paint_labels(cairo_t* cr, const std::vector<PlacedText>& labels) {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
  for (const PlacedText& t : labels) {
    const double top = mm_to_pt(t.box.y), bottom = mm_to_pt(t.box.y + t.box.height);
    if (bottom < y1 - 2 || top > y2 + 2) continue;  // outside this band
    draw_label(cr, t.text, t.style, mm_to_pt(t.centre.x_mm), mm_to_pt(t.centre.y_mm), t.angle_rad,
               t.colour);
  }
}

}  // namespace wijkatlas::render::paint
