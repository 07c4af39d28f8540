#pragma once
// Marks "drawn" on a sheet image in marker colours (translucent ink, multiplied onto the paper
// as real felt-tip ink is), black handwriting, and the ground truth of the coloured ones in RD.
#include <opencv2/core.hpp>
#include <vector>

#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::test {

struct DrawnMark {
  sketch::InkCategory category;
  sketch::MarkKind kind;
  std::vector<cv::Point2d>
      page_mm;                // area outline (closed implicitly), line vertices, or the point
  bool outline_only = false;  // area drawn as a closed outline instead of coloured in
  double stroke_mm = 2.5;
  geo::Geometry truth;  // in RD New
};

// The standard set: coloured-in and outlined areas, strokes, dots and a cross, in all three
// categories, spread over the frame of `sheet` (made for test::a3_sheet()).
std::vector<DrawnMark> standard_marks(const sketch::SheetInfo& sheet);
// 20 marks for the benchmark.
std::vector<DrawnMark> many_marks(const sketch::SheetInfo& sheet, int count);

// Draws the marks, and black writing and scribbles that must not be read.
void draw_marks(cv::Mat& page, double px_per_mm, const std::vector<DrawnMark>& marks);
void draw_handwriting(cv::Mat& page, double px_per_mm, const sketch::SheetInfo& sheet);

}  // namespace wijkatlas::test
