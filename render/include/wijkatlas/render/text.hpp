#pragma once
// Text through Pango, in a pinned font family so that maps and reference images do not change
// with whatever fonts a machine happens to have. Metrics are unhinted: the same text measures
// the same on PDF, SVG and PNG at any dpi, so layout (labels, legends) can be computed once.
#include <cairo.h>

#include <string>
#include <string_view>

#include "wijkatlas/geo/versions.hpp"
#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::render {

// Cairo and Pango as they run.
geo::LibraryVersions library_versions();

// Installed by scripts/install-deps.sh (fonts-noto-core); covers Dutch diacritics.
inline constexpr std::string_view default_font_family = "Noto Sans";

struct TextStyle {
  std::string family{default_font_family};
  double size_pt = 9;
  bool bold = false;
  bool italic = false;
};

// The logical box of a line of text, in points: width, height, and the baseline's distance
// below the top.
struct TextSize {
  double width_pt = 0;
  double height_pt = 0;
  double baseline_pt = 0;
};

// Throws render_error when fontconfig knows no family of that name (Pango would otherwise
// silently substitute another font).
void require_font_family(std::string_view family);

// Measures without a surface; equals what draw_text draws.
TextSize measure_text(std::string_view utf8, const TextStyle& style);

// Draws with the logical box's top-left corner at (left_pt, top_pt) in cr's user space, in cr's
// current source colour.
void draw_text(cairo_t* cr, std::string_view utf8, const TextStyle& style, double left_pt,
               double top_pt);

// Draws `utf8` centred on (centre_x_pt, centre_y_pt), turned clockwise by angle_rad (y down),
// in `colour` over a white halo `halo_pt` wide, so that labels read over any background.
void draw_label(cairo_t* cr, std::string_view utf8, const TextStyle& style, double centre_x_pt,
                double centre_y_pt, double angle_rad, const Rgb& colour, double halo_pt = 1.2);

}  // namespace wijkatlas::render
