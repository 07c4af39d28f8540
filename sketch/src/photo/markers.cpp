#include "markers.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/aruco.hpp>
#include <opencv2/imgproc.hpp>

#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch::photo {
namespace {

std::map<int, DetectedMarker> detect_at(const cv::Mat& gray, int long_side) {
  const int full = std::max(gray.cols, gray.rows);
  const double f = long_side < full ? static_cast<double>(long_side) / full : 1.0;
  cv::Mat small;
  if (f < 1.0) {
    cv::resize(gray, small, cv::Size(), f, f, cv::INTER_AREA);
  } else {
    small = gray;
  }
  const cv::Ptr<cv::aruco::Dictionary> dict =
      cv::aruco::getPredefinedDictionary(cv::aruco::DICT_4X4_50);
  cv::Ptr<cv::aruco::DetectorParameters> params = cv::aruco::DetectorParameters::create();
  // Small markers on a big sheet photographed whole: allow perimeters down to 1% of the image.
  params->minMarkerPerimeterRate = 0.01;
  params->cornerRefinementMethod = cv::aruco::CORNER_REFINE_NONE;
  std::vector<std::vector<cv::Point2f>> corners;
  std::vector<int> ids;
  cv::aruco::detectMarkers(small, dict, corners, ids, params);

  std::map<int, DetectedMarker> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] < 0 || ids[i] >= marker_count || corners[i].size() != 4) continue;
    DetectedMarker m;
    m.id = ids[i];
    for (std::size_t k = 0; k < 4; ++k) m.corners[k] = corners[i][k] * static_cast<float>(1.0 / f);
    // Two detections with one id (a marker cut out and stuck on?): keep the larger one.
    const auto it = out.find(m.id);
    if (it == out.end() || it->second.side_px() < m.side_px()) out[m.id] = m;
  }
  return out;
}

void refine(const cv::Mat& gray, DetectedMarker& m) {
  // Window about a sixth of the marker (one cell of its 6x6 grid) keeps the search on the
  // marker's own corner, off its neighbours.
  const int half = std::clamp(static_cast<int>(m.side_px() / 12.0), 2, 15);
  std::vector<cv::Point2f> pts(m.corners.begin(), m.corners.end());
  cv::cornerSubPix(gray, pts, cv::Size(half, half), cv::Size(-1, -1),
                   cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, 30, 0.01));
  for (std::size_t k = 0; k < 4; ++k) {
    // A refinement that wandered off (blur, a shadow edge) is not trusted.
    if (cv::norm(pts[k] - m.corners[k]) < half) m.corners[k] = pts[k];
  }
}

}  // namespace

double DetectedMarker::side_px() const {
  double sum = 0;
  for (std::size_t k = 0; k < 4; ++k) sum += cv::norm(corners[k] - corners[(k + 1) % 4]);
  return sum / 4;
}

std::vector<DetectedMarker> detect_markers(const cv::Mat& gray) {
  const int full = std::max(gray.cols, gray.rows);
  std::map<int, DetectedMarker> found;
  // A reduced copy first; the full image and a smaller one only when markers are missing
  // (tiny markers need the full size, blurry ones a smaller one).
  std::vector<int> sizes;
  for (const int size : {std::min(2400, full), full, std::min(1200, full)}) {
    if (std::find(sizes.begin(), sizes.end(), size) == sizes.end()) sizes.push_back(size);
  }
  for (const int size : sizes) {
    for (auto& [id, m] : detect_at(gray, size)) found.try_emplace(id, m);
    if (static_cast<int>(found.size()) == marker_count) break;
  }
  std::vector<DetectedMarker> out;
  for (auto& [id, m] : found) {
    refine(gray, m);
    out.push_back(m);
  }
  return out;
}

}  // namespace wijkatlas::sketch::photo
