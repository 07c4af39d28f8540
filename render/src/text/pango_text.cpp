#include "text/pango_text.hpp"

#include <cmath>

namespace wijkatlas::render::text {

void apply_device_independent_options(PangoContext* context) {
  detail::CairoFontOptionsPtr options(cairo_font_options_create());
  // Hinted metrics snap advances to device pixels: text would measure differently at 150 and
  // 300 dpi and in PDF. Unhinted, a label's box is the same on every output.
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options.get());
  pango_context_set_round_glyph_positions(context, FALSE);
}

detail::PangoLayoutPtr make_layout(PangoContext* context, std::string_view utf8,
                                   const TextStyle& style) {
  detail::PangoLayoutPtr layout(pango_layout_new(context));
  detail::PangoFontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), style.family.c_str());
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(),
                                   style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  // Points in a 72-per-inch user space: the absolute size is the point size.
  pango_font_description_set_absolute_size(font.get(), style.size_pt * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_text(layout.get(), utf8.data(), static_cast<int>(utf8.size()));
  return layout;
}

}  // namespace wijkatlas::render::text
