#include "synthetic_sheet.hpp"

#include <qrencode.h>

#include <memory>
#include <opencv2/aruco.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace wijkatlas::test {
namespace {

struct QrDeleter {
  void operator()(QRcode* q) const noexcept { QRcode_free(q); }
};

cv::Point px(double x, double y, double k) {
  return {static_cast<int>(std::lround(x * k)), static_cast<int>(std::lround(y * k))};
}

void draw_qr(cv::Mat& page, const std::string& text, double x_mm, double y_mm, double size_mm,
             double k) {
  std::unique_ptr<QRcode, QrDeleter> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) throw std::runtime_error("qrencode failed");
  const double module = size_mm / qr->width;
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (!(qr->data[r * qr->width + c] & 1)) continue;
      const cv::Point a = px(x_mm + c * module, y_mm + r * module, k);
      const cv::Point b = px(x_mm + (c + 1) * module, y_mm + (r + 1) * module, k);
      cv::rectangle(page, cv::Rect(a, b), cv::Scalar(0, 0, 0), cv::FILLED);
    }
  }
}

}  // namespace

sketch::SheetInfo a3_sheet() {
  sketch::SheetInfo s;
  s.id = "K7Q-4M2";
  s.extent = geo::Box({191000, 443000}, {191750, 443500});
  s.scale = 2500;
  s.paper = "A3";
  s.orientation = "landscape";
  s.page_width_mm = 420;
  s.page_height_mm = 297;
  s.frame = {30, 30, 300, 200};
  return s;
}

cv::Point2d page_px(double x_mm, double y_mm, double px_per_mm) {
  return {x_mm * px_per_mm - 0.5, y_mm * px_per_mm - 0.5};
}

cv::Mat render_sheet(const sketch::SheetInfo& sheet, const SheetImageOptions& options) {
  const double k = options.px_per_mm;
  cv::Mat page(static_cast<int>(std::lround(sheet.page_height_mm * k)),
               static_cast<int>(std::lround(sheet.page_width_mm * k)), CV_8UC3,
               cv::Scalar(255, 255, 255));
  const auto& f = sheet.frame;
  const auto mm = [&](double x, double y) { return px(x, y, k); };

  // Fake base map, in the quiet style of a drawing sheet: pale tints and greys only.
  cv::Mat map = page(cv::Rect(mm(f.x, f.y), mm(f.x + f.width, f.y + f.height)));
  const cv::Scalar water(235, 220, 200), green(200, 230, 205), building(215, 215, 215),
      street_casing(190, 190, 190);
  std::vector<cv::Point> river{mm(0, 150),   mm(80, 135),  mm(160, 160), mm(300, 140),
                               mm(300, 165), mm(160, 185), mm(80, 160),  mm(0, 175)};
  cv::fillPoly(map, std::vector<std::vector<cv::Point>>{river}, water, cv::LINE_AA);
  cv::rectangle(map, cv::Rect(mm(190, 20), mm(270, 90)), green, cv::FILLED);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 60; ++i) {
    const double x = 5 + u(random) * 280, y = 5 + u(random) * 120, w = 6 + u(random) * 14,
                 h = 5 + u(random) * 10;
    cv::rectangle(map, cv::Rect(mm(x, y), mm(x + w, y + h)), building, cv::FILLED);
    cv::rectangle(map, cv::Rect(mm(x, y), mm(x + w, y + h)), cv::Scalar(170, 170, 170), 1,
                  cv::LINE_AA);
  }
  for (const auto& [a, b] :
       std::vector<std::pair<cv::Point, cv::Point>>{{mm(0, 40), mm(300, 55)},
                                                    {mm(100, 0), mm(120, 200)},
                                                    {mm(0, 120), mm(300, 110)},
                                                    {mm(220, 0), mm(205, 200)}}) {
    cv::line(map, a, b, street_casing, static_cast<int>(4 * k), cv::LINE_AA);
    cv::line(map, a, b, cv::Scalar(250, 250, 250), static_cast<int>(3 * k), cv::LINE_AA);
  }
  cv::putText(map, "Schuttersbergweg", mm(20, 50), cv::FONT_HERSHEY_SIMPLEX, 0.5 * k / 4,
              cv::Scalar(120, 120, 120), 1, cv::LINE_AA);
  cv::putText(map, "Park Presikhaaf", mm(195, 60), cv::FONT_HERSHEY_SIMPLEX, 0.45 * k / 4,
              cv::Scalar(110, 140, 110), 1, cv::LINE_AA);
  // Reference grid every 40 mm (100 m).
  for (double g = 40; g < f.width; g += 40)
    cv::line(map, mm(g, 0), mm(g, f.height), cv::Scalar(200, 200, 200), 1, cv::LINE_AA);
  for (double g = 40; g < f.height; g += 40)
    cv::line(map, mm(0, g), mm(f.width, g), cv::Scalar(200, 200, 200), 1, cv::LINE_AA);
  cv::rectangle(page, cv::Rect(mm(f.x, f.y), mm(f.x + f.width, f.y + f.height)),
                cv::Scalar(60, 60, 60), std::max(1, static_cast<int>(0.3 * k)));

  // Markers.
  const auto dict = cv::aruco::getPredefinedDictionary(cv::aruco::DICT_4X4_50);
  for (const sketch::MarkerPlacement& m : sketch::marker_placements(sheet)) {
    const cv::Point a = mm(m.square.x, m.square.y);
    const int side = static_cast<int>(std::lround(m.square.width * k));
    cv::Mat marker;
    cv::aruco::drawMarker(dict, m.aruco_id, side, marker, 1);
    cv::Mat marker_bgr;
    cv::cvtColor(marker, marker_bgr, cv::COLOR_GRAY2BGR);
    marker_bgr.copyTo(page(cv::Rect(a.x, a.y, side, side)));
  }

  // Key: saturated swatches outside the frame that must never be read as marks.
  const double key_x = f.x + f.width + 25;
  const std::array<cv::Scalar, 3> ink{cv::Scalar(45, 40, 215), cv::Scalar(70, 150, 30),
                                      cv::Scalar(200, 75, 35)};
  const std::array<const char*, 3> words{"probleem", "fijne plek", "idee"};
  for (std::size_t i = 0; i < 3; ++i) {
    const double y = 110 + 15.0 * static_cast<double>(i);
    cv::rectangle(page, cv::Rect(mm(key_x, y), mm(key_x + 10, y + 8)), ink[i], cv::FILLED);
    cv::putText(page, words[i], mm(key_x + 13, y + 6), cv::FONT_HERSHEY_SIMPLEX, 0.5 * k / 4,
                cv::Scalar(0, 0, 0), 1, cv::LINE_AA);
  }
  if (options.with_qr) {
    draw_qr(page, options.qr_text.empty() ? sketch::encode_payload(sheet) : options.qr_text, key_x,
            30, 45, k);
  }
  cv::putText(page, sheet.id, mm(key_x + 5, 85), cv::FONT_HERSHEY_SIMPLEX, 0.8 * k / 4,
              cv::Scalar(0, 0, 0), 2, cv::LINE_AA);
  return page;
}

}  // namespace wijkatlas::test
