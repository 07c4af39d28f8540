#include <gtest/gtest.h>

#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/scale_bar.hpp"

namespace wijkatlas::render {
namespace {

struct BarCase {
  double scale;
  double max_mm;
  double expected_m;
  int expected_segments;
  std::vector<std::string> expected_ticks;
};

class ScaleBars : public ::testing::TestWithParam<BarCase> {};

TEST_P(ScaleBars, LongestRoundLengthThatFits) {
  const BarCase& c = GetParam();
  const ScaleBar bar = choose_scale_bar(c.scale, c.max_mm);
  EXPECT_DOUBLE_EQ(bar.length_m, c.expected_m);
  EXPECT_DOUBLE_EQ(bar.length_mm, c.expected_m * 1000 / c.scale);
  EXPECT_LE(bar.length_mm, c.max_mm + 1e-9);
  EXPECT_EQ(bar.segments, c.expected_segments);
  EXPECT_EQ(bar.tick_labels, c.expected_ticks);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ScaleBars,
    ::testing::Values(
        // 1:2,500, 60 mm -> at most 150 m -> 100 m (40 mm).
        BarCase{2'500, 60, 100, 5, {"0", "20", "40", "60", "80", "100 m"}},
        // 1:10,000, 60 mm -> 600 m -> 500 m.
        BarCase{10'000, 60, 500, 5, {"0", "100", "200", "300", "400", "500 m"}},
        // 1:25,000, 100 mm -> 2,500 m -> 2 km.
        BarCase{25'000, 100, 2'000, 4, {"0", "0,5", "1", "1,5", "2 km"}},
        // 1:20,000, 50 mm -> exactly 1 km fits.
        BarCase{20'000, 50, 1'000, 5, {"0", "0,2", "0,4", "0,6", "0,8", "1 km"}},
        // 1:1,000, 30 mm -> 30 m -> 20 m.
        BarCase{1'000, 30, 20, 4, {"0", "5", "10", "15", "20 m"}}),
    // Readable test names: "scale_2500_max_60mm".
    [](const ::testing::TestParamInfo<BarCase>& case_info) {
      return "scale_" + std::to_string(static_cast<int>(case_info.param.scale)) + "_max_" +
             std::to_string(static_cast<int>(case_info.param.max_mm)) + "mm";
    });

TEST(ScaleBar, RejectsNonsense) {
  EXPECT_THROW(choose_scale_bar(0, 50), render_error);
  EXPECT_THROW(choose_scale_bar(2'500, -1), render_error);
}

}  // namespace
}  // namespace wijkatlas::render
