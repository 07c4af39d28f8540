// The regions of a count grid (the spots of a session too large for the exact map): traced by
// GDAL's polygonizer from our labels, each region once, holes kept, areas adding up to the cells.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace geo = wijkatlas::geo;

namespace {

// A grid from rows of digits (n; N is n + 1), north row first, 2 m cells at RD (190000, 443000).
geo::CountGrid grid_of(const std::vector<std::string>& rows) {
  geo::CountGrid g;
  g.spec = {190000.0, 443000.0, 2.0, static_cast<std::int32_t>(rows.front().size()),
            static_cast<std::int32_t>(rows.size())};
  for (const auto& row : rows) {
    for (const char c : row) {
      g.n.push_back(static_cast<std::uint16_t>(c - '0'));
      g.N.push_back(static_cast<std::uint16_t>(c - '0' + 1));
    }
  }
  return g;
}

}  // namespace

TEST(GridRegions, EachConnectedPlaceOnceWithItsHighestCount) {
  // A ring of 2s around a 0 (one region with a hole), a 3 that only touches it at a corner
  // (its own region, as the exact map keeps corner-touching faces apart), a lone 5.
  const auto grid = grid_of({
      "2220000",
      "2020000",
      "2220005",
      "0003000",
  });
  auto regions = geo::grid_regions(grid, 2);
  ASSERT_EQ(regions.size(), 3u);
  EXPECT_EQ(regions[0].n, 2);
  EXPECT_EQ(regions[0].N, 3);
  ASSERT_EQ(regions[0].geometry.size(), 1u);
  EXPECT_EQ(regions[0].geometry[0].inners().size(), 1u) << "the 0 in the ring is a hole";
  EXPECT_DOUBLE_EQ(geo::area(regions[0].geometry), 8 * 4.0);
  EXPECT_EQ(regions[1].n, 5);  // first cell at row 2: north-west order
  EXPECT_EQ(regions[2].n, 3);
  EXPECT_EQ(regions[2].N, 4);
  // The lone 3 is the cell x in [190006, 190008], y in [442992, 442994].
  EXPECT_TRUE(boost::geometry::within(geo::Point{190007, 442993}, regions[2].geometry));
  for (const auto& r : regions) EXPECT_TRUE(boost::geometry::is_valid(r.geometry));
}

TEST(GridRegions, AreasAddUpToTheCellsAtOrAboveTheThreshold) {
  // Two regions joined by a U: union-find has to merge labels met from above and the left.
  const auto grid = grid_of({
      "3000300",
      "3000300",
      "3333300",
      "0000044",
  });
  for (int min_n = 1; min_n <= 5; ++min_n) {
    double cells = 0;
    for (const auto v : grid.n) cells += v >= min_n ? 4.0 : 0.0;
    double traced = 0;
    const auto regions = geo::grid_regions(grid, min_n);
    for (const auto& r : regions) traced += geo::area(r.geometry);
    EXPECT_DOUBLE_EQ(traced, cells) << "min_n " << min_n;
    if (min_n <= 3) {
      ASSERT_EQ(regions.size(), 2u) << "the U is one region, the 4s another";
      EXPECT_EQ(regions[0].n, 3);
      EXPECT_EQ(regions[1].n, 4);
    }
  }
  EXPECT_TRUE(geo::grid_regions(grid, 5).empty());
  EXPECT_THROW(geo::grid_regions(grid, 0), wijkatlas::usage_error);
}

TEST(GridCountRegions, EqualCountsTracedTogetherAndTheirAreasAddUp) {
  // Runs of equal n (and so N) become one polygon each; different counts side by side stay apart;
  // two 2s touching only at a corner are two polygons.
  const auto grid = grid_of({
      "1122000",
      "1122000",
      "0000200",
      "0000020",
  });
  const auto regions = geo::grid_count_regions(grid);
  ASSERT_EQ(regions.size(), 4u);
  double ones = 0, twos = 0;
  for (const auto& r : regions) {
    EXPECT_EQ(r.N, r.n + 1);
    EXPECT_TRUE(boost::geometry::is_valid(r.geometry));
    (r.n == 1 ? ones : twos) += geo::area(r.geometry);
  }
  EXPECT_DOUBLE_EQ(ones, 4 * 4.0);
  EXPECT_DOUBLE_EQ(twos, 6 * 4.0);
  const auto at_least_two = geo::grid_count_regions(grid, 2);
  EXPECT_EQ(at_least_two.size(), 3u);
  EXPECT_TRUE(geo::grid_count_regions(grid, 3).empty());
}

TEST(GridCountRegions, SameNWithDifferentNStaysApart) {
  // n = 1 everywhere, but N differs between the halves: "1 van 2" is not "1 van 5".
  auto grid = grid_of({"1111"});
  grid.N = {2, 2, 5, 5};
  const auto regions = geo::grid_count_regions(grid);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_NE(regions[0].N, regions[1].N);
  for (const auto& r : regions) EXPECT_DOUBLE_EQ(geo::area(r.geometry), 2 * 4.0);
}
