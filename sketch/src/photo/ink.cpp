#include "ink.hpp"

#include <opencv2/imgproc.hpp>

namespace wijkatlas::sketch::photo {
namespace {

// Saturation above which a pixel is ink (0..255): pale printed tints stay well below, marker
// ink (even half covering a pixel at a blurred edge) above.
constexpr int min_saturation = 85;
// Value below which a pixel is black writing (or a deep shadow), never ink.
constexpr int min_value = 60;

}  // namespace

bool hue_in(InkCategory category, int h, bool core) {
  switch (category) {
    case InkCategory::probleem:
      return core ? (h <= 8 || h >= 170) : (h <= 12 || h >= 160);
    case InkCategory::fijne_plek:
      return core ? (h >= 45 && h <= 80) : (h >= 36 && h <= 88);
    case InkCategory::idee:
      return core ? (h >= 100 && h <= 125) : (h >= 92 && h <= 132);
  }
  return false;
}

InkMasks separate_ink(const RectifiedPage& page) {
  InkMasks out;
  cv::cvtColor(page.normalised, out.hsv, cv::COLOR_BGR2HSV);
  // A hue lookup table per category keeps the per-pixel work to one LUT and two comparisons.
  std::vector<cv::Mat> ch;
  cv::split(out.hsv, ch);
  const cv::Mat inky = (ch[1] >= min_saturation) & (ch[2] >= min_value) & page.drawable;
  // Black writing across a coloured stroke cuts it in two; dark pixels may join ink of one
  // colour on both sides, but are never ink by themselves.
  const cv::Mat dark = (ch[2] < min_value) & page.drawable;
  const double px_per_mm = page.px_per_mm;
  const auto ellipse = [&](double mm) {
    const int k = std::max(3, static_cast<int>(std::lround(mm * px_per_mm)) | 1);
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k));
  };
  for (std::size_t c = 0; c < ink_categories.size(); ++c) {
    cv::Mat lut(1, 256, CV_8U, cv::Scalar(0));
    for (int h = 0; h < 180; ++h) lut.at<unsigned char>(h) = hue_in(ink_categories[c], h) ? 255 : 0;
    cv::Mat hue_ok;
    cv::LUT(ch[0], lut, hue_ok);
    cv::Mat m = hue_ok & inky;
    // Speckle (sensor noise, colour fringes at black writing) out; small gaps in a stroke
    // (paper texture, a dry marker) closed.
    cv::medianBlur(m, m, 3);
    cv::morphologyEx(m, m, cv::MORPH_OPEN, ellipse(0.6));
    cv::morphologyEx(m, m, cv::MORPH_CLOSE, ellipse(1.2));
    cv::Mat bridged;
    cv::morphologyEx(m, bridged, cv::MORPH_CLOSE, ellipse(4.0));
    m |= bridged & dark;
    out.mask[c] = m & page.drawable;
  }
  return out;
}

}  // namespace wijkatlas::sketch::photo
