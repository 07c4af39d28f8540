#pragma once
// Drawing a planned map page with Cairo, and writing it as PDF, SVG or PNG, to a file or to
// memory.
#include <cairo.h>

#include <cstddef>
#include <filesystem>
#include <vector>

#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render {

// Paints the page in points (origin top-left). Honours the current clip: PNG bands only draw
// the features that meet them.
void paint_map(cairo_t* cr, const MapSpec& spec, const MapPlan& plan);

// Plans and writes one map; returns the plan (for summaries and tests).
MapPlan write_map(const std::filesystem::path& output, const MapSpec& spec,
                  const DocumentInfo& info, const RasterOptions& raster = {});
// The same to a sink (see write_page); the bytes are those the file would hold.
MapPlan write_map(const ByteSink& sink, OutputFormat format, const MapSpec& spec,
                  const DocumentInfo& info, const RasterOptions& raster = {});
// The same in memory: the whole output, or an exception and nothing.
std::vector<std::byte> render_map(OutputFormat format, const MapSpec& spec,
                                  const DocumentInfo& info, const RasterOptions& raster = {});

}  // namespace wijkatlas::render
