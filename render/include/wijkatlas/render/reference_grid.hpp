#pragma once
// The reference grid: equal cells over the map frame, columns lettered A, B, C... from the left
// and rows numbered 1, 2, 3... from the top, so people can say "C4". Pure layout, no Cairo.
#include <string>
#include <vector>

#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

struct GridLabel {
  std::string text;
  PaperPoint centre;
  RectMm box;  // kept free of map labels
};

struct ReferenceGrid {
  std::vector<double> column_edges_mm;  // x of the inner lines, left to right
  std::vector<double> row_edges_mm;     // y of the inner lines, top to bottom
  std::vector<GridLabel> labels;        // along the top and left edges, inside the frame
};

// Cells close to `cell_mm` square; at least 2 x 2, at most 26 columns (A..Z).
ReferenceGrid reference_grid(const RectMm& frame, double cell_mm = 40, double label_mm = 4);

// "A".."Z" for 0..25.
std::string column_name(std::size_t index);

}  // namespace wijkatlas::render
