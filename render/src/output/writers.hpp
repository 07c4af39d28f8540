#pragma once
// One writer per output format; write_page() picks one by the file's extension.
#include <filesystem>

#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render::output {

void write_pdf(const std::filesystem::path& path, const Page& page, const DocumentInfo& info,
               const PagePainter& paint);
void write_svg(const std::filesystem::path& path, const Page& page, const PagePainter& paint);
void write_png(const std::filesystem::path& path, const Page& page, const PagePainter& paint,
               const RasterOptions& raster);

}  // namespace wijkatlas::render::output
