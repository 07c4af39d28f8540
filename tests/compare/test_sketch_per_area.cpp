// Figures per area on synthetic sketches, against a table computed by hand (in the comments).
#include <gtest/gtest.h>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/geo/sketch_per_area.hpp"

namespace wijkatlas::geo {
namespace {

MultiPolygon box(double x0, double y0, double x1, double y1) {
  Polygon p;
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

PerAreaOptions with_k(std::size_t k) {
  PerAreaOptions options;
  options.min_sheets = k;
  return options;
}

// Buurt A = [0,100]x[0,100] (2,000 inhabitants), B = [100,200]x[0,100] (500). Every sheet
// showed both (coverage [0,200]x[0,100]).
//   s1: [10,30]x[10,30] in A (400 m2) and [150,160]x[10,20] in B (100)
//   s2: [20,40]x[20,40] in A (400; overlaps s1 by 100)
//   s3: [60,70]x[60,70] and [65,75]x[60,70]: overlaps itself, dissolves to 150 m2 in A
//   s4: [90,110]x[50,60] across the border: 100 in A, 100 in B
//   s5: [100,120]x[80,90]: touches A along x = 100 only, 200 in B
// A: sheets s1..s4 = 4; marked = 700 (s1 u s2) + 150 + 100 = 950 m2 = 9.5 %; 3 spots;
//    4 / 2,000 x 1,000 = 2 per 1,000.
// B: sheets s1, s4, s5 = 3; marked = 100 + 100 + 200 = 400 m2 = 4 %; 3 spots (s4 and s5 do
//    not touch); 3 / 500 x 1,000 = 6 per 1,000.
struct Fixture {
  std::vector<DissolvedSheet> sheets;
  std::vector<SketchArea> areas;
  Fixture() {
    const MultiPolygon coverage = box(0, 0, 200, 100);
    const std::vector<std::pair<std::string, std::vector<MultiPolygon>>> marks{
        {"s1", {box(10, 10, 30, 30), box(150, 10, 160, 20)}},
        {"s2", {box(20, 20, 40, 40)}},
        {"s3", {box(60, 60, 70, 70), box(65, 60, 75, 70)}},
        {"s4", {box(90, 50, 110, 60)}},
        {"s5", {box(100, 80, 120, 90)}}};
    std::vector<SketchSheet> input;
    for (const auto& [id, polygons] : marks) {
      SketchSheet s{id, coverage, {}};
      for (const auto& p : polygons) s.marks.emplace_back(p);
      input.push_back(std::move(s));
    }
    CollectingReporter reporter;
    sheets = dissolve_sheets(input, OverlapOptions{}, reporter);
    areas = {{"BU01", "A", box(0, 0, 100, 100), 2000.0},
             {"BU02", "B", box(100, 0, 200, 100), 500.0}};
  }
};

TEST(SketchPerArea, MatchesTheHandComputedTable) {
  const Fixture f;
  const auto stats = sketch_per_area(f.sheets, f.areas, with_k(3));
  ASSERT_EQ(stats.size(), 2u);
  const SketchAreaStats& a = stats[0];
  EXPECT_EQ(a.code, "BU01");
  EXPECT_EQ(a.sheets_marked, 4u);
  EXPECT_EQ(a.sheets_covering, 5u);
  EXPECT_NEAR(a.area_m2, 10000.0, 1e-6);
  EXPECT_NEAR(a.marked_m2, 950.0, 1e-6);
  EXPECT_NEAR(a.marked_share, 0.095, 1e-9);
  EXPECT_EQ(a.spots, 3u);
  ASSERT_TRUE(a.per_1000);
  EXPECT_NEAR(*a.per_1000, 2.0, 1e-12);
  EXPECT_FALSE(a.suppressed);

  const SketchAreaStats& b = stats[1];
  EXPECT_EQ(b.sheets_marked, 3u);
  EXPECT_EQ(b.sheets_covering, 5u);
  EXPECT_NEAR(b.marked_m2, 400.0, 1e-6);
  EXPECT_NEAR(b.marked_share, 0.04, 1e-9);
  EXPECT_EQ(b.spots, 3u);
  EXPECT_NEAR(*b.per_1000, 6.0, 1e-12);
  EXPECT_FALSE(b.suppressed);
}

TEST(SketchPerArea, SuppressionHidesExactlyTheAreasUnderK) {
  const Fixture f;
  // A has 4 sheets, B 3.
  const std::vector<std::pair<std::size_t, std::pair<bool, bool>>> cases{
      {1, {false, false}}, {3, {false, false}}, {4, {false, true}}, {5, {true, true}}};
  for (const auto& [k, expected] : cases) {
    const auto stats = sketch_per_area(f.sheets, f.areas, with_k(k));
    EXPECT_EQ(stats[0].suppressed, expected.first) << "k = " << k;
    EXPECT_EQ(stats[1].suppressed, expected.second) << "k = " << k;
  }
}

TEST(SketchPerArea, AreaWithoutInhabitantsOrMarks) {
  const Fixture f;
  const std::vector<SketchArea> areas{{"BU03", "C", box(500, 500, 600, 600), std::nullopt}};
  const auto stats = sketch_per_area(f.sheets, areas, with_k(1));
  EXPECT_EQ(stats[0].sheets_marked, 0u);
  EXPECT_EQ(stats[0].sheets_covering, 0u);
  EXPECT_EQ(stats[0].spots, 0u);
  EXPECT_FALSE(stats[0].per_1000);
  EXPECT_TRUE(stats[0].suppressed);
  EXPECT_THROW(sketch_per_area(f.sheets, areas, with_k(0)), usage_error);
}

}  // namespace
}  // namespace wijkatlas::geo
