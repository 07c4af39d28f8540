// Where a drawing sheet puts its parts, and what its key says. Pure arithmetic and text.
#include <algorithm>
#include <cmath>

#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

constexpr double a3_area_mm2 = 297.0 * 420.0;
constexpr double page_margin_mm = 8;  // most printers cannot print the outer 4-5 mm
constexpr double block_gap_mm = 4;

// Heights (at text scale 1) of the panel's blocks; the QR block is square plus the id below it.
constexpr double header_h = 17, key_h = 54, session_h = 26, furniture_h = 34, qr_side = 46,
                 id_h = 12;
constexpr double landscape_panel_w = 64;  // leaves A3 landscape a frame 302 mm wide

}  // namespace

SheetLayout drawing_sheet_layout(const Page& page) {
  page.validate();
  const SizeMm size = page.size_mm();
  SheetLayout l;
  // Markers grow with the paper, which is photographed from further away. The margin panel
  // (title, key, session box, scale, QR code and its caption) grows faster: an A3 is read at
  // arm's length, an A1 or A0 by people standing round a table, about 1.5 m away. On A0 the
  // key's words are then over 7 mm high (capitals), readable from there.
  const double area_ratio = size.width * size.height / a3_area_mm2;
  const double paper_scale = std::clamp(std::sqrt(area_ratio), 0.75, 2.5);
  l.text_scale =
      area_ratio <= 1 ? paper_scale : std::sqrt(area_ratio) * (1 + 0.05 * std::log2(area_ratio));
  const double k = l.text_scale;
  // Names inside the map grow less than the panel: they must not crowd out the streets they
  // name, and people lean over the map to find their street anyway.
  l.map_text_scale = area_ratio <= 1 ? 1 : std::sqrt(k);
  l.marker_mm = std::round(12 * paper_scale);
  l.marker_gap_mm = std::round(3 * paper_scale);
  l.ring_mm = l.marker_gap_mm + l.marker_mm + l.marker_mm / 6.0;
  const double m = page_margin_mm;
  const double gap = block_gap_mm * k;
  if (page.orientation == Orientation::landscape) {
    // Narrower than the text grows (more of it wraps, the title shrinks to fit), so the map
    // keeps its room: a programme wijk still fits A0 at 1:5.000.
    const double panel_w = landscape_panel_w * std::pow(k, 0.85);
    l.panel = {size.width - m - panel_w, m, panel_w, size.height - 2 * m};
    l.frame = {m + l.ring_mm, m + l.ring_mm, l.panel.x - gap - 2 * l.ring_mm - m,
               size.height - 2 * m - 2 * l.ring_mm};
    const RectMm& p = l.panel;
    l.header = {p.x, p.y, p.width, header_h * k};
    l.key = {p.x, l.header.y + l.header.height + gap, p.width, key_h * k};
    l.session = {p.x, l.key.y + l.key.height + gap, p.width, session_h * k};
    l.furniture = {p.x, l.session.y + l.session.height + gap, p.width, furniture_h * k};
    const double qr_h = (qr_side + id_h) * k;
    l.qr = {p.x + (p.width - qr_side * k) / 2, p.y + p.height - qr_h, qr_side * k, qr_h};
    if (l.qr.y < l.furniture.y + l.furniture.height + gap) {
      throw render_error("page: a drawing sheet needs more height than " +
                         std::string(to_string(page.paper)) + " landscape has");
    }
    const double free_y = l.furniture.y + l.furniture.height + gap;
    l.previous = {p.x, free_y, p.width, l.qr.y - gap - free_y};
  } else {
    const double panel_h = (header_h + key_h + gap / k) * k;
    l.panel = {m, size.height - m - panel_h, size.width - 2 * m, panel_h};
    l.frame = {m + l.ring_mm, m + l.ring_mm, size.width - 2 * m - 2 * l.ring_mm,
               l.panel.y - gap - 2 * l.ring_mm - m};
    const RectMm& p = l.panel;
    const double qr_w = qr_side * k;
    const double rest = p.width - qr_w - 3 * gap;
    l.header = {p.x, p.y, rest * 0.42, header_h * k};
    l.key = {p.x, l.header.y + l.header.height + gap, rest * 0.42, key_h * k};
    l.session = {p.x + rest * 0.42 + gap, p.y, rest * 0.33, session_h * k};
    l.furniture = {l.session.x, l.session.y + l.session.height + gap, rest * 0.33,
                   p.height - l.session.height - gap};
    l.qr = {p.x + p.width - qr_w, p.y + p.height - (qr_side + id_h) * k, qr_w,
            (qr_side + id_h) * k};
    if (rest * 0.25 < 20 * k) {
      throw render_error("page: a drawing sheet needs more width than " +
                         std::string(to_string(page.paper)) + " portrait has");
    }
    // The quarter of the panel between the furniture and the QR code is free.
    l.previous = {l.session.x + l.session.width + gap, p.y, rest * 0.25, p.height};
  }
  if (l.frame.width < 60 || l.frame.height < 60)
    throw render_error("page: no room left for the map on a drawing sheet");
  return l;
}

MapFrame drawing_sheet_frame(const SheetLayout& layout, const geo::Point& centre, double scale) {
  return MapFrame::at_scale(centre, scale, layout.frame, sheet_scale_limits);
}

std::vector<KeyEntry> sheet_key(Language language) {
  // Printed swatches in the hues of ordinary permanent markers (docs/sheets.md).
  const Rgb red{0xd6, 0x1f, 0x1f}, green{0x12, 0x8c, 0x3c}, blue{0x1c, 0x4f, 0xc4},
      black{0x11, 0x11, 0x11};
  if (language == Language::en) {
    return {
        {red, KeySymbol::cross, "red", "problem", "what goes wrong here?"},
        {green, KeySymbol::heart, "green", "good place", "where is it good?"},
        {blue, KeySymbol::question, "blue", "idea / wish", "what would you like?"},
        {black, KeySymbol::pen, "black", "writing", "is not read in"},
    };
  }
  return {
      {red, KeySymbol::cross, "rood", "probleem", "wat gaat hier mis?"},
      {green, KeySymbol::heart, "groen", "fijne plek", "waar is het goed?"},
      {blue, KeySymbol::question, "blauw", "idee / wens", "wat zou je hier willen?"},
      {black, KeySymbol::pen, "zwart", "schrijven", "wordt niet ingelezen"},
  };
}

}  // namespace wijkatlas::render
