#pragma once
// The colour of the light that fell on the sheet, measured where the sheet itself guarantees
// white paper: the band between the map frame and the marker ring, which the layout keeps free
// of print on every sheet. A warm lamp turns paper yellow-orange, a window or fluorescent tube
// bluish; dividing by the measured white gives the ink the colours it has under neutral light,
// also when a lamp and a window light the sheet from two sides.
#include <opencv2/core.hpp>

#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch::photo {

struct SheetWhite {
  // CV_32FC3, the page image's size: the colour of the light at each pixel, interpolated
  // inwards from the white band, as B, G, R with the brightest channel 255 (how bright the
  // light is, the band cannot tell for the map inside it). Empty when too little of the band
  // was seen.
  cv::Mat white;
  cv::Scalar median;     // the band's median paper colour (B, G, R, 0..255)
  double band_seen = 0;  // share of the band's blocks that gave a usable white
};

// `page` is the squared-up page image (BGR) with `px_per_mm`, whose pixel (0, 0) lies at page
// millimetres `origin_mm`; `seen` marks where the photo shows the page.
SheetWhite measure_sheet_white(const cv::Mat& page, const cv::Mat& seen, double px_per_mm,
                               cv::Point2d origin_mm, const SheetInfo& sheet);

}  // namespace wijkatlas::sketch::photo
