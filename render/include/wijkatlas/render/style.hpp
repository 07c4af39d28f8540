#pragma once
// Styles of map layers: colours, strokes and point symbols. Pure values, no Cairo.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::render {

// "#rrggbb" (or "rrggbb"); throws render_error otherwise.
Rgb parse_colour(std::string_view text);
std::string to_hex(const Rgb& colour);

struct Stroke {
  Rgb colour{0x66, 0x66, 0x66};
  double width_mm = 0.25;
};

// Streets are drawn twice: a wider casing below, then the fill on top (as on paper road maps).
struct CasedLine {
  Stroke casing;
  Stroke fill;
};

enum class SymbolShape {
  circle,
  square,
  triangle,
  diamond,
  inverted_triangle,
  star,
  hexagon,
  cross
};

struct SymbolStyle {
  SymbolShape shape = SymbolShape::circle;
  Rgb colour{};
};

// Okabe-Ito colours (distinguishable with any colour vision deficiency) paired with distinct
// shapes, so categories stay apart on a black-and-white copy too. Index i gets a different
// shape and colour for i < 8; beyond that, combinations repeat neither pair.
SymbolStyle category_symbol(std::size_t index);

// Lines a Cairo-free symbol outline: the vertices of `shape` of diameter 1 centred on 0,0
// (y down). A circle returns no vertices.
std::vector<std::pair<double, double>> symbol_outline(SymbolShape shape);

}  // namespace wijkatlas::render
