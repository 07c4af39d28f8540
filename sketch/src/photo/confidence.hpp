#pragma once
// How far the reader trusts what it read. Each mark's own evidence (how well its colour fits its
// category, how strong the ink is, how clear the choice between point, line and area was) is
// weighed by what the whole photo allows: all markers found, sharp, detailed, flat and in
// white light, or not. docs/ingest.md lists the factors.
#include <opencv2/core.hpp>

namespace wijkatlas::sketch::photo {

struct PhotoEvidence {
  int markers_found = 8;  // of 8
  double blur_mm = 0;     // marker-edge rise width (negative: not measured)
  double px_per_mm = 8;   // photo pixels per page millimetre
  double rms_mm = 0;      // marker corners off their printed place after the homography
  cv::Scalar paper_white{255, 255, 255};  // the white band's colour as photographed (B, G, R)
  bool white_balanced = true;             // false: the light's colour could not be measured
};

// 0.5..1: the product of one factor per kind of evidence, each 1 for a good photo.
double photo_confidence(const PhotoEvidence& evidence);

// 0..1 from the mark's own evidence, each 0..1: the share of its pixels in the unambiguous
// middle of its category's hue range, its ink strength (saturation above the ink threshold) and
// the clarity of its shape.
double mark_confidence(double colour_fit, double ink_strength, double shape_clarity);

}  // namespace wijkatlas::sketch::photo
