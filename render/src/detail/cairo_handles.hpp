#pragma once
// RAII for Cairo and Pango: every handle is a std::unique_ptr with a stateless deleter, and
// Cairo's status codes are checked once, here, turning them into render_error with Cairo's own
// message.
#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>

namespace wijkatlas::render::detail {

struct CairoDeleter {
  void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;

struct CairoFontOptionsDeleter {
  void operator()(cairo_font_options_t* o) const noexcept { cairo_font_options_destroy(o); }
};
using CairoFontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoFontOptionsDeleter>;

// Any GObject (Pango layouts, contexts, font maps) is released with g_object_unref.
struct GObjectDeleter {
  void operator()(gpointer object) const noexcept {
    if (object != nullptr) g_object_unref(object);
  }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;
using PangoLayoutPtr = GObjectPtr<PangoLayout>;
using PangoContextPtr = GObjectPtr<PangoContext>;

struct PangoFontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const noexcept { pango_font_description_free(d); }
};
using PangoFontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionDeleter>;

// Throws render_error("<what>: <Cairo's message>") unless `status` is CAIRO_STATUS_SUCCESS.
void check_cairo(cairo_status_t status, std::string_view what);

// Cairo never returns null from its constructors; a failed one returns an object in an error
// state. These take ownership first (so nothing leaks) and then check that state.
CairoSurfacePtr take_surface(cairo_surface_t* surface, std::string_view what);
CairoPtr take_context(cairo_t* cr, std::string_view what);

}  // namespace wijkatlas::render::detail
