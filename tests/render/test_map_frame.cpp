#include <gtest/gtest.h>

#include <boost/geometry/algorithms/covered_by.hpp>

#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map_frame.hpp"

namespace wijkatlas::render {
namespace {

// Near Presikhaaf, Arnhem-Oost, in RD New metres.
const geo::Point arnhem_oost{193'000, 444'000};
const RectMm a4_landscape_content{10, 10, 277, 190};

TEST(MapFrame, FiveHundredMetresAtOneTo2500AreTwoHundredMillimetres) {
  const MapFrame frame = MapFrame::at_scale(arnhem_oost, 2'500, a4_landscape_content);
  const PaperPoint west = frame.to_paper({arnhem_oost.x() - 250, arnhem_oost.y()});
  const PaperPoint east = frame.to_paper({arnhem_oost.x() + 250, arnhem_oost.y()});
  EXPECT_NEAR(east.x_mm - west.x_mm, 200.0, 1e-9);
  EXPECT_NEAR(east.y_mm, west.y_mm, 1e-9);
  EXPECT_DOUBLE_EQ(frame.mm_per_metre(), 0.4);
}

TEST(MapFrame, CentreLandsMidFrameAndNorthIsUp) {
  const MapFrame frame = MapFrame::at_scale(arnhem_oost, 10'000, a4_landscape_content);
  const PaperPoint centre = frame.to_paper(arnhem_oost);
  EXPECT_DOUBLE_EQ(centre.x_mm, 10 + 277 / 2.0);
  EXPECT_DOUBLE_EQ(centre.y_mm, 10 + 190 / 2.0);
  const PaperPoint north = frame.to_paper({arnhem_oost.x(), arnhem_oost.y() + 1000});
  EXPECT_NEAR(north.y_mm, centre.y_mm - 100, 1e-9);  // 1 km = 100 mm at 1:10,000, upwards
}

TEST(MapFrame, PaperAndWorldRoundTrip) {
  const MapFrame frame = MapFrame::at_scale(arnhem_oost, 5'000, a4_landscape_content);
  for (const geo::Point p : {geo::Point{192'123.4, 443'210.9}, geo::Point{194'500, 445'100}}) {
    const geo::Point back = frame.to_world(frame.to_paper(p));
    EXPECT_NEAR(back.x(), p.x(), 1e-6);
    EXPECT_NEAR(back.y(), p.y(), 1e-6);
  }
  const geo::Box extent = frame.world_extent();
  EXPECT_NEAR(extent.max_corner().x() - extent.min_corner().x(), 277 * 5.0, 1e-6);
  EXPECT_NEAR(extent.max_corner().y() - extent.min_corner().y(), 190 * 5.0, 1e-6);
}

TEST(MapFrame, ScalesOutsideTheLimitsAreRefused) {
  EXPECT_THROW(MapFrame::at_scale(arnhem_oost, 500, a4_landscape_content), render_error);
  EXPECT_THROW(MapFrame::at_scale(arnhem_oost, 50'000, a4_landscape_content), render_error);
  EXPECT_NO_THROW(MapFrame::at_scale(arnhem_oost, 25'000, a4_landscape_content));
  EXPECT_NO_THROW(MapFrame::at_scale(arnhem_oost, 250'000, {0, 0, 40, 40}, {10'000, 500'000}));
  EXPECT_THROW(MapFrame::at_scale(arnhem_oost, 2'500, {0, 0, 0, 10}), render_error);
}

// Data-driven: asked denominator -> round denominator (series 1, 2, 2.5, 5).
struct RoundCase {
  double asked;
  double expected;
};
class RoundScale : public ::testing::TestWithParam<RoundCase> {};
TEST_P(RoundScale, PicksTheNextStepOfTheSeries) {
  EXPECT_DOUBLE_EQ(round_scale_at_least(GetParam().asked), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Series, RoundScale,
                         ::testing::Values(RoundCase{1'000, 1'000}, RoundCase{1'000.5, 2'000},
                                           RoundCase{2'100, 2'500}, RoundCase{2'500.0000001, 2'500},
                                           RoundCase{2'600, 5'000}, RoundCase{7'490.6, 10'000},
                                           RoundCase{12'000, 20'000}, RoundCase{24'000, 25'000},
                                           RoundCase{30'000, 50'000}, RoundCase{0.3, 0.5}));

TEST(RoundScale, RejectsNonsense) {
  EXPECT_THROW(round_scale_at_least(0), render_error);
  EXPECT_THROW(round_scale_at_least(-5), render_error);
}

TEST(MapFrame, FitPicksTheMostDetailedRoundScaleThatShowsTheWholeArea) {
  // 2,000 x 1,000 m in 267 x 180 mm (after 5 mm margins) needs 1:7,491 -> 1:10,000.
  const geo::Box area{{192'000, 443'500}, {194'000, 444'500}};
  const MapFrame frame = MapFrame::fit(area, a4_landscape_content, 5);
  EXPECT_DOUBLE_EQ(frame.scale_denominator(), 10'000);
  EXPECT_TRUE(boost::geometry::covered_by(area, frame.world_extent()));
  EXPECT_NEAR(frame.centre().x(), 193'000, 1e-9);
  EXPECT_NEAR(frame.centre().y(), 444'000, 1e-9);
  // The area's corners are inside the frame less its margin.
  const PaperPoint top_left = frame.to_paper({192'000, 444'500});
  EXPECT_GE(top_left.x_mm, 10 + 5);
  EXPECT_GE(top_left.y_mm, 10 + 5);
}

TEST(MapFrame, FitKeepsAnExactFitOnItsStep) {
  // 500 m in 200 mm is exactly 1:2,500.
  const MapFrame frame = MapFrame::fit({{0, 0}, {500, 100}}, {0, 0, 210, 297}, 5);
  EXPECT_DOUBLE_EQ(frame.scale_denominator(), 2'500);
}

TEST(MapFrame, FitOfATinyAreaStopsAtTheLargestScale) {
  const MapFrame frame =
      MapFrame::fit({{193'000, 444'000}, {193'010, 444'010}}, a4_landscape_content);
  EXPECT_DOUBLE_EQ(frame.scale_denominator(), 1'000);
  const MapFrame point = MapFrame::fit({arnhem_oost, arnhem_oost}, a4_landscape_content);
  EXPECT_DOUBLE_EQ(point.scale_denominator(), 1'000);
}

TEST(MapFrame, FitOfAnAreaTooLargeForThePaperSaysSo) {
  // All of Arnhem (~15 km) on A4 would need 1:100,000.
  try {
    MapFrame::fit({{183'000, 436'000}, {198'000, 451'000}}, a4_landscape_content);
    FAIL() << "no exception";
  } catch (const render_error& e) {
    EXPECT_NE(std::string(e.what()).find("1:25000"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wijkatlas::render
