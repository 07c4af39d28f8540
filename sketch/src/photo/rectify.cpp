#include "rectify.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "white_balance.hpp"

namespace wijkatlas::sketch::photo {
namespace {

constexpr double margin_mm = 3;         // context around the frame for provenance crops
constexpr double frame_inset_mm = 0.8;  // the printed frame line itself is not drawable
constexpr double background_sigma_mm = 12;

// A smooth estimate of the bare paper's colour under the light that fell on it. Only pixels
// that look like paper count (not saturated, not much darker than the brightest paper nearby),
// so filled-in marker areas of any size, dark writing and base-map lines do not pull it down;
// gaps between paper pixels are filled by normalised convolution.
// `paper_share` is set to the share of the drawable area that looked like paper.
cv::Mat paper_background(const cv::Mat& bgr, const cv::Mat& drawable, double px_per_mm,
                         double& paper_share) {
  const double f = std::min(1.0, 1.0 / px_per_mm);  // about 1 px per mm is plenty for light
  cv::Mat small;
  cv::resize(bgr, small, cv::Size(), f, f, cv::INTER_AREA);
  cv::Mat hsv;
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  std::vector<cv::Mat> ch;
  cv::split(hsv, ch);
  cv::Mat local_max;
  const int k = std::max(3, static_cast<int>(9 * px_per_mm * f) | 1);
  cv::dilate(ch[2], local_max, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::Mat v, vmax;
  ch[2].convertTo(v, CV_32F);
  local_max.convertTo(vmax, CV_32F);
  cv::Mat paper = (ch[1] < 60) & (v > 0.8 * vmax);
  cv::Mat drawable_small;
  cv::resize(drawable, drawable_small, small.size(), 0, 0, cv::INTER_NEAREST);
  const int drawable_px = cv::countNonZero(drawable_small);
  paper_share = drawable_px > 0
                    ? cv::countNonZero(paper & drawable_small) / static_cast<double>(drawable_px)
                    : 0;
  cv::Mat weight;
  paper.convertTo(weight, CV_32F, 1.0 / 255);

  const double sigma = background_sigma_mm * px_per_mm * f;
  cv::Mat blurred_weight;
  cv::GaussianBlur(weight, blurred_weight, cv::Size(), sigma);
  cv::Mat small_f;
  small.convertTo(small_f, CV_32FC3);
  std::vector<cv::Mat> colour;
  cv::split(small_f, colour);
  // No paper at all: white, so that the division below stays finite (the reader refuses the
  // photo on paper_share).
  const cv::Scalar paper_mean =
      cv::countNonZero(paper) > 0 ? cv::mean(small, paper) : cv::Scalar::all(245);
  for (int c = 0; c < 3; ++c) {
    cv::Mat num;
    cv::GaussianBlur(colour[static_cast<std::size_t>(c)].mul(weight), num, cv::Size(), sigma);
    cv::Mat bg = num / cv::max(blurred_weight, 1e-4f);
    // Where no paper was seen for many centimetres, fall back to the page's mean paper colour.
    bg.setTo(paper_mean[c], blurred_weight < 1e-3f);
    colour[static_cast<std::size_t>(c)] = bg;
  }
  cv::Mat bg_small, bg;
  cv::merge(colour, bg_small);
  cv::resize(bg_small, bg, bgr.size(), 0, 0, cv::INTER_LINEAR);
  return bg;
}

}  // namespace

RectifiedPage rectify(const cv::Mat& photo, const cv::Matx33d& photo_to_page,
                      double photo_px_per_mm, const SheetInfo& sheet, double px_per_mm) {
  RectifiedPage out;
  out.px_per_mm = px_per_mm;
  out.origin_mm = {sheet.frame.x - margin_mm, sheet.frame.y - margin_mm};
  const int width = static_cast<int>(std::ceil((sheet.frame.width + 2 * margin_mm) * px_per_mm));
  const int height = static_cast<int>(std::ceil((sheet.frame.height + 2 * margin_mm) * px_per_mm));

  // Halve a detailed photo (pyrDown: a fast, properly filtered 2x reduction) while it keeps at
  // least the target resolution: warpPerspective samples without averaging, and paper texture
  // and sensor noise would alias into coloured speckle.
  cv::Mat source = photo;
  cv::Matx33d h = photo_to_page;
  for (double ppmm = photo_px_per_mm; ppmm / 2 >= px_per_mm; ppmm /= 2) {
    cv::Mat half;
    cv::pyrDown(source, half);
    source = half;
    // pyrDown: pixel centre x in the half image is 2x + 0.5 in the larger one.
    h = h * cv::Matx33d(2, 0, 0.5, 0, 2, 0.5, 0, 0, 1);
  }
  const cv::Matx33d page_to_px(px_per_mm, 0, -out.origin_mm.x * px_per_mm - 0.5, 0, px_per_mm,
                               -out.origin_mm.y * px_per_mm - 0.5, 0, 0, 1);
  const cv::Matx33d m = page_to_px * h;
  cv::warpPerspective(source, out.bgr, m, cv::Size(width, height), cv::INTER_LINEAR,
                      cv::BORDER_CONSTANT, cv::Scalar(255, 255, 255));
  // What of the page the photo shows: the photo's outline mapped onto the page image.
  const auto cols = static_cast<float>(source.cols), rows = static_cast<float>(source.rows);
  std::vector<cv::Point2f> outline{
      {-0.5f, -0.5f}, {cols - 0.5f, -0.5f}, {cols - 0.5f, rows - 0.5f}, {-0.5f, rows - 0.5f}};
  std::vector<cv::Point2f> on_page;
  cv::perspectiveTransform(outline, on_page, cv::Mat(m));
  std::vector<cv::Point> polygon;
  for (const cv::Point2f& p : on_page) {
    // Far outside the page image only the direction matters; keep the numbers in int range.
    polygon.emplace_back(cvRound(std::clamp(p.x, -1e6f, 1e6f)),
                         cvRound(std::clamp(p.y, -1e6f, 1e6f)));
  }
  cv::Mat seen = cv::Mat::zeros(height, width, CV_8U);
  cv::fillConvexPoly(seen, polygon, cv::Scalar(255));

  out.drawable = cv::Mat::zeros(height, width, CV_8U);
  const double inset = (margin_mm + frame_inset_mm) * px_per_mm;
  const cv::Rect inner(static_cast<int>(std::ceil(inset)), static_cast<int>(std::ceil(inset)),
                       static_cast<int>((sheet.frame.width - 2 * frame_inset_mm) * px_per_mm),
                       static_cast<int>((sheet.frame.height - 2 * frame_inset_mm) * px_per_mm));
  out.drawable(inner & cv::Rect(0, 0, width, height)).setTo(255);
  const double frame_px = cv::countNonZero(out.drawable);
  out.drawable &= seen;
  out.frame_seen = frame_px > 0 ? cv::countNonZero(out.drawable) / frame_px : 0;

  // The light's colour first, from the paper the sheet keeps white: under a warm lamp all of
  // the paper is saturated orange and nothing would look like paper below.
  cv::Mat balanced;
  const SheetWhite white = measure_sheet_white(out.bgr, seen, px_per_mm, out.origin_mm, sheet);
  out.white_balanced = !white.white.empty();
  if (out.white_balanced) {
    out.paper_white = white.median;
    cv::Mat img_f;
    out.bgr.convertTo(img_f, CV_32FC3);
    cv::divide(img_f, cv::max(white.white, 1.0f), img_f, 245.0);
    img_f.convertTo(balanced, CV_8UC3);
  } else {
    balanced = out.bgr;
  }
  // Then how bright the light is: shadows, and what changes within the map.
  const cv::Mat bg = paper_background(balanced, out.drawable, px_per_mm, out.paper_share);
  cv::Mat img_f;
  balanced.convertTo(img_f, CV_32FC3);
  cv::Mat ratio;
  cv::divide(img_f, cv::max(bg, 1.0f), ratio, 245.0);
  ratio.convertTo(out.normalised, CV_8UC3);

  // The light on the paper as photographed: the band's white times what was left over.
  cv::Mat light = bg;
  if (!white.white.empty()) light = white.white.mul(bg, 1.0 / 245);
  cv::Mat bg_grey;
  cv::cvtColor(light, bg_grey, cv::COLOR_BGR2GRAY);
  double lo = 0, hi = 0;
  cv::minMaxLoc(bg_grey, &lo, &hi, nullptr, nullptr, out.drawable);
  out.lighting_ratio = lo > 1 ? hi / lo : 1;
  return out;
}

}  // namespace wijkatlas::sketch::photo
