#pragma once
// The sheet's eight ArUco fiducials (DICT_4X4_50, ids 0..7) in a photo.
#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace wijkatlas::sketch::photo {

struct DetectedMarker {
  int id = -1;
  // Photo pixels of the marker's corners in its own order: top-left, top-right, bottom-right,
  // bottom-left of the marker as printed (whatever way the photo is turned).
  std::array<cv::Point2f, 4> corners;
  double side_px() const;  // mean side length
};

// At most one marker per id 0..7, sorted by id; ids the sheet does not use are ignored.
// Detection runs on a reduced copy (fast, and robust to paper texture) and the corners are
// refined to sub-pixel precision on the full image.
std::vector<DetectedMarker> detect_markers(const cv::Mat& gray);

}  // namespace wijkatlas::sketch::photo
