#pragma once
// One mark read from a drawn-on sheet or a digital drawing: its category, its kind and its
// geometry in RD New, with the provenance crop it was read from. Pure data.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/sketch/category.hpp"

namespace wijkatlas::sketch {

enum class MarkKind { area, line, point };  // filled or outlined area, stroke, dot/cross
std::string to_string(MarkKind kind);       // "vlak", "lijn", "punt"
// The stored word exactly; nullopt for anything else.
std::optional<MarkKind> parse_mark_kind(std::string_view word);

struct InkMark {
  InkCategory category;
  MarkKind kind;
  geo::Geometry geometry;  // RD New: MultiPolygon for areas, MultiLineString for lines, Point
  double area_m2 = 0;      // areas only
  double length_m = 0;     // lines only
  double confidence = 0;   // 0..1: how sure the colour and shape are
  // Provenance: a small PNG of the rectified page around the mark, and the RD box it covers.
  std::vector<std::uint8_t> crop_png;
  geo::Box crop_extent;
};

}  // namespace wijkatlas::sketch
