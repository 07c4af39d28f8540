#pragma once
// Second try at the QR code for photos taken at a steep angle: zbar reads a squared-up code far
// better than a trapezoid. The page is squared up from the four corner markers alone (their
// layout is the same on every sheet; only the frame's size varies, and the markers' own square
// shape tells it), then zbar runs on that view, as it is and locally thresholded.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "markers.hpp"

namespace wijkatlas::sketch::photo {

// Empty when a corner marker is missing or no code is found.
std::vector<std::string> read_qr_codes_squared_up(const cv::Mat& gray,
                                                  const std::vector<DetectedMarker>& markers,
                                                  double marker_mm);

}  // namespace wijkatlas::sketch::photo
