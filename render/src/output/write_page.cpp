#include <algorithm>
#include <cctype>
#include <string>

#include "output/writers.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/pdf_document.hpp"
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

namespace output {

void write_pdf(const std::filesystem::path& path, const Page& page, const DocumentInfo& info,
               const PagePainter& paint) {
  PdfDocument document(path, page, info);
  document.add_page(paint);
  document.finish();
}

}  // namespace output

void write_page(const std::filesystem::path& output, const Page& page, const DocumentInfo& info,
                const PagePainter& paint, const RasterOptions& raster) {
  switch (output_format_for(output)) {
    case OutputFormat::pdf:
      return output::write_pdf(output, page, info, paint);
    case OutputFormat::svg:
      return output::write_svg(output, page, paint);
    case OutputFormat::png:
      return output::write_png(output, page, paint, raster);
  }
}

}  // namespace wijkatlas::render
