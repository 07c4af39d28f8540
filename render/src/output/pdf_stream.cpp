#include "output/pdf_stream.hpp"

#include <cairo-pdf.h>

#include <chrono>
#include <ctime>
#include <string>

#include "output/writers.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::output {
namespace {

// Cairo takes ISO 8601 and writes it as a PDF date.
std::string iso8601_utc(std::chrono::sys_seconds when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void set_metadata(cairo_surface_t* surface, const DocumentInfo& info) {
  const auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, info.title);
  set(CAIRO_PDF_METADATA_AUTHOR, info.author);
  set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
  set(CAIRO_PDF_METADATA_CREATOR, "wijkatlas");
  if (info.created) {
    set(CAIRO_PDF_METADATA_CREATE_DATE, iso8601_utc(*info.created));
  } else {
    // Cairo stamps "now" by default; a null value removes it so that outputs are reproducible.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, nullptr);
  }
}

}  // namespace

PdfStream::PdfStream(const ByteSink& sink, std::string_view name, const Page& page,
                     const DocumentInfo& info)
    : name_(name),
      surface_(sink, cairo_pdf_surface_create_for_stream, mm_to_pt(page.size_mm().width),
               mm_to_pt(page.size_mm().height), "cannot create PDF " + name_) {
  set_metadata(surface_.get(), info);
  cr_ = detail::take_context(cairo_create(surface_.get()), "PDF drawing context");
}

void PdfStream::add_page(const PagePainter& paint, const Page* page, const std::string& outline) {
  cairo_t* cr = cr_.get();
  if (pages_ > 0) cairo_show_page(cr);
  if (page != nullptr) {
    // Takes effect for the page about to be drawn.
    const SizeMm size = page->size_mm();
    cairo_pdf_surface_set_size(surface_.get(), mm_to_pt(size.width), mm_to_pt(size.height));
  }
  if (!outline.empty()) {
    const std::string link = "page=" + std::to_string(pages_ + 1);
    cairo_pdf_surface_add_outline(surface_.get(), CAIRO_PDF_OUTLINE_ROOT, outline.c_str(),
                                  link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }
  cairo_save(cr);
  paint(cr);
  cairo_restore(cr);
  surface_.check(cairo_status(cr), "drawing page " + std::to_string(pages_ + 1));
  ++pages_;
}

void PdfStream::finish() {
  cr_.reset();
  // Cairo writes the bulk of a PDF on finish; write errors (disk full) only show up here.
  surface_.finish("cannot write PDF " + name_);
}

void write_pdf(const ByteSink& sink, std::string_view name, const Page& page,
               const DocumentInfo& info, const PagePainter& paint) {
  page.validate();
  PdfStream pdf(sink, name, page, info);
  pdf.add_page(paint);
  pdf.finish();
}

}  // namespace wijkatlas::render::output
