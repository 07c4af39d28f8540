#include "qr_rectified.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "qr_reader.hpp"

namespace wijkatlas::sketch::photo {
namespace {

constexpr double view_px_per_mm = 6;  // ~5 px per QR module for a 45 mm code
// How far past the marker ring the QR code may sit, in A3 millimetres (on larger paper the
// markers are larger and the view scales with them): an A0 portrait sheet's code ends about 100
// of them below the ring.
constexpr double margin_mm = 125;

const DetectedMarker* find(const std::vector<DetectedMarker>& markers, int id) {
  for (const DetectedMarker& m : markers) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> read_qr_codes_squared_up(const cv::Mat& gray,
                                                  const std::vector<DetectedMarker>& markers,
                                                  double marker_mm) {
  // Corner markers clockwise from the top-left: ids 0, 2, 4, 6; their outer corners.
  const std::array<int, 4> ids{0, 2, 4, 6};
  std::vector<cv::Point2f> photo;
  for (std::size_t i = 0; i < 4; ++i) {
    const DetectedMarker* m = find(markers, ids[i]);
    if (!m) return {};
    photo.push_back(m->corners[i]);
  }
  const std::vector<cv::Point2f> unit{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  const cv::Matx33d to_unit(cv::getPerspectiveTransform(photo, unit));
  // The ring's size in millimetres from how wide and tall the (square) corner markers come out.
  double width_units = 0, height_units = 0;
  for (const int id : ids) {
    const DetectedMarker* m = find(markers, id);
    std::array<cv::Point2d, 4> u;
    for (std::size_t k = 0; k < 4; ++k) {
      const cv::Vec3d v = to_unit * cv::Vec3d(m->corners[k].x, m->corners[k].y, 1);
      u[k] = {v[0] / v[2], v[1] / v[2]};
    }
    width_units += (std::abs(u[1].x - u[0].x) + std::abs(u[2].x - u[3].x)) / 8;
    height_units += (std::abs(u[3].y - u[0].y) + std::abs(u[2].y - u[1].y)) / 8;
  }
  if (width_units <= 0 || height_units <= 0) return {};
  const double ring_w = marker_mm / width_units, ring_h = marker_mm / height_units;
  if (!(ring_w > 0 && ring_h > 0 && ring_w < 2000 && ring_h < 2000)) return {};

  const double k = view_px_per_mm;
  const cv::Matx33d to_view(ring_w * k, 0, margin_mm * k, 0, ring_h * k, margin_mm * k, 0, 0, 1);
  const cv::Size size(static_cast<int>((ring_w + 2 * margin_mm) * k),
                      static_cast<int>((ring_h + 2 * margin_mm) * k));
  cv::Mat view;
  cv::warpPerspective(gray, view, to_view * to_unit, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                      cv::Scalar(255));
  // As it is and, for heavy noise on a steep photo, locally thresholded over about 5 mm (a few
  // modules): the squared-up code is plain to see there, but zbar's own threshold fails on the
  // large view. The full view first, both ways (the likeliest to read), then smaller ones.
  const std::array<std::pair<double, bool>, 5> tries{
      {{1.0, false}, {1.0, true}, {0.75, false}, {0.55, false}, {0.75, true}}};
  for (const auto& [f, thresholded] : tries) {
    cv::Mat scaled = view;
    if (f < 1) cv::resize(view, scaled, cv::Size(), f, f, cv::INTER_AREA);
    auto found = thresholded
                     ? read_qr_codes_thresholded(scaled, static_cast<int>(std::lround(5 * k * f)))
                     : read_qr_codes_once(scaled);
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace wijkatlas::sketch::photo
