#include "wijkatlas/render/map_panels.hpp"

#include <algorithm>

#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {

void add_legend_heading(MapPlan& plan, const std::string& heading, std::size_t position) {
  position = std::min(position, plan.legend_entries.size());
  plan.legend_entries.insert(plan.legend_entries.begin() + static_cast<std::ptrdiff_t>(position),
                             LegendEntry{SwatchKind::heading, heading});
  plan.legend = layout_legend(plan.legend_entries, plan.layout.legend);
}

namespace {

PagePainter panels_painter(std::span<const MapPanel> panels) {
  return [panels](cairo_t* cr) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_restore(cr);
    for (const MapPanel& panel : panels) {
      const SizeMm size = panel.spec->page.size_mm();
      cairo_save(cr);
      // paint_map paints its whole page white first: the clip keeps it off the other panels.
      cairo_rectangle(cr, mm_to_pt(panel.origin.x_mm), mm_to_pt(panel.origin.y_mm),
                      mm_to_pt(size.width), mm_to_pt(size.height));
      cairo_clip(cr);
      cairo_translate(cr, mm_to_pt(panel.origin.x_mm), mm_to_pt(panel.origin.y_mm));
      paint_map(cr, *panel.spec, *panel.plan);
      cairo_restore(cr);
    }
  };
}

}  // namespace

void write_map_panels(const std::filesystem::path& output, const Page& sheet,
                      std::span<const MapPanel> panels, const DocumentInfo& info,
                      const RasterOptions& raster) {
  write_page(output, sheet, info, panels_painter(panels), raster);
}

void write_map_panels(const ByteSink& sink, OutputFormat format, const Page& sheet,
                      std::span<const MapPanel> panels, const DocumentInfo& info,
                      const RasterOptions& raster) {
  write_page(sink, format, sheet, info, panels_painter(panels), raster);
}

}  // namespace wijkatlas::render
