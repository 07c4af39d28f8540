#pragma once
// Writing a page to PDF, SVG or PNG, to a file or to memory. Files are written to a temporary
// file beside the target and renamed when complete: a failed render leaves no partial file
// behind. A file holds exactly the bytes that the same page gives in memory.
#include <cairo.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

enum class OutputFormat { pdf, svg, png };

// By extension (.pdf, .svg, .png, any case); throws render_error for anything else.
OutputFormat output_format_for(const std::filesystem::path& path);
// "application/pdf", "image/svg+xml" or "image/png" (for an HTTP Content-Type).
std::string_view media_type(OutputFormat format);

// Receives an output's bytes in order, in pieces of any size (an HTTP response, a buffer). An
// exception it throws stops the render and leaves the write call as that exception. It is
// called from one thread at a time, but PNG rows are encoded on a second thread.
using ByteSink = std::function<void(std::span<const std::byte> bytes)>;

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

// One page to `sink`. When it throws, the sink has had part of the output: discard it.
void write_page(const ByteSink& sink, OutputFormat format, const Page& page,
                const DocumentInfo& info, const PagePainter& paint,
                const RasterOptions& raster = {});

// One page in memory: the whole output, or an exception and nothing.
std::vector<std::byte> render_page(OutputFormat format, const Page& page, const DocumentInfo& info,
                                   const PagePainter& paint, const RasterOptions& raster = {});

}  // namespace wijkatlas::render
