#pragma once
// Marker ink told apart from the printed base map and from black writing, by colour.
#include <array>
#include <opencv2/core.hpp>

#include "rectify.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch::photo {

struct InkMasks {
  std::array<cv::Mat, 3> mask;  // CV_8U per category, in ink_categories order, cleaned up
  cv::Mat hsv;                  // of the normalised page, for confidence
};

// The base map is printed in greys and pale tints (low saturation) and writing is black (dark):
// ink is what is both saturated and not dark. Its hue decides the category: red (also pink),
// green, blue; orange, yellow, cyan and purple are not marker colours of the key and are left
// out rather than guessed.
InkMasks separate_ink(const RectifiedPage& page);

// Hue-range test (OpenCV hue, 0..180) for one category; `core` narrows it to the unambiguous
// middle of the range.
bool hue_in(InkCategory category, int hue, bool core = false);

}  // namespace wijkatlas::sketch::photo
