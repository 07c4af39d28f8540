#include "wijkatlas/render/text.hpp"

#include <string>

#include "text/pango_text.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && g_ascii_strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// A context that is not tied to a surface, for measuring.
detail::PangoContextPtr measuring_context() {
  detail::PangoContextPtr context(
      pango_font_map_create_context(pango_cairo_font_map_get_default()));
  text::apply_device_independent_options(context.get());
  return context;
}

}  // namespace

void require_font_family(std::string_view family) {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count);
  bool found = false;
  for (int i = 0; i < count && !found; ++i) {
    found = same_name(pango_font_family_get_name(families[i]), family);
  }
  g_free(families);  // the array only; the families belong to the font map
  if (!found) {
    throw render_error("font family '" + std::string(family) +
                       "' is not installed (scripts/install-deps.sh installs fonts-noto-core)");
  }
}

TextSize measure_text(std::string_view utf8, const TextStyle& style) {
  const detail::PangoContextPtr context = measuring_context();
  const detail::PangoLayoutPtr layout = text::make_layout(context.get(), utf8, style);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  const double scale = PANGO_SCALE;
  return {logical.width / scale, logical.height / scale,
          pango_layout_get_baseline(layout.get()) / scale};
}

void draw_text(cairo_t* cr, std::string_view utf8, const TextStyle& style, double left_pt,
               double top_pt) {
  detail::PangoContextPtr context(pango_cairo_create_context(cr));
  text::apply_device_independent_options(context.get());
  const detail::PangoLayoutPtr layout = text::make_layout(context.get(), utf8, style);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  const double scale = PANGO_SCALE;
  cairo_save(cr);
  cairo_move_to(cr, left_pt - logical.x / scale, top_pt - logical.y / scale);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

}  // namespace wijkatlas::render
