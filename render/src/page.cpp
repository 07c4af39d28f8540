#include "wijkatlas/render/page.hpp"

#include <array>
#include <cmath>
#include <string>

#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {

struct PaperEntry {
  Paper paper;
  std::string_view name;
  SizeMm portrait;  // ISO 216
};

constexpr std::array<PaperEntry, 5> papers{{
    {Paper::a4, "A4", {210, 297}},
    {Paper::a3, "A3", {297, 420}},
    {Paper::a2, "A2", {420, 594}},
    {Paper::a1, "A1", {594, 841}},
    {Paper::a0, "A0", {841, 1189}},
}};

const PaperEntry& entry_for(Paper paper) {
  for (const auto& entry : papers) {
    if (entry.paper == paper) return entry;
  }
  throw render_error("unknown paper size");
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

SizeMm Page::size_mm() const {
  const SizeMm portrait = entry_for(paper).portrait;
  return orientation == Orientation::portrait ? portrait : SizeMm{portrait.height, portrait.width};
}

void Page::validate() const {
  if (!(dpi > 0) || !std::isfinite(dpi)) {
    throw render_error("page: resolution must be a positive number of dpi, not " +
                       std::to_string(dpi));
  }
  if (margins.top < 0 || margins.right < 0 || margins.bottom < 0 || margins.left < 0) {
    throw render_error("page: margins cannot be negative");
  }
  const SizeMm size = size_mm();
  if (margins.left + margins.right >= size.width || margins.top + margins.bottom >= size.height) {
    throw render_error("page: the margins leave no room on " + std::string(to_string(paper)) +
                       (orientation == Orientation::portrait ? " portrait" : " landscape"));
  }
}

RectMm Page::content_mm() const {
  validate();
  const SizeMm size = size_mm();
  return {margins.left, margins.top, size.width - margins.left - margins.right,
          size.height - margins.top - margins.bottom};
}

PixelSize Page::raster_size() const {
  validate();
  const SizeMm size = size_mm();
  return {static_cast<int>(std::lround(mm_to_px(size.width, dpi))),
          static_cast<int>(std::lround(mm_to_px(size.height, dpi)))};
}

Paper parse_paper(std::string_view name) {
  for (const auto& entry : papers) {
    if (equals_ignoring_case(entry.name, name)) return entry.paper;
  }
  throw render_error("unknown paper size '" + std::string(name) + "' (use A4, A3, A2, A1 or A0)");
}

std::string_view to_string(Paper paper) {
  return entry_for(paper).name;
}

Orientation parse_orientation(std::string_view name) {
  if (equals_ignoring_case(name, "portrait")) return Orientation::portrait;
  if (equals_ignoring_case(name, "landscape")) return Orientation::landscape;
  throw render_error("unknown orientation '" + std::string(name) + "' (use portrait or landscape)");
}

}  // namespace wijkatlas::render
