// The photo -> page homography against known corner positions, and the messages for missing
// markers.
#include <gtest/gtest.h>

#include "homography.hpp"
#include "synthetic_sheet.hpp"

namespace wijkatlas::test {
namespace {

using namespace sketch::photo;

// Markers as a camera with a known homography (page mm -> photo px) would see them.
std::vector<DetectedMarker> seen_through(const cv::Matx33d& page_to_photo,
                                         const sketch::SheetInfo& s,
                                         std::initializer_list<int> ids) {
  std::vector<DetectedMarker> out;
  for (const int id : ids) {
    DetectedMarker m;
    m.id = id;
    const auto page = marker_page_corners(s, id);
    for (std::size_t k = 0; k < 4; ++k) {
      const cv::Point2d p = apply(page_to_photo, page[k]);
      m.corners[k] = cv::Point2f(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    out.push_back(m);
  }
  return out;
}

// A strong perspective, turned upside down: page mm -> photo px.
const cv::Matx33d camera(-9.1, 0.8, 4100, -0.5, -8.7, 2900, 0.0002, -0.0003, 1);

TEST(PhotoHomography, RecoversKnownCornerPositions) {
  const auto s = a3_sheet();
  const auto markers = seen_through(camera, s, {0, 1, 2, 3, 4, 5, 6, 7});
  const PageHomography h = fit_page_homography(markers, s);
  EXPECT_EQ(h.corners_used, 32);
  EXPECT_LT(h.rms_mm, 0.01);
  // The frame's corners and centre go back to their page positions.
  for (const cv::Point2d page : {cv::Point2d(30, 30), cv::Point2d(330, 30), cv::Point2d(330, 230),
                                 cv::Point2d(30, 230), cv::Point2d(180, 130)}) {
    const cv::Point2d back = apply(h.photo_to_page, apply(camera, page));
    EXPECT_NEAR(back.x, page.x, 0.01);
    EXPECT_NEAR(back.y, page.y, 0.01);
  }
  EXPECT_GT(h.px_per_mm, 7);
  EXPECT_LT(h.px_per_mm, 11);
}

TEST(PhotoHomography, OneWrongMarkerIsOutvoted) {
  const auto s = a3_sheet();
  auto markers = seen_through(camera, s, {0, 1, 2, 3, 4, 5, 6, 7});
  for (auto& c : markers[5].corners) c += cv::Point2f(60, -40);  // drawn over, detected off
  const PageHomography h = fit_page_homography(markers, s);
  EXPECT_EQ(h.corners_used, 28);
  EXPECT_LT(h.rms_mm, 0.01);
  const cv::Point2d back = apply(h.photo_to_page, apply(camera, cv::Point2d(180, 130)));
  EXPECT_NEAR(back.x, 180, 0.01);
}

TEST(PhotoHomography, FourMarkersAreEnoughThreeAreNot) {
  const auto s = a3_sheet();
  EXPECT_EQ(fit_page_homography(seen_through(camera, s, {0, 2, 4, 6}), s).corners_used, 16);
  EXPECT_EQ(fit_page_homography(seen_through(camera, s, {0, 1, 7}), s).corners_used, 0);
}

TEST(PhotoHomography, MissingMarkersAreNamedAsPartsOfTheSheet) {
  const auto s = a3_sheet();
  const auto named = [&](std::initializer_list<int> found) {
    return missing_parts(seen_through(camera, s, found));
  };
  EXPECT_EQ(named({0, 1, 2, 3, 5, 6, 7}), "the lower-right corner");
  EXPECT_EQ(named({0, 1, 2, 6, 7}), "the lower-right corner");
  EXPECT_EQ(named({0, 1, 2, 3, 4, 5, 6}), "the middle of the left edge");
  EXPECT_EQ(named({0, 1, 7}), "the right and bottom sides");
  EXPECT_EQ(named({4, 5, 6, 7, 0}), "the upper-right corner");
  EXPECT_EQ(named({1, 2, 3, 4, 5, 6, 7}), "the upper-left corner");
  EXPECT_EQ(named({0, 4}), "the upper-right corner and the lower-left corner");
}

}  // namespace
}  // namespace wijkatlas::test
