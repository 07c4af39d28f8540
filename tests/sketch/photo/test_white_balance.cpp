// The light's colour measured on the white band between the map frame and the markers: followed
// across the sheet when a lamp and a window light it from two sides, and not fooled by ink
// drawn over the band.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "synthetic_sheet.hpp"
#include "white_balance.hpp"

namespace wijkatlas::test {
namespace {

constexpr double ppmm = 4;
constexpr double margin_mm = 3;  // as the rectified page image has it

struct PageImage {
  sketch::SheetInfo sheet = a3_sheet();
  cv::Point2d origin{sheet.frame.x - margin_mm, sheet.frame.y - margin_mm};
  cv::Mat image;
  cv::Mat seen;

  // Paper lit by `left` on the frame's left edge turning into `right` on its right edge, with
  // a grey frame line and some grey map inside.
  PageImage(cv::Vec3d left, cv::Vec3d right) {
    const int w = static_cast<int>(std::ceil((sheet.frame.width + 2 * margin_mm) * ppmm));
    const int h = static_cast<int>(std::ceil((sheet.frame.height + 2 * margin_mm) * ppmm));
    cv::Mat page(h, w, CV_8UC3, cv::Scalar::all(255));
    cv::rectangle(
        page,
        cv::Rect(px(sheet.frame.x, sheet.frame.y),
                 px(sheet.frame.x + sheet.frame.width, sheet.frame.y + sheet.frame.height)),
        cv::Scalar::all(60), 2);
    cv::rectangle(page, cv::Rect(px(80, 80), px(200, 150)), cv::Scalar::all(200), cv::FILLED);
    image = cv::Mat(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const double t = std::clamp((x / ppmm - margin_mm) / sheet.frame.width, 0.0, 1.0);
        const cv::Vec3d light = left * (1 - t) + right * t;
        const cv::Vec3b p = page.at<cv::Vec3b>(y, x);
        for (int c = 0; c < 3; ++c)
          image.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<unsigned char>(p[c] * light[c]);
      }
    }
    seen = cv::Mat(h, w, CV_8U, cv::Scalar(255));
  }

  cv::Point px(double x_mm, double y_mm) const {
    return {cvRound((x_mm - origin.x) * ppmm), cvRound((y_mm - origin.y) * ppmm)};
  }
  sketch::photo::SheetWhite measure() const {
    return sketch::photo::measure_sheet_white(image, seen, ppmm, origin, sheet);
  }
};

// The light's colour, scaled to a brightest channel of 255.
void expect_white_near(const sketch::photo::SheetWhite& w, cv::Point at, cv::Vec3d light,
                       double tolerance) {
  const cv::Vec3f got = w.white.at<cv::Vec3f>(at);
  const double brightest = std::max({light[0], light[1], light[2]});
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(got[c], 255 * light[c] / brightest, 255 * tolerance)
        << "channel " << c << " at " << at;
  }
}

const cv::Vec3d warm_lamp(0.5, 0.78, 1.0), window(1.0, 0.86, 0.72);

TEST(SheetWhite, UniformWarmLightIsMeasured) {
  const PageImage p(warm_lamp, warm_lamp);
  const auto w = p.measure();
  ASSERT_FALSE(w.white.empty());
  EXPECT_DOUBLE_EQ(w.band_seen, 1.0);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(w.median[c], 255 * warm_lamp[c], 2);
  expect_white_near(w, p.px(180, 130), warm_lamp, 0.02);
}

TEST(SheetWhite, MixedLightIsFollowedAcrossTheSheet) {
  const PageImage p(warm_lamp, window);
  const auto w = p.measure();
  ASSERT_FALSE(w.white.empty());
  const double y = p.sheet.frame.y + p.sheet.frame.height / 2;
  // Near either side the light of that side; one colour for the whole sheet would miss both.
  expect_white_near(w, p.px(p.sheet.frame.x + 15, y), warm_lamp * 0.95 + window * 0.05, 0.06);
  expect_white_near(w, p.px(p.sheet.frame.x + p.sheet.frame.width - 15, y),
                    warm_lamp * 0.05 + window * 0.95, 0.06);
  expect_white_near(w, p.px(p.sheet.frame.x + p.sheet.frame.width / 2, y),
                    (warm_lamp + window) * 0.5, 0.06);
}

TEST(SheetWhite, InkDrawnOverTheBandIsNotTakenForPaper) {
  PageImage p(warm_lamp, warm_lamp);
  // A red area coloured in over the top edge of the frame, and black writing over the left edge.
  const auto& f = p.sheet.frame;
  cv::rectangle(p.image, cv::Rect(p.px(f.x + 100, f.y - 5), p.px(f.x + 140, f.y + 10)),
                cv::Scalar(20, 20, 200), cv::FILLED);
  cv::line(p.image, p.px(f.x - 4, f.y + 50), p.px(f.x + 4, f.y + 120), cv::Scalar(10, 10, 10), 3);
  const auto w = p.measure();
  ASSERT_FALSE(w.white.empty());
  EXPECT_LT(w.band_seen, 1.0);
  expect_white_near(w, p.px(f.x + 120, f.y + 5), warm_lamp, 0.03);
  expect_white_near(w, p.px(f.x + 5, f.y + 85), warm_lamp, 0.03);
}

TEST(SheetWhite, NothingMeasuredWhereThePhotoShowsNoBand) {
  PageImage p(warm_lamp, warm_lamp);
  p.seen.setTo(0);
  EXPECT_TRUE(p.measure().white.empty());
}

}  // namespace
}  // namespace wijkatlas::test
