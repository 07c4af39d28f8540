#pragma once
// Writing a page to PDF, SVG or PNG. Outputs are written to a temporary file beside the target
// and renamed when complete: a failed render leaves no partial file behind.
#include <cairo.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

enum class OutputFormat { pdf, svg, png };

// By extension (.pdf, .svg, .png, any case); throws render_error for anything else.
OutputFormat output_format_for(const std::filesystem::path& path);

struct DocumentInfo {
  std::string title{};
  std::string author{};
  std::string subject{};
  // The PDF creation date. Unset, the PDF carries no date, so the same map gives the same file
  // (reference tests rely on that); the command line sets it to now.
  std::optional<std::chrono::sys_seconds> created{};
};

// Draws one page. User space is in points with the origin at the sheet's top-left corner and y
// down, on every output. PDF and SVG call it once; PNG calls it once per horizontal band with
// the clip set to that band, so a painter may skip whatever lies outside cairo_clip_extents().
using PagePainter = std::function<void(cairo_t* cr)>;

struct RasterOptions {
  // Rows rendered at a time; 0 picks a height that keeps the band near 32 MiB (two bands take
  // turns: one is painted while the other is encoded).
  int band_rows = 0;
};

// One page in the format the extension names.
void write_page(const std::filesystem::path& output, const Page& page, const DocumentInfo& info,
                const PagePainter& paint, const RasterOptions& raster = {});

}  // namespace wijkatlas::render
