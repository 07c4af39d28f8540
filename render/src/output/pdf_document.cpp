#include "wijkatlas/render/pdf_document.hpp"

#include <optional>
#include <span>

#include "output/output_file.hpp"
#include "output/pdf_stream.hpp"
#include "output/writers.hpp"

namespace wijkatlas::render {

// Members in order of construction; destroyed in reverse: the PDF stream stops writing before
// the file closes, and the temporary file is removed last unless it was committed.
struct PdfDocument::State {
  State(const std::filesystem::path& output, const Page& page, const DocumentInfo& info)
      : file(std::in_place, output),
        out(std::in_place, *file),
        sink([this](std::span<const std::byte> bytes) { out->write(bytes); }),
        pdf(sink, output.string(), page, info) {}
  State(ByteSink to, const Page& page, const DocumentInfo& info)
      : sink(std::move(to)), pdf(sink, output::stream_name, page, info) {}

  std::optional<geo::AtomicFile> file;  // only when writing to a path
  std::optional<output::OutputFile> out;
  ByteSink sink;
  output::PdfStream pdf;
};

PdfDocument::PdfDocument(const std::filesystem::path& output, const Page& page,
                         const DocumentInfo& info) {
  page.validate();
  state_ = std::make_unique<State>(output, page, info);
}

PdfDocument::PdfDocument(ByteSink sink, const Page& page, const DocumentInfo& info) {
  page.validate();
  state_ = std::make_unique<State>(std::move(sink), page, info);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::add_page(const PagePainter& paint) {
  state_->pdf.add_page(paint);
}

void PdfDocument::add_page(const PagePainter& paint, const Page& page, const std::string& outline) {
  page.validate();
  state_->pdf.add_page(paint, &page, outline);
}

int PdfDocument::page_count() const noexcept {
  return state_->pdf.page_count();
}

void PdfDocument::finish() {
  state_->pdf.finish();
  if (state_->out) state_->out->close();
  if (state_->file) state_->file->commit();
}

}  // namespace wijkatlas::render
