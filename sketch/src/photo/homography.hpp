#pragma once
// Photo -> page homography from the ArUco markers' corners, and what to tell the user when too
// few markers were found.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "markers.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch::photo {

inline constexpr int min_markers = 4;

struct PageHomography {
  cv::Matx33d photo_to_page;  // photo pixels -> page millimetres
  double rms_mm = 0;          // RMS distance of the inlier corners to their printed position
  int corners_used = 0;       // RANSAC inliers (4 per marker)
  double px_per_mm = 0;       // photo pixels per page millimetre in the middle of the frame
};

// Page millimetres of a marker's four corners, in ArUco's corner order.
std::vector<cv::Point2f> marker_page_corners(const SheetInfo& sheet, int aruco_id);

// RANSAC fit over all corners of all markers, so that one marker misdetected or drawn on does
// not pull the page out of place. With fewer than `min_markers` markers, or when the fit fails,
// corners_used is 0; callers turn that and a large rms_mm into messages.
PageHomography fit_page_homography(const std::vector<DetectedMarker>& markers,
                                   const SheetInfo& sheet);

// "the lower-right corner", "the right side", "the top-left corner and the middle of the bottom
// edge": the parts of the sheet whose markers are missing, for the error message.
std::string missing_parts(const std::vector<DetectedMarker>& markers);

cv::Point2d apply(const cv::Matx33d& h, cv::Point2d p);

}  // namespace wijkatlas::sketch::photo
