#pragma once
// One writer per output format, each writing to a ByteSink; write_page() picks one. `name` says
// where the bytes go (the file's path, or a stand-in for a sink) in error messages.
#include <string_view>

#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render::output {

// Names a sink that is not a file in messages.
inline constexpr std::string_view stream_name = "(output stream)";

void write_pdf(const ByteSink& sink, std::string_view name, const Page& page,
               const DocumentInfo& info, const PagePainter& paint);
void write_svg(const ByteSink& sink, std::string_view name, const Page& page,
               const PagePainter& paint);
void write_png(const ByteSink& sink, std::string_view name, const Page& page,
               const PagePainter& paint, const RasterOptions& raster);

}  // namespace wijkatlas::render::output
