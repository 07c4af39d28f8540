#include "wijkatlas/render/pdf_document.hpp"

#include <cairo-pdf.h>

#include <ctime>
#include <string>

#include "wijkatlas/geo/atomic_file.hpp"
#include "detail/cairo_handles.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
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

struct PdfDocument::State {
  State(const std::filesystem::path& output, const Page& page, const DocumentInfo& info)
      : file(output) {
    const SizeMm size = page.size_mm();
    surface = detail::take_surface(cairo_pdf_surface_create(file.temporary_path().c_str(),
                                                            mm_to_pt(size.width), mm_to_pt(size.height)),
                                   "cannot create PDF " + output.string());
    set_metadata(surface.get(), info);
    cr = detail::take_context(cairo_create(surface.get()), "PDF drawing context");
  }

  geo::AtomicFile file;  // declared first: destroyed last, after Cairo closed the file
  detail::CairoSurfacePtr surface;
  detail::CairoPtr cr;
  int pages = 0;
};

PdfDocument::PdfDocument(const std::filesystem::path& output, const Page& page,
                         const DocumentInfo& info) {
  page.validate();
  state_ = std::make_unique<State>(output, page, info);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::add_page(const PagePainter& paint) {
  cairo_t* cr = state_->cr.get();
  if (state_->pages > 0) cairo_show_page(cr);
  cairo_save(cr);
  paint(cr);
  cairo_restore(cr);
  detail::check_cairo(cairo_status(cr), "drawing page " + std::to_string(state_->pages + 1));
  ++state_->pages;
}

void PdfDocument::add_page(const PagePainter& paint, const Page& page, const std::string& outline) {
  page.validate();
  if (state_->pages > 0) cairo_show_page(state_->cr.get());
  // Takes effect for the page about to be drawn.
  const SizeMm size = page.size_mm();
  cairo_pdf_surface_set_size(state_->surface.get(), mm_to_pt(size.width), mm_to_pt(size.height));
  if (!outline.empty()) {
    const std::string link = "page=" + std::to_string(state_->pages + 1);
    cairo_pdf_surface_add_outline(state_->surface.get(), CAIRO_PDF_OUTLINE_ROOT, outline.c_str(), link.c_str(),
                                  CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }
  cairo_t* cr = state_->cr.get();
  cairo_save(cr);
  paint(cr);
  cairo_restore(cr);
  detail::check_cairo(cairo_status(cr), "drawing page " + std::to_string(state_->pages + 1));
  ++state_->pages;
}

int PdfDocument::page_count() const noexcept { return state_->pages; }

void PdfDocument::finish() {
  state_->cr.reset();
  // Cairo writes the bulk of a PDF on finish; write errors (disk full) only show up here.
  cairo_surface_finish(state_->surface.get());
  detail::check_cairo(cairo_surface_status(state_->surface.get()),
                      "cannot write PDF " + state_->file.target_path().string());
  state_->surface.reset();
  state_->file.commit();
}

}  // namespace wijkatlas::render
