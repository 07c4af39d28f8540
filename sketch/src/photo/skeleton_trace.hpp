#pragma once
// A one-pixel-wide skeleton (from thinning) traced into polylines: one per branch between ends
// and junctions, closed loops included.
#include <opencv2/core.hpp>
#include <vector>

namespace wijkatlas::sketch::photo {

struct TracedLine {
  std::vector<cv::Point> points;
  bool free_end = false;  // starts or ends at a skeleton end (not a junction): a spur candidate
};

std::vector<TracedLine> trace_skeleton(const cv::Mat& skeleton);

}  // namespace wijkatlas::sketch::photo
