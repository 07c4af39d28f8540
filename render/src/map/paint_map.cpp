#include "paint/painters.hpp"
#include "sheet/landmarks.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {

void paint::paint_layers(cairo_t* cr, const MapSpec& spec, const MapPlan& plan,
                         const WorldPen& pen) {
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const MapLayer& layer = spec.layers[i];
    if (const auto* base = std::get_if<BaseMapLayer>(&layer))
      paint_basemap(cr, *base, pen);
    else if (const auto* areas = std::get_if<AreaLayer>(&layer))
      paint_areas(cr, *areas, plan.classes[i], pen);
    else if (const auto* points = std::get_if<PointLayer>(&layer))
      paint_points(cr, *points, plan.symbols[i], pen);
  }
}

void paint_map(cairo_t* cr, const MapSpec& spec, const MapPlan& plan) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  const RectMm& f = plan.frame.frame_mm();
  cairo_save(cr);
  cairo_rectangle(cr, mm_to_pt(f.x), mm_to_pt(f.y), mm_to_pt(f.width), mm_to_pt(f.height));
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 0.985, 0.982, 0.975);  // paper tone where the base map has nothing
  cairo_paint(cr);
  const paint::WorldPen pen(cr, plan.frame);
  paint::paint_layers(cr, spec, plan, pen);
  if (plan.grid) paint::paint_grid(cr, *plan.grid, f);
  sheet::paint_landmark_symbols(cr, plan.landmarks);
  paint::paint_labels(cr, plan.labels);
  cairo_restore(cr);

  cairo_rectangle(cr, mm_to_pt(f.x), mm_to_pt(f.y), mm_to_pt(f.width), mm_to_pt(f.height));
  paint::set_stroke(cr, {{0x33, 0x33, 0x33}, 0.3});
  cairo_stroke(cr);
  paint::paint_header(cr, spec, plan);
  paint::paint_legend(cr, plan);
  paint::paint_furniture(cr, spec, plan);
  paint::paint_inset(cr, spec, plan);
  cairo_restore(cr);
}

MapPlan write_map(const std::filesystem::path& output, const MapSpec& spec,
                  const DocumentInfo& info, const RasterOptions& raster) {
  MapPlan plan = plan_map(spec);
  write_page(
      output, spec.page, info, [&](cairo_t* cr) { paint_map(cr, spec, plan); }, raster);
  return plan;
}

MapPlan write_map(const ByteSink& sink, OutputFormat format, const MapSpec& spec,
                  const DocumentInfo& info, const RasterOptions& raster) {
  MapPlan plan = plan_map(spec);
  write_page(
      sink, format, spec.page, info, [&](cairo_t* cr) { paint_map(cr, spec, plan); }, raster);
  return plan;
}

std::vector<std::byte> render_map(OutputFormat format, const MapSpec& spec,
                                  const DocumentInfo& info, const RasterOptions& raster) {
  const MapPlan plan = plan_map(spec);
  return render_page(
      format, spec.page, info, [&](cairo_t* cr) { paint_map(cr, spec, plan); }, raster);
}

}  // namespace wijkatlas::render
