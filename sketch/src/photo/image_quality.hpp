#pragma once
// Is the photo sharp and detailed enough to read marker ink? Measured on the fiducials, the one
// thing in every photo whose true appearance is known: a black square with a sharp edge on white.
#include <opencv2/core.hpp>
#include <vector>

#include "markers.hpp"

namespace wijkatlas::sketch::photo {

// Median 10-90 % rise distance, in page millimetres, across the outer edges of the markers
// (blur of the lens, of motion or of focus all widen it). Negative when no edge could be measured.
double marker_edge_width_mm(const cv::Mat& gray, const std::vector<DetectedMarker>& markers,
                            double marker_mm);

// Photo pixels per page millimetre judged from the markers' size alone (before the QR code
// says which sheet it is, `marker_mm` is the format's default).
double px_per_mm_from_markers(const std::vector<DetectedMarker>& markers, double marker_mm);

// Blur of the photo as a whole, as the Gaussian sigma in pixels of a photo reduced to 1600 pixels
// on its long side: from the steepest edges against the image's contrast. Only for photos in
// which no marker was found, to tell "too blurry" from "no sheet".
double overall_blur_px(const cv::Mat& gray);

// True when the image has (next to) no colour: a grey-scale scan or photo.
bool is_grey_scale(const cv::Mat& bgr);

}  // namespace wijkatlas::sketch::photo
