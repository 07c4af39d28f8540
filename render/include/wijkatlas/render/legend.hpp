#pragma once
// The legend: entries taken from what a page actually draws, laid out in columns without Cairo.
#include <string>
#include <vector>

#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/render/page.hpp"
#include "wijkatlas/render/style.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::render {

enum class SwatchKind { heading, fill, line, symbol, landmark };

struct LegendEntry {
  SwatchKind kind = SwatchKind::fill;
  std::string text;
  Rgb fill{};
  Stroke outline{};
  SymbolStyle symbol{};
  geo::LandmarkKind landmark{};  // SwatchKind::landmark: its pictogram
};

struct LegendItem {
  std::size_t entry = 0;  // index into the entries
  RectMm swatch{};        // empty for headings
  PaperPoint text_top_left{};
};

struct LegendLayout {
  std::vector<LegendItem> items;
  std::size_t dropped = 0;  // entries that did not fit the area
};

inline const TextStyle legend_heading_style{.size_pt = 8, .bold = true};
inline const TextStyle legend_text_style{.size_pt = 7.5};

// Top to bottom, then the next column; a heading never ends a column.
LegendLayout layout_legend(const std::vector<LegendEntry>& entries, const RectMm& area);

}  // namespace wijkatlas::render
