#include "skeleton_trace.hpp"

#include <array>

namespace wijkatlas::sketch::photo {
namespace {

// Neighbours clockwise from east; 4-neighbours sit at even indices.
const std::array<cv::Point, 8> ring{
    {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}};

class Tracer {
 public:
  explicit Tracer(const cv::Mat& skeleton)
      : sk_(skeleton), visited_(skeleton.size(), CV_8U, cv::Scalar(0)) {}

  bool on(cv::Point p) const {
    return p.x >= 0 && p.y >= 0 && p.x < sk_.cols && p.y < sk_.rows &&
           sk_.at<unsigned char>(p) != 0;
  }

  // Crossing number: 0->1 transitions around the pixel. 1 at an end, 2 along a line, 3+ at a
  // junction; unlike a neighbour count it is not fooled by the staircase corners thinning leaves.
  int crossings(cv::Point p) const {
    int n = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      if (!on(p + ring[i]) && on(p + ring[(i + 1) % 8])) ++n;
    }
    return n;
  }
  bool is_node(cv::Point p) const {
    const int c = crossings(p);
    return c != 2;
  }

  // Walks from `start` through `first` until a node or a dead end; marks line pixels visited.
  TracedLine walk(cv::Point start, cv::Point first) {
    TracedLine line;
    line.points = {start, first};
    line.free_end = crossings(start) <= 1;
    cv::Point prev = start, cur = first;
    while (!is_node(cur) || cur == start) {
      if (cur == start && line.points.size() > 2) break;  // closed loop
      visited_.at<unsigned char>(cur) = 1;
      bool moved = false;
      for (const int pass : {0, 1}) {  // 4-neighbours first, then diagonals
        for (std::size_t i = static_cast<std::size_t>(pass); i < 8 && !moved; i += 2) {
          const cv::Point n = cur + ring[i];
          if (n == prev || !on(n)) continue;
          if (visited_.at<unsigned char>(n) && !(n == start && line.points.size() > 3)) continue;
          prev = cur;
          cur = n;
          line.points.push_back(cur);
          moved = true;
        }
        if (moved) break;
      }
      if (!moved) {
        line.free_end = true;
        return line;
      }
    }
    if (crossings(cur) <= 1) line.free_end = true;
    return line;
  }

  std::vector<TracedLine> run() {
    std::vector<TracedLine> out;
    // Branches from every node (ends and junctions).
    for (int y = 0; y < sk_.rows; ++y) {
      for (int x = 0; x < sk_.cols; ++x) {
        const cv::Point p(x, y);
        if (!on(p) || !is_node(p)) continue;
        if (crossings(p) == 0) {  // an isolated pixel
          out.push_back({{p}, true});
          continue;
        }
        for (std::size_t i = 0; i < 8; ++i) {
          const cv::Point n = p + ring[i];
          if (!on(n) || visited_.at<unsigned char>(n)) continue;
          if (is_node(n)) {
            // Two nodes side by side (inside a junction cluster): a one-pixel link, kept once.
            if (std::make_pair(n.y, n.x) > std::make_pair(p.y, p.x)) out.push_back({{p, n}, false});
            continue;
          }
          out.push_back(walk(p, n));
        }
      }
    }
    // What is left are closed loops without any node.
    for (int y = 0; y < sk_.rows; ++y) {
      for (int x = 0; x < sk_.cols; ++x) {
        const cv::Point p(x, y);
        if (!on(p) || visited_.at<unsigned char>(p)) continue;
        for (std::size_t i = 0; i < 8; ++i) {
          const cv::Point n = p + ring[i];
          if (on(n) && !visited_.at<unsigned char>(n)) {
            visited_.at<unsigned char>(p) = 1;
            TracedLine loop = walk(p, n);
            loop.free_end = false;
            out.push_back(std::move(loop));
            break;
          }
        }
      }
    }
    return out;
  }

 private:
  cv::Mat sk_;
  cv::Mat visited_;
};

}  // namespace

std::vector<TracedLine> trace_skeleton(const cv::Mat& skeleton) {
  return Tracer(skeleton).run();
}

}  // namespace wijkatlas::sketch::photo
