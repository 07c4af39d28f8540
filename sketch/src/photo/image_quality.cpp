#include "image_quality.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace wijkatlas::sketch::photo {
namespace {

constexpr double patch_px_per_mm = 10;
constexpr double reach_mm = 1.6;  // profile from 1.6 mm outside to 1.6 mm inside the edge

double median(std::vector<double> v) {
  if (v.empty()) return -1;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Rise distance along one profile that runs from white paper into the black border.
double rise_mm(const std::vector<double>& profile) {
  const std::size_t n = profile.size();
  const std::size_t ends = n / 6;
  double white = 0, black = 0;
  for (std::size_t i = 0; i < ends; ++i) {
    white += profile[i];
    black += profile[n - 1 - i];
  }
  white /= static_cast<double>(ends);
  black /= static_cast<double>(ends);
  if (white - black < 40) return -1;  // no real edge here (glare, a shadow, drawn over)
  const double t10 = white - 0.1 * (white - black), t90 = white - 0.9 * (white - black);
  double x10 = -1, x90 = -1;
  for (std::size_t i = 1; i < n; ++i) {
    const auto cross = [&](double t) {
      return static_cast<double>(i - 1) +
             (profile[i - 1] - t) / std::max(1e-9, profile[i - 1] - profile[i]);
    };
    if (x10 < 0 && profile[i] <= t10) x10 = cross(t10);
    if (x90 < 0 && profile[i] <= t90) x90 = cross(t90);
  }
  if (x10 < 0 || x90 < 0) return -1;
  return std::max(0.0, x90 - x10) / patch_px_per_mm;
}

}  // namespace

double marker_edge_width_mm(const cv::Mat& gray, const std::vector<DetectedMarker>& markers,
                            double marker_mm) {
  std::vector<double> widths;
  const double margin = reach_mm;
  const auto side = static_cast<float>((marker_mm + 2 * margin) * patch_px_per_mm);
  const auto lo = static_cast<float>(margin * patch_px_per_mm);
  const auto hi = static_cast<float>((margin + marker_mm) * patch_px_per_mm);
  for (const DetectedMarker& m : markers) {
    // The marker and its quiet zone, squared up at a fixed resolution.
    const std::vector<cv::Point2f> dst{{lo, lo}, {hi, lo}, {hi, hi}, {lo, hi}};
    const std::vector<cv::Point2f> src(m.corners.begin(), m.corners.end());
    const cv::Mat h = cv::getPerspectiveTransform(src, dst);
    cv::Mat patch;
    cv::warpPerspective(gray, patch, h, cv::Size(static_cast<int>(side), static_cast<int>(side)),
                        cv::INTER_LINEAR);
    patch.convertTo(patch, CV_64F);
    const int reach = static_cast<int>(reach_mm * patch_px_per_mm);
    const int a = static_cast<int>(lo), b = static_cast<int>(hi);
    const int from = static_cast<int>(lo + 0.3 * (hi - lo)),
              to = static_cast<int>(lo + 0.7 * (hi - lo));
    // Four edges, each read from the white outside inwards, averaged along the edge's middle.
    std::array<std::vector<double>, 4> profiles;
    for (auto& p : profiles) p.assign(static_cast<std::size_t>(2 * reach), 0.0);
    for (int t = from; t < to; ++t) {
      for (int k = 0; k < 2 * reach; ++k) {
        const auto ku = static_cast<std::size_t>(k);
        profiles[0][ku] += patch.at<double>(t, a - reach + k);      // left edge
        profiles[1][ku] += patch.at<double>(t, b + reach - 1 - k);  // right edge
        profiles[2][ku] += patch.at<double>(a - reach + k, t);      // top edge
        profiles[3][ku] += patch.at<double>(b + reach - 1 - k, t);  // bottom edge
      }
    }
    for (auto& p : profiles) {
      for (double& v : p) v /= (to - from);
      const double w = rise_mm(p);
      if (w >= 0) widths.push_back(w);
    }
  }
  return median(widths);
}

double px_per_mm_from_markers(const std::vector<DetectedMarker>& markers, double marker_mm) {
  std::vector<double> v;
  for (const DetectedMarker& m : markers) v.push_back(m.side_px() / marker_mm);
  return median(v);
}

double overall_blur_px(const cv::Mat& gray) {
  cv::Mat small;
  const double f = std::min(1.0, 1600.0 / std::max(gray.cols, gray.rows));
  cv::resize(gray, small, cv::Size(), f, f, cv::INTER_AREA);
  cv::Mat gx, gy, magnitude;
  cv::Sobel(small, gx, CV_32F, 1, 0, 3, 1.0 / 8);
  cv::Sobel(small, gy, CV_32F, 0, 1, 3, 1.0 / 8);
  cv::magnitude(gx, gy, magnitude);
  std::vector<float> g(magnitude.begin<float>(), magnitude.end<float>());
  std::vector<unsigned char> v(small.begin<unsigned char>(), small.end<unsigned char>());
  const auto at = [](auto& values, double q) {
    const auto k = static_cast<long>(q * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return static_cast<double>(values[static_cast<std::size_t>(k)]);
  };
  const double steepest = at(g, 0.9995);
  const double contrast = at(v, 0.99) - at(v, 0.01);
  // A step of height C blurred with sigma s has a steepest slope of C / (s * sqrt(2 pi)).
  return steepest > 0 ? contrast / (steepest * 2.5066) : 1e9;
}

bool is_grey_scale(const cv::Mat& bgr) {
  cv::Mat small;
  const double f = std::min(1.0, 800.0 / std::max(bgr.cols, bgr.rows));
  cv::resize(bgr, small, cv::Size(), f, f, cv::INTER_AREA);
  cv::Mat hsv;
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  std::vector<cv::Mat> ch;
  cv::split(hsv, ch);
  double max_s = 0;
  cv::minMaxLoc(ch[1], nullptr, &max_s);
  return max_s < 20;
}

}  // namespace wijkatlas::sketch::photo
