// Map labels: rotated text with a halo, drawn as a path so the halo is exact at any size.
#include "text/pango_text.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::render {

void draw_label(cairo_t* cr, std::string_view utf8, const TextStyle& style, double centre_x_pt,
                double centre_y_pt, double angle_rad, const Rgb& colour, double halo_pt) {
  detail::PangoContextPtr context(pango_cairo_create_context(cr));
  text::apply_device_independent_options(context.get());
  const detail::PangoLayoutPtr layout = text::make_layout(context.get(), utf8, style);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  const double scale = PANGO_SCALE;
  cairo_save(cr);
  cairo_translate(cr, centre_x_pt, centre_y_pt);
  cairo_rotate(cr, angle_rad);
  const double left = -logical.width / scale / 2 - logical.x / scale;
  const double top = -logical.height / scale / 2 - logical.y / scale;
  if (halo_pt > 0) {
    // The halo is the outline stroked wide; the text itself is shown as text, so that a PDF
    // stays searchable and pdftotext reads the labels.
    cairo_move_to(cr, left, top);
    pango_cairo_layout_path(cr, layout.get());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, 2 * halo_pt);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  cairo_move_to(cr, left, top);
  cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

}  // namespace wijkatlas::render
