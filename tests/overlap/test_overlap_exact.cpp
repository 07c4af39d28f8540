// The exact overlap map on synthetic sheets with known answers (issue 5).
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <cmath>
#include <numbers>

#include "overlap_test_util.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace geo = wijkatlas::geo;
namespace bg = boost::geometry;
using wijkatlas::test::area_at_least;
using wijkatlas::test::area_by_count;
using wijkatlas::test::rect;
using wijkatlas::test::sheet;

namespace {

geo::OverlapMap overlap(const std::vector<geo::SketchSheet>& sheets,
                        geo::OverlapOptions options = {}) {
  geo::CollectingReporter reporter;
  const auto dissolved = geo::dissolve_sheets(sheets, options, reporter);
  return geo::overlap_exact(dissolved, options, reporter);
}

const geo::MultiPolygon big = rect(-100, -100, 100, 100);

TEST(OverlapExact, SheetOverlappingItselfCountsOnce) {
  // Sheet A drew two overlapping squares (union 150 m²); sheet B one square on the first.
  const auto map = overlap({sheet("A", big, {rect(0, 0, 10, 10), rect(5, 0, 15, 10)}),
                            sheet("B", big, {rect(0, 0, 10, 10)})});
  const auto areas = area_by_count(map);
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_NEAR((areas.at({2, 2})), 100.0, 1e-9);
  EXPECT_NEAR((areas.at({1, 2})), 50.0, 1e-9);
  for (const auto& f : map.faces) EXPECT_LE(f.n, 2);
}

TEST(OverlapExact, SheetsWithDifferentCoverageGiveTheRightN) {
  // A and C show x < 50; B only shows x >= 5, so B's square is cut to x in [5, 10].
  const auto map = overlap({sheet("A", rect(-50, -50, 50, 50), {rect(0, 0, 10, 10)}),
                            sheet("B", rect(5, -50, 100, 50), {rect(0, 0, 10, 10)}),
                            sheet("C", rect(-50, -50, 50, 50), {})});
  const auto areas = area_by_count(map);
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_NEAR((areas.at({1, 2})), 50.0, 1e-9);  // x in [0, 5]: A marked, A and C showed it
  EXPECT_NEAR((areas.at({2, 3})), 50.0, 1e-9);  // x in [5, 10]: A and B marked, all showed it
}

TEST(OverlapExact, InkOutsideTheSheetIsDroppedWithAWarning) {
  geo::CollectingReporter reporter;
  const std::vector<geo::SketchSheet> sheets{sheet("A", rect(0, 0, 10, 10), {rect(5, 0, 15, 10)})};
  const auto dissolved = geo::dissolve_sheets(sheets, {}, reporter);
  EXPECT_NEAR(geo::area(dissolved[0].marked), 50.0, 1e-9);
  EXPECT_TRUE(reporter.has_warning_containing("sheet A"));
  EXPECT_TRUE(reporter.has_warning_containing("outside"));
}

TEST(OverlapExact, TouchingPolygonsMakeNoOverlap) {
  // Two sheets' squares share an edge and a corner square touches only at a point.
  const auto map =
      overlap({sheet("A", big, {rect(0, 0, 10, 10)}), sheet("B", big, {rect(10, 0, 20, 10)}),
               sheet("C", big, {rect(20, 10, 30, 20)})});
  EXPECT_DOUBLE_EQ(area_at_least(map, 2), 0.0);
  EXPECT_NEAR(area_at_least(map, 1), 300.0, 1e-9);
  for (const auto& f : map.faces) EXPECT_EQ(f.n, 1);
}

TEST(OverlapExact, SelfCrossingPolygonIsRepairedWithAWarning) {
  geo::CollectingReporter reporter;
  // A bow tie: two triangles of 25 m² that meet at (5 5).
  const std::vector<geo::SketchSheet> sheets{sheet(
      "S7", big, {wijkatlas::test::wkt_polygons("MULTIPOLYGON(((0 0,10 10,10 0,0 10,0 0)))")})};
  const auto dissolved = geo::dissolve_sheets(sheets, {}, reporter);
  ASSERT_EQ(reporter.warnings.size(), 1u);
  EXPECT_TRUE(reporter.has_warning_containing("sheet S7, mark 1"));
  EXPECT_TRUE(reporter.has_warning_containing("repaired"));
  const auto map = geo::overlap_exact(dissolved, {}, reporter);
  EXPECT_NEAR(area_at_least(map, 1), 50.0, 1e-9);
}

TEST(OverlapExact, LinesAndPointsCountWithTheirBuffers) {
  geo::OverlapOptions options;
  options.line_buffer_m = 10;
  options.point_buffer_m = 15;
  geo::MultiLineString line{{{0, 0}, {80, 0}}};  // caps stay inside the coverage
  const auto map =
      overlap({sheet("A", big, {line}), sheet("B", big, {geo::Point(50, 0)})}, options);
  // The corridor: 80 x 20 plus two round caps; the disc lies inside it (radius 15 > 10, so
  // not quite): compare with GEOS' own buffers rather than with pi.
  const double corridor = geo::area(geo::buffer(line, 10));
  const double disc = geo::area(geo::buffer(geo::Point(50, 0), 15));
  EXPECT_NEAR(area_at_least(map, 1) + area_at_least(map, 2), corridor + disc, 1e-6);
  EXPECT_GT(area_at_least(map, 2), 0.8 * 30 * 20);
}

TEST(OverlapExact, IslandInAHoleAndAPartlyOverlappingSheet) {
  // A: a 30 m square with a 10 m hole; B: a 6 m square alone inside the hole (an island that
  // touches nothing); C: a square over A's right edge. Every sheet shows everything (N = 3).
  geo::MultiPolygon ring = rect(0, 0, 30, 30);
  ring[0].inners().push_back({{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}});
  const auto map = overlap({sheet("A", big, {ring}), sheet("B", big, {rect(12, 12, 18, 18)}),
                            sheet("C", big, {rect(25, 0, 35, 10)})});
  EXPECT_EQ(map.tiles_through_geos, 0u);
  const auto areas = area_by_count(map);
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_NEAR((areas.at({1, 3})), 750.0 + 36.0 + 50.0, 1e-9);
  EXPECT_NEAR((areas.at({2, 3})), 50.0, 1e-9);
  for (const auto& f : map.faces) {
    EXPECT_NEAR(f.area, bg::area(f.geometry), 1e-9);
    EXPECT_TRUE(bg::is_valid(f.geometry));
  }
}

TEST(OverlapExact, SquaresTouchingAtACornerUnderAThirdSheet) {
  // A's two squares meet at (10 10); B covers that corner: two lobes of n = 2 meet there.
  const auto map = overlap({sheet("A", big, {rect(0, 0, 10, 10), rect(10, 10, 20, 20)}),
                            sheet("B", big, {rect(5, 5, 15, 15)})});
  const auto areas = area_by_count(map);
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_NEAR((areas.at({2, 2})), 50.0, 1e-9);
  EXPECT_NEAR((areas.at({1, 2})), 200.0, 1e-9);
  for (const auto& f : map.faces) EXPECT_TRUE(bg::is_valid(f.geometry));
}

// A few irregular, overlapping blobs: every identity the map must satisfy.
std::vector<geo::SketchSheet> blobs() {
  std::vector<geo::SketchSheet> out;
  for (int s = 0; s < 7; ++s) {
    auto& sh = out.emplace_back();
    sh.id = "B" + std::to_string(s);
    sh.coverage = rect(-200 + 15 * s, -200, 200, 200);
    for (int m = 0; m < 3; ++m) {
      geo::Polygon p;
      const double cx = 20.0 * std::cos(s * 1.3 + m), cy = 20.0 * std::sin(s * 0.7 + 2 * m);
      const double r = 25 + 5 * ((s + m) % 4);
      for (int i = 0; i < 37; ++i) {
        const double t = 2 * std::numbers::pi * i / 37;
        const double rr = r * (1 + 0.2 * std::cos(3 * t + s) + 0.1 * std::sin(5 * t + m));
        p.outer().emplace_back(cx + rr * std::cos(t), cy + rr * std::sin(t));
      }
      p.outer().push_back(p.outer().front());
      sh.marks.emplace_back(geo::MultiPolygon{p});
    }
  }
  return out;
}

TEST(OverlapExact, AreasAddUp) {
  geo::CollectingReporter reporter;
  const auto sheets = blobs();
  const auto dissolved = geo::dissolve_sheets(sheets, {}, reporter);
  const auto map = geo::overlap_exact(dissolved, {}, reporter);
  EXPECT_TRUE(reporter.warnings.empty());
  EXPECT_EQ(map.tiles_through_geos, 0u);  // our own noding was exact on every tile

  // Sum of n x area = sum of the sheets' own (dissolved) areas.
  double weighted = 0, sheet_total = 0;
  for (const auto& f : map.faces) weighted += f.n * f.area;
  for (const auto& d : dissolved) sheet_total += geo::area(d.marked);
  EXPECT_NEAR(weighted, sheet_total, 1e-9 * sheet_total);

  // Faces with n >= 1 cover the union; faces with n >= k cover the area that k sheets marked,
  // computed independently as the union of all k-wise intersections (small k).
  std::vector<const geo::MultiPolygon*> all;
  for (const auto& d : dissolved) all.push_back(&d.marked);
  EXPECT_NEAR(area_at_least(map, 1), geo::area(geo::union_polygons(all)), 1e-6);
  std::vector<geo::MultiPolygon> pairs;
  for (std::size_t i = 0; i < dissolved.size(); ++i) {
    for (std::size_t j = i + 1; j < dissolved.size(); ++j) {
      pairs.push_back(geo::intersection(dissolved[i].marked, dissolved[j].marked));
    }
  }
  std::vector<const geo::MultiPolygon*> pair_ptrs;
  for (const auto& p : pairs) pair_ptrs.push_back(&p);
  EXPECT_NEAR(area_at_least(map, 2), geo::area(geo::union_polygons(pair_ptrs)), 1e-6);

  // Faces are disjoint and n never exceeds N.
  for (std::size_t i = 0; i < map.faces.size(); ++i) {
    EXPECT_LE(map.faces[i].n, map.faces[i].N);
    EXPECT_NEAR(map.faces[i].area, bg::area(map.faces[i].geometry), 1e-6);
  }
}

TEST(OverlapExact, TilingDoesNotChangeTheAnswer) {
  geo::CollectingReporter reporter;
  const auto dissolved = geo::dissolve_sheets(blobs(), {}, reporter);
  geo::OverlapOptions one_tile, small_tiles, merged;
  one_tile.tile_size_m = 1024;
  small_tiles.tile_size_m = 8;
  merged.tile_size_m = 8;
  merged.merge_equal_faces = true;
  const auto reference = area_by_count(geo::overlap_exact(dissolved, one_tile, reporter));
  for (const auto& options : {small_tiles, merged}) {
    const auto map = geo::overlap_exact(dissolved, options, reporter);
    const auto areas = area_by_count(map);
    ASSERT_EQ(areas.size(), reference.size());
    for (const auto& [key, a] : reference) EXPECT_NEAR(areas.at(key), a, 1e-6);
  }
  const auto tiled = geo::overlap_exact(dissolved, small_tiles, reporter);
  const auto whole = geo::overlap_exact(dissolved, merged, reporter);
  EXPECT_GT(tiled.tiles, 100u);
  EXPECT_LT(whole.faces.size(), tiled.faces.size());  // pieces cut by tile edges joined again
}

TEST(OverlapExact, SnapRoundingKeepsAreasWithinTheGrid) {
  geo::CollectingReporter reporter;
  geo::OverlapOptions snapped;
  snapped.precision_m = 0.01;
  const auto dissolved = geo::dissolve_sheets(blobs(), snapped, reporter);
  const auto map = geo::overlap_exact(dissolved, snapped, reporter);
  double weighted = 0, sheet_total = 0;
  for (const auto& f : map.faces) weighted += f.n * f.area;
  for (const auto& d : dissolved) sheet_total += geo::area(d.marked);
  EXPECT_NEAR(weighted, sheet_total, 1e-5 * sheet_total);
}

TEST(OverlapExact, NoSheetsGiveAnEmptyMap) {
  geo::CollectingReporter reporter;
  EXPECT_TRUE(geo::overlap_exact({}, {}, reporter).faces.empty());
  const auto dissolved =
      geo::dissolve_sheets(std::vector<geo::SketchSheet>{sheet("A", big, {})}, {}, reporter);
  EXPECT_TRUE(geo::overlap_exact(dissolved, {}, reporter).faces.empty());
}

TEST(OverlapMethod, DenseSetsSwitchToTheGrid) {
  geo::CollectingReporter reporter;
  const auto dissolved = geo::dissolve_sheets(blobs(), {}, reporter);
  const auto generous = geo::choose_overlap_method(dissolved);
  EXPECT_EQ(generous.method, geo::OverlapMethod::exact);
  EXPECT_EQ(generous.overlapping_pairs, 21u);  // 7 sheets, every pair overlaps
  EXPECT_EQ(geo::choose_overlap_method(dissolved, 10.0).method, geo::OverlapMethod::grid);
}

}  // namespace
