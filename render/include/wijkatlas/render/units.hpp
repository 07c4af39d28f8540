#pragma once
// Paper units. Layout works in millimetres (what planners measure with a ruler), Cairo's user
// space in PostScript points, rasters in pixels at the page's dpi.
namespace wijkatlas::render {

inline constexpr double mm_per_inch = 25.4;
inline constexpr double points_per_inch = 72.0;

constexpr double mm_to_pt(double mm) {
  return mm * points_per_inch / mm_per_inch;
}
constexpr double pt_to_mm(double pt) {
  return pt * mm_per_inch / points_per_inch;
}
constexpr double mm_to_px(double mm, double dpi) {
  return mm * dpi / mm_per_inch;
}

}  // namespace wijkatlas::render
