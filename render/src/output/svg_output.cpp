#include <cairo-svg.h>

#include <string>

#include "detail/cairo_handles.hpp"
#include "output/stream_surface.hpp"
#include "output/writers.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::output {

void write_svg(const ByteSink& sink, std::string_view name, const Page& page,
               const PagePainter& paint) {
  page.validate();
  const SizeMm size = page.size_mm();
  const std::string where(name);
  StreamSurface surface(sink, cairo_svg_surface_create_for_stream, mm_to_pt(size.width),
                        mm_to_pt(size.height), "cannot create SVG " + where);
  // Physical units in the SVG header, so the file opens at paper size in Inkscape.
  cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
  {
    detail::CairoPtr cr = detail::take_context(cairo_create(surface.get()), "SVG drawing context");
    paint(cr.get());
    surface.check(cairo_status(cr.get()), "drawing SVG " + where);
  }
  surface.finish("cannot write SVG " + where);
}

}  // namespace wijkatlas::render::output
