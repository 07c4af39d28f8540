#pragma once
// A PDF written page by page to a ByteSink, with the document's metadata and outline. The one
// PDF writer behind write_page and PdfDocument.
#include <string>
#include <string_view>

#include "detail/cairo_handles.hpp"
#include "output/stream_surface.hpp"
#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render::output {

class PdfStream {
 public:
  // `sink` must outlive the stream; `name` says where the bytes go, in messages.
  PdfStream(const ByteSink& sink, std::string_view name, const Page& page,
            const DocumentInfo& info);

  // On the paper of the previous page (the first: the constructor's), or on `page` when given;
  // an outline entry opens the page unless `outline` is "".
  void add_page(const PagePainter& paint, const Page* page = nullptr,
                const std::string& outline = {});
  int page_count() const noexcept { return pages_; }
  // Writes the rest of the document; throws the sink's exception or render_error.
  void finish();

 private:
  std::string name_;
  StreamSurface surface_;
  detail::CairoPtr cr_;
  int pages_ = 0;
};

}  // namespace wijkatlas::render::output
