#include <algorithm>

#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render {

PageLayout map_page_layout(const Page& page, bool with_inset) {
  const RectMm c = page.content_mm();
  constexpr double header_mm = 17;
  constexpr double gap_mm = 4;
  PageLayout out;
  out.header = {c.x, c.y, c.width, header_mm};
  const double top = c.y + header_mm;
  if (page.orientation == Orientation::portrait) {
    const double panel_mm = std::min(48.0, c.height * 0.2);
    const double furniture_w = std::min(62.0, c.width * 0.4);
    out.map = {c.x, top, c.width, c.height - header_mm - panel_mm - gap_mm};
    const double panel_y = out.map.y + out.map.height + gap_mm;
    out.legend = {c.x, panel_y, c.width - furniture_w - gap_mm, panel_mm};
    out.furniture = {c.x + c.width - furniture_w, panel_y, furniture_w, panel_mm};
    if (with_inset) {
      const double inset_w = std::min(panel_mm * 1.2, out.legend.width / 2);
      out.legend.width -= inset_w + gap_mm;
      out.inset = {out.legend.x + out.legend.width + gap_mm, panel_y, inset_w, panel_mm};
    }
  } else {
    const double side_mm = std::min(70.0, c.width * 0.25);
    const double furniture_h = std::min(50.0, (c.height - header_mm) * 0.35);
    out.map = {c.x, top, c.width - side_mm - gap_mm, c.height - header_mm};
    const double side_x = out.map.x + out.map.width + gap_mm;
    out.legend = {side_x, top, side_mm, c.height - header_mm - furniture_h - gap_mm};
    out.furniture = {side_x, c.y + c.height - furniture_h, side_mm, furniture_h};
    if (with_inset) {
      const double inset_h = std::min(side_mm * 0.75, out.legend.height / 2);
      out.legend.height -= inset_h + gap_mm;
      out.inset = {side_x, out.legend.y + out.legend.height + gap_mm, side_mm, inset_h};
    }
  }
  return out;
}

}  // namespace wijkatlas::render
