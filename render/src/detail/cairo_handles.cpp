#include "detail/cairo_handles.hpp"

#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render::detail {

void check_cairo(cairo_status_t status, std::string_view what) {
  if (status == CAIRO_STATUS_SUCCESS) return;
  throw render_error(std::string(what) + ": " + cairo_status_to_string(status));
}

CairoSurfacePtr take_surface(cairo_surface_t* surface, std::string_view what) {
  CairoSurfacePtr owned(surface);
  check_cairo(cairo_surface_status(owned.get()), what);
  return owned;
}

CairoPtr take_context(cairo_t* cr, std::string_view what) {
  CairoPtr owned(cr);
  check_cairo(cairo_status(owned.get()), what);
  return owned;
}

}  // namespace wijkatlas::render::detail
