#pragma once
// A multi-page vector PDF (fonts embedded as subsets by Cairo) with document metadata, written
// to a file or to a ByteSink. The file appears at its path only when finish() succeeds; a
// document destroyed unfinished (an exception while drawing) leaves nothing behind.
#include <filesystem>
#include <memory>
#include <string>

#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

class PdfDocument {
 public:
  // Throws output_error when the directory is missing or unwritable.
  PdfDocument(const std::filesystem::path& output, const Page& page, const DocumentInfo& info);
  // Bytes go to `sink` while pages are added and on finish(); a document destroyed unfinished
  // sends no more, and what the sink has is no PDF. An exception from the sink leaves
  // add_page() or finish() as that exception.
  PdfDocument(ByteSink sink, const Page& page, const DocumentInfo& info);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void add_page(const PagePainter& paint);
  // A page with its own paper (an atlas mixes a landscape overview with portrait wijk pages)
  // and an entry in the PDF's outline (bookmarks) that opens it; no entry when `outline` is "".
  void add_page(const PagePainter& paint, const Page& page, const std::string& outline);
  int page_count() const noexcept;
  // Completes the document (and moves a file into place); throws render_error, output_error
  // or the sink's exception.
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace wijkatlas::render
