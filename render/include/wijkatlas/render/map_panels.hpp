#pragma once
// Maps side by side on one sheet (e.g. two A4 portrait maps on A3 landscape, for "residents
// beside the figures"), and a heading over legend entries that layers give one by one.
#include <filesystem>
#include <span>
#include <string>

#include "wijkatlas/render/map.hpp"

namespace wijkatlas::render {

// Inserts a heading before legend entry `position` and lays the legend out again (for maps whose
// classes are separate layers, each with its own legend text).
void add_legend_heading(MapPlan& plan, const std::string& heading, std::size_t position = 0);

// One map drawn as planned on its own page, placed with that page's top-left corner at
// `origin` on the sheet and clipped to that page.
struct MapPanel {
  const MapSpec* spec = nullptr;
  const MapPlan* plan = nullptr;
  PaperPoint origin{};
};

// Writes the sheet (PDF, SVG or PNG by extension, atomically like write_page).
void write_map_panels(const std::filesystem::path& output, const Page& sheet,
                      std::span<const MapPanel> panels, const DocumentInfo& info,
                      const RasterOptions& raster = {});
// The same to a sink (see write_page).
void write_map_panels(const ByteSink& sink, OutputFormat format, const Page& sheet,
                      std::span<const MapPanel> panels, const DocumentInfo& info,
                      const RasterOptions& raster = {});

}  // namespace wijkatlas::render
