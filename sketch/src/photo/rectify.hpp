#pragma once
// The map frame cut out of the photo, squared up to a page image at a fixed resolution, and a
// copy of it with the lighting evened out (the light's colour, shadows, a phone held at an
// angle).
#include <opencv2/core.hpp>

#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch::photo {

struct RectifiedPage {
  cv::Mat bgr;         // the frame (plus a small margin) as photographed, squared up
  cv::Mat normalised;  // same, lighting divided out: paper is white everywhere
  cv::Mat drawable;    // CV_8U, 255 inside the frame where the photo shows the page
  double px_per_mm = 4;
  cv::Point2d origin_mm;      // page millimetres of the image's top-left corner
  double lighting_ratio = 1;  // brightest / darkest paper: 1 for a flat scan
  double frame_seen = 1;      // fraction of the frame that the photo shows
  // The light's colour: the median paper colour (B, G, R) of the white band between frame and
  // markers; white_balanced is false when too little of the band could be measured.
  cv::Scalar paper_white{255, 255, 255};
  bool white_balanced = false;
  double paper_share = 1;  // share of the drawable map that looked like paper

  // Page millimetres of a pixel position (pixel centres at integer coordinates).
  cv::Point2d to_page(cv::Point2d px) const {
    return {origin_mm.x + (px.x + 0.5) / px_per_mm, origin_mm.y + (px.y + 0.5) / px_per_mm};
  }
};

// `photo_px_per_mm` is the photo's own resolution on the page; it decides how much the photo
// is reduced before warping so that fine paper texture does not alias into speckle.
RectifiedPage rectify(const cv::Mat& photo, const cv::Matx33d& photo_to_page,
                      double photo_px_per_mm, const SheetInfo& sheet, double px_per_mm);

}  // namespace wijkatlas::sketch::photo
