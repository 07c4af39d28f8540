#pragma once
// Ink masks turned into marks: areas (filled, or outlined and then filled), lines (centre lines
// of strokes) and points (dots and small crosses), in RD New.
#include <opencv2/core.hpp>
#include <vector>

#include "ink.hpp"
#include "rectify.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::sketch::photo {

struct Shape {
  double min_ink_mm2 = 4;          // smaller blobs are specks, not marks
  double point_max_mm = 12;        // a mark no longer than this is a dot or a cross
  double filled_min_width_mm = 5;  // ink at least this wide throughout is a coloured-in area
  double hole_min_mm2 = 30;        // an enclosed paper hole this big makes a closed outline
  double polygon_tolerance_mm = 0.25;
  double line_tolerance_mm = 0.25;
};

struct VectorMark {
  InkMark mark;     // without the provenance crop
  cv::Rect px_box;  // the mark's bounding box in the rectified page image
};

std::vector<VectorMark> vectorise(const InkMasks& ink, const RectifiedPage& page,
                                  const SheetInfo& sheet, const Shape& shape = {});

}  // namespace wijkatlas::sketch::photo
