#pragma once
// Provenance crops: a small PNG of the squared-up page around a mark, and the RD box it shows,
// so that people at the table can check what the reader made of their drawing.
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

#include "rectify.hpp"
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::sketch::photo {

struct Crop {
  std::vector<std::uint8_t> png;
  geo::Box extent;  // RD New
};

// The mark's box grown by `context_mm` on every side, reduced to at most `max_side_px`.
Crop provenance_crop(const RectifiedPage& page, const SheetInfo& sheet, cv::Rect px_box,
                     double context_mm = 5, int max_side_px = 320);

}  // namespace wijkatlas::sketch::photo
