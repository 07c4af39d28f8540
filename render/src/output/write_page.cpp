#include <algorithm>
#include <cctype>
#include <string>

#include "output/output_file.hpp"
#include "output/writers.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::render {

OutputFormat output_format_for(const std::filesystem::path& path) {
  const std::string extension = support::to_lower_ascii(path.extension().string());
  if (extension == ".pdf") return OutputFormat::pdf;
  if (extension == ".svg") return OutputFormat::svg;
  if (extension == ".png") return OutputFormat::png;
  throw render_error(path.string() + ": unknown output format '" + extension +
                     "' (use .pdf, .svg or .png)");
}

std::string_view media_type(OutputFormat format) {
  switch (format) {
    case OutputFormat::pdf:
      return "application/pdf";
    case OutputFormat::svg:
      return "image/svg+xml";
    case OutputFormat::png:
      return "image/png";
  }
  return "application/octet-stream";
}

namespace output {
namespace {

void write_format(const ByteSink& sink, OutputFormat format, std::string_view name,
                  const Page& page, const DocumentInfo& info, const PagePainter& paint,
                  const RasterOptions& raster) {
  switch (format) {
    case OutputFormat::pdf:
      return write_pdf(sink, name, page, info, paint);
    case OutputFormat::svg:
      return write_svg(sink, name, page, paint);
    case OutputFormat::png:
      return write_png(sink, name, page, paint, raster);
  }
  throw render_error("unknown output format " + std::to_string(static_cast<int>(format)));
}

}  // namespace
}  // namespace output

void write_page(const std::filesystem::path& output, const Page& page, const DocumentInfo& info,
                const PagePainter& paint, const RasterOptions& raster) {
  const OutputFormat format = output_format_for(output);
  output::write_atomically(output, [&](const ByteSink& sink) {
    output::write_format(sink, format, output.string(), page, info, paint, raster);
  });
}

void write_page(const ByteSink& sink, OutputFormat format, const Page& page,
                const DocumentInfo& info, const PagePainter& paint, const RasterOptions& raster) {
  output::write_format(sink, format, output::stream_name, page, info, paint, raster);
}

std::vector<std::byte> render_page(OutputFormat format, const Page& page, const DocumentInfo& info,
                                   const PagePainter& paint, const RasterOptions& raster) {
  std::vector<std::byte> bytes;
  write_page(
      [&bytes](std::span<const std::byte> piece) {
        bytes.insert(bytes.end(), piece.begin(), piece.end());
      },
      format, page, info, paint, raster);
  return bytes;
}

}  // namespace wijkatlas::render
