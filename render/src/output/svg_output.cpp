#include <cairo-svg.h>

#include "wijkatlas/geo/atomic_file.hpp"
#include "detail/cairo_handles.hpp"
#include "output/writers.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::output {

void write_svg(const std::filesystem::path& path, const Page& page, const PagePainter& paint) {
  page.validate();
  const SizeMm size = page.size_mm();
  geo::AtomicFile file(path);
  {
    detail::CairoSurfacePtr surface = detail::take_surface(
        cairo_svg_surface_create(file.temporary_path().c_str(), mm_to_pt(size.width), mm_to_pt(size.height)),
        "cannot create SVG " + path.string());
    // Physical units in the SVG header, so the file opens at paper size in Inkscape.
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
    {
      detail::CairoPtr cr = detail::take_context(cairo_create(surface.get()), "SVG drawing context");
      paint(cr.get());
      detail::check_cairo(cairo_status(cr.get()), "drawing SVG " + path.string());
    }
    cairo_surface_finish(surface.get());
    detail::check_cairo(cairo_surface_status(surface.get()), "cannot write SVG " + path.string());
  }
  file.commit();
}

}  // namespace wijkatlas::render::output
