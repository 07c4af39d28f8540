#include "scan_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <stdexcept>

namespace wijkatlas::test {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};

}  // namespace

void write_scan_pdf(const std::filesystem::path& png, const std::filesystem::path& pdf,
                    double width_mm, double height_mm) {
  const double pt = 72 / 25.4;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> image(
      cairo_image_surface_create_from_png(png.c_str()));
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot read " + png.string());
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create(pdf.c_str(), width_mm * pt, height_mm * pt));
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), width_mm * pt / cairo_image_surface_get_width(image.get()),
                height_mm * pt / cairo_image_surface_get_height(image.get()));
    cairo_set_source_surface(cr.get(), image.get(), 0, 0);
    cairo_paint(cr.get());
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot write " + pdf.string());
}

}  // namespace wijkatlas::test
