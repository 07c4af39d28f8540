#pragma once
// The thin painters: each draws one kind of layer or furniture from the plan with Cairo.
#include <cairo.h>

#include <map>
#include <optional>
#include <string>

#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render::paint {

// World-to-points conversion and the culling test against the current clip (PNG bands).
class WorldPen {
 public:
  WorldPen(cairo_t* cr, const MapFrame& frame);
  bool visible(const geo::Box& world) const;
  bool visible(const geo::Point& p) const;
  void move_to(const geo::Point& p) const;
  void line_to(const geo::Point& p) const;
  void add_ring(const geo::Ring& ring) const;
  void add_polygons(const geo::MultiPolygon& polygons) const;
  void add_lines(const geo::MultiLineString& lines) const;
  std::pair<double, double> to_pt(const geo::Point& p) const;
  double mm_per_metre() const { return frame_.mm_per_metre(); }

 private:
  cairo_t* cr_;
  const MapFrame& frame_;
  geo::Box clip_world_;
};

void set_colour(cairo_t* cr, const Rgb& colour, double alpha = 1);
void set_stroke(cairo_t* cr, const Stroke& stroke);

// Every layer of the spec, bottom first (no labels, grid or furniture).
void paint_layers(cairo_t* cr, const MapSpec& spec, const MapPlan& plan, const WorldPen& pen);
void paint_basemap(cairo_t* cr, const BaseMapLayer& layer, const WorldPen& pen);
void paint_areas(cairo_t* cr, const AreaLayer& layer, const std::optional<Classification>& classes,
                 const WorldPen& pen);
void paint_points(cairo_t* cr, const PointLayer& layer,
                  const std::map<std::string, SymbolStyle>& symbols, const WorldPen& pen);
// A symbol of `diameter_pt` centred on (x, y): filled, with a dark outline and a white rim so it
// stands out on any background.
void paint_symbol(cairo_t* cr, const SymbolStyle& symbol, double x_pt, double y_pt,
                  double diameter_pt);
void paint_labels(cairo_t* cr, const std::vector<PlacedText>& labels);
void paint_grid(cairo_t* cr, const ReferenceGrid& grid, const RectMm& frame);

void paint_header(cairo_t* cr, const MapSpec& spec, const MapPlan& plan);
void paint_legend(cairo_t* cr, const MapPlan& plan);
void paint_furniture(cairo_t* cr, const MapSpec& spec, const MapPlan& plan);
void paint_inset(cairo_t* cr, const MapSpec& spec, const MapPlan& plan);

}  // namespace wijkatlas::render::paint
