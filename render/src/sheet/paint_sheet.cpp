// The map part of a drawing sheet and its fiducials. The map is painted by the ordinary map
// painters and then faded inside the frame: desaturated and lightened so that the only strong
// colours on a photographed sheet are the residents' markers.
#include <cmath>

#include "map/plan_parts.hpp"
#include "paint/painters.hpp"
#include "sheet/sheet_plan.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::sheet {
namespace {

// How far the base map is faded. Saturation is cut to about a quarter (water stays a hint of
// blue, green a hint of green) and everything is lightened, so HSV saturation stays far below
// the 0.25 the ink separation relies on, and dark text turns mid grey.
constexpr double desaturate = 0.75;
constexpr double lighten = 0.22;

void rectangle(cairo_t* cr, const RectMm& r) {
  cairo_rectangle(cr, mm_to_pt(r.x), mm_to_pt(r.y), mm_to_pt(r.width), mm_to_pt(r.height));
}

void paint_faded_map(cairo_t* cr, const SheetPlan& p) {
  const RectMm& f = p.layout.frame;
  cairo_save(cr);
  rectangle(cr, f);
  cairo_clip(cr);
  cairo_push_group(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const paint::WorldPen pen(cr, p.plan.frame);
  for (std::size_t i = 0; i < p.map.layers.size(); ++i) {
    const MapLayer& layer = p.map.layers[i];
    if (const auto* base = std::get_if<BaseMapLayer>(&layer))
      paint::paint_basemap(cr, *base, pen);
    else if (const auto* areas = std::get_if<AreaLayer>(&layer))
      paint::paint_areas(cr, *areas, p.plan.classes[i], pen);
    else if (const auto* points = std::get_if<PointLayer>(&layer))
      paint::paint_points(cr, *points, p.plan.symbols[i], pen);
  }
  paint_landmark_symbols(cr, p.landmarks);
  paint::paint_labels(cr, p.plan.labels);
  // A grey source under HSL_SATURATION keeps each pixel's hue and luminosity and takes the
  // grey's zero saturation; painted with alpha it pulls saturation down by that fraction.
  cairo_set_operator(cr, CAIRO_OPERATOR_HSL_SATURATION);
  cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
  cairo_paint_with_alpha(cr, desaturate);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint_with_alpha(cr, lighten);
  cairo_pop_group_to_source(cr);
  cairo_paint(cr);
  // The grid is not faded: "C4" has to be readable from across the table.
  if (p.plan.grid) paint::paint_grid(cr, *p.plan.grid, f);
  cairo_restore(cr);
  rectangle(cr, f);
  paint::set_stroke(cr, {{0x44, 0x44, 0x44}, 0.35});
  cairo_stroke(cr);
}

void paint_fiducial(cairo_t* cr, const SheetFiducial& fiducial) {
  const RectMm& s = fiducial.square;
  const std::size_t rows = fiducial.cells.size();
  if (rows == 0 || fiducial.cells.front().size() != rows)
    throw render_error("fiducial: cells must form a square");
  // White quiet zone of a sixth of the side, as the detector needs.
  const double quiet = s.width / 6;
  cairo_set_source_rgb(cr, 1, 1, 1);
  rectangle(cr, {s.x - quiet, s.y - quiet, s.width + 2 * quiet, s.height + 2 * quiet});
  cairo_fill(cr);
  const double cell = s.width / static_cast<double>(rows);
  // One path of all black cells: filled at once, neighbouring cells show no hairline seams.
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < rows; ++c) {
      if (!fiducial.cells[r][c]) continue;
      cairo_rectangle(cr, mm_to_pt(s.x + static_cast<double>(c) * cell),
                      mm_to_pt(s.y + static_cast<double>(r) * cell), mm_to_pt(cell),
                      mm_to_pt(cell));
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
}

}  // namespace

SheetPlan plan_sheet(const DrawingSheetSpec& spec) {
  const SheetLayout layout = drawing_sheet_layout(spec.page);
  MapSpec map;
  map.page = spec.page;
  map.language = spec.language;
  map.layers = spec.layers;
  map.reference_grid = true;
  PageLayout page_layout{};
  page_layout.map = layout.frame;
  page_layout.furniture = layout.furniture;
  MapPlan plan{page_layout, drawing_sheet_frame(layout, spec.centre, spec.scale),
               {},          {},
               {},          {},
               0,           {},
               {},          {},
               {},          {},
               {},          {}};
  plan.classes.resize(map.layers.size());
  plan.symbols.resize(map.layers.size());
  for (std::size_t i = 0; i < map.layers.size(); ++i) {
    if (const auto* points = std::get_if<PointLayer>(&map.layers[i]))
      plan.symbols[i] = detail::assign_symbols(*points);
    if (const auto* areas = std::get_if<AreaLayer>(&map.layers[i]); areas && areas->choropleth) {
      throw render_error("a drawing sheet shows no choropleths: its base map must stay quiet");
    }
  }
  plan.grid = reference_grid(layout.frame);
  // Round two's status labels first: the street names make room for them.
  PreviousPlan previous = plan_previous_overlay(spec, layout, plan);
  map.label_scale = layout.map_text_scale;
  detail::place_map_labels(map, plan);
  // Landmarks after the street names, clear of them.
  std::vector<LandmarkSymbol> landmarks = plan_landmark_symbols(spec.landmarks, plan);
  place_landmark_labels(spec.landmarks, landmarks, layout.map_text_scale, plan);
  // The furniture (scale bar, north arrow, credits) is painted by the map's painter at map-page
  // sizes, scaled up as a whole by the panel's text scale (paint_panel); its scale bar is chosen
  // for that, so that it still measures true on paper.
  const double k = layout.text_scale;
  plan.scale_bar =
      choose_scale_bar(plan.frame.scale_denominator() * k, layout.furniture.width * 0.65 / k);
  plan.attribution = with_landmark_credits(detail::attribution_text(map, plan.frame.world_extent()),
                                           spec.landmarks, !landmarks.empty(), spec.language);
  return {layout,
          std::move(map),
          std::move(plan),
          encode_qr(spec.qr_payload),
          std::move(landmarks),
          std::move(previous)};
}

void paint_sheet(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  paint_faded_map(cr, plan);
  paint_previous_overlay(cr, spec, plan);
  for (const SheetFiducial& f : spec.fiducials) paint_fiducial(cr, f);
  paint_panel(cr, spec, plan);
  paint_previous_key(cr, spec, plan);
  cairo_restore(cr);
}

}  // namespace wijkatlas::render::sheet

namespace wijkatlas::render {

void paint_drawing_sheet(cairo_t* cr, const DrawingSheetSpec& spec) {
  sheet::paint_sheet(cr, spec, sheet::plan_sheet(spec));
}

namespace {

DrawingSheetResult sheet_result(const sheet::SheetPlan& plan) {
  return {plan.layout, plan.plan.frame.world_extent(), plan.qr.size, plan.plan.labels.size()};
}

}  // namespace

DrawingSheetResult write_drawing_sheet(const std::filesystem::path& output,
                                       const DrawingSheetSpec& spec, const DocumentInfo& info,
                                       const RasterOptions& raster) {
  const sheet::SheetPlan plan = sheet::plan_sheet(spec);
  write_page(
      output, spec.page, info, [&](cairo_t* cr) { sheet::paint_sheet(cr, spec, plan); }, raster);
  return sheet_result(plan);
}

DrawingSheetResult write_drawing_sheet(const ByteSink& sink, OutputFormat format,
                                       const DrawingSheetSpec& spec, const DocumentInfo& info,
                                       const RasterOptions& raster) {
  const sheet::SheetPlan plan = sheet::plan_sheet(spec);
  write_page(
      sink, format, spec.page, info, [&](cairo_t* cr) { sheet::paint_sheet(cr, spec, plan); },
      raster);
  return sheet_result(plan);
}

}  // namespace wijkatlas::render
