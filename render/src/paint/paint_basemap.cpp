// The OSM base map in light, quiet tones: it gives orientation without competing with the
// thematic layers drawn over it.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "map/visible.hpp"
#include "paint/painters.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::paint {
namespace {

// Paths at the paper's resolution: points snapped to 1/8 pt (0.044 mm, a 600 dpi printer's
// dot) and repeats dropped. A town's base map at 1:20,000 is a million vertices, most of them
// closer together than that; the PDF gets fewer points and short numbers ("412.125" instead of
// "412.117188"), which is most of the time a page with a base map takes to write.
class PaperPath {
 public:
  PaperPath(cairo_t* cr, const WorldPen& pen) : cr_(cr), pen_(pen) {}

  void add(const geo::MultiPolygon& polygons) {
    for (const geo::Polygon& p : polygons) {
      add_ring(p.outer());
      for (const geo::Ring& hole : p.inners()) add_ring(hole);
    }
  }
  void add(const geo::MultiLineString& lines) {
    for (const geo::LineString& line : lines) {
      if (snap(line) >= 2) emit(false);
    }
  }

 private:
  void add_ring(const geo::Ring& ring) {
    // Fewer than three corners left: smaller than a printer's dot, nothing to fill.
    if (snap(ring) >= 3) emit(true);
  }
  template <class Points>
  std::size_t snap(const Points& points) {
    points_.clear();
    for (const geo::Point& p : points) {
      const auto [x, y] = pen_.to_pt(p);
      const std::pair<double, double> at{std::round(x * 8) / 8, std::round(y * 8) / 8};
      if (points_.empty() || points_.back() != at) points_.push_back(at);
    }
    if (points_.size() > 1 && points_.front() == points_.back()) return points_.size() - 1;
    return points_.size();
  }
  void emit(bool close) {
    cairo_move_to(cr_, points_[0].first, points_[0].second);
    for (std::size_t i = 1; i < points_.size(); ++i)
      cairo_line_to(cr_, points_[i].first, points_[i].second);
    if (close) cairo_close_path(cr_);
  }

  cairo_t* cr_;
  const WorldPen& pen_;
  std::vector<std::pair<double, double>> points_;
};

Rgb area_colour(geo::AreaClass kind) {
  switch (kind) {
    case geo::AreaClass::green:
      return {0xe4, 0xee, 0xdc};
    case geo::AreaClass::water:
      return {0xc9, 0xdd, 0xed};
    case geo::AreaClass::building:
      return {0xdf, 0xdb, 0xd6};
  }
  return {0xee, 0xee, 0xee};
}

// Street widths follow the ground width at large scales and stay legible at small ones.
double street_width_mm(geo::LineClass kind, double mm_per_metre) {
  const double minor = std::clamp(7.0 * mm_per_metre, 0.45, 1.3);
  return kind == geo::LineClass::major_street ? minor * 1.5 : minor;
}

void stroke_lines(cairo_t* cr, const geo::BaseMap& map, const WorldPen& pen, geo::LineClass kind) {
  bool any = false;
  PaperPath path(cr, pen);
  for (const geo::BaseLine& line : map.lines) {
    if (line.kind != kind || !pen.visible(detail::envelope_of(line.geometry))) continue;
    path.add(line.geometry);
    any = true;
  }
  if (any)
    cairo_stroke(cr);
  else
    cairo_new_path(cr);
}

}  // namespace

void paint_basemap(cairo_t* cr, const BaseMapLayer& layer, const WorldPen& pen) {
  const geo::BaseMap& map = layer.map;
  cairo_save(cr);
  // One path per run of areas of a class (they come sorted: green, water, buildings): a fill
  // each, not one per building. All outer rings turn the same way (geometry.hpp), so the
  // default winding rule fills overlaps and keeps holes, as painting them one by one would.
  PaperPath path(cr, pen);
  for (std::size_t i = 0; i < map.areas.size();) {
    const geo::AreaClass kind = map.areas[i].kind;
    bool any = false;
    for (; i < map.areas.size() && map.areas[i].kind == kind; ++i) {
      if (!pen.visible(detail::envelope_of(map.areas[i].geometry))) continue;
      path.add(map.areas[i].geometry);
      any = true;
    }
    if (!any) continue;
    set_colour(cr, area_colour(kind));
    if (kind == geo::AreaClass::building && pen.mm_per_metre() >= 0.1) {
      // Outlines separate terraced houses at street scale; at 1:10,000 and smaller they'd be noise.
      cairo_fill_preserve(cr);
      set_stroke(cr, {{0xc8, 0xc3, 0xbc}, 0.08});
      cairo_stroke(cr);
    } else {
      cairo_fill(cr);
    }
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  const double mpm = pen.mm_per_metre();
  set_stroke(cr, {{0xaf, 0xcd, 0xe4}, std::clamp(4.0 * mpm, 0.3, 0.9)});
  stroke_lines(cr, map, pen, geo::LineClass::waterway);
  set_stroke(cr, {{0xbe, 0xbe, 0xbe}, 0.2});
  const double dash[] = {mm_to_pt(0.8), mm_to_pt(0.5)};
  cairo_set_dash(cr, dash, 2, 0);
  stroke_lines(cr, map, pen, geo::LineClass::path);
  cairo_set_dash(cr, nullptr, 0, 0);
  // All casings first, then all fills, so that crossing streets merge into one network.
  for (const auto kind : {geo::LineClass::minor_street, geo::LineClass::major_street}) {
    set_stroke(cr, {{0xc4, 0xc4, 0xc4}, street_width_mm(kind, mpm) + 0.3});
    stroke_lines(cr, map, pen, kind);
  }
  set_stroke(cr, {{0xff, 0xff, 0xff}, street_width_mm(geo::LineClass::minor_street, mpm)});
  stroke_lines(cr, map, pen, geo::LineClass::minor_street);
  set_stroke(cr, {{0xfb, 0xf3, 0xdc}, street_width_mm(geo::LineClass::major_street, mpm)});
  stroke_lines(cr, map, pen, geo::LineClass::major_street);
  // Railways: grey with white dashes, the usual cartographic sign.
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  set_stroke(cr, {{0x9a, 0x9a, 0x9a}, 0.7});
  stroke_lines(cr, map, pen, geo::LineClass::railway);
  const double rail_dash[] = {mm_to_pt(1.5), mm_to_pt(1.5)};
  cairo_set_dash(cr, rail_dash, 2, 0);
  set_stroke(cr, {{0xff, 0xff, 0xff}, 0.35});
  stroke_lines(cr, map, pen, geo::LineClass::railway);
  cairo_restore(cr);
}

}  // namespace wijkatlas::render::paint
