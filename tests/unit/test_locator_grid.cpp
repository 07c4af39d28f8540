// The cell grid of PolygonLocator: which points one lookup answers (cells wholly inside one
// polygon or outside all), which go to the exact test (edge cells), and that both give exactly
// what the boundary rule of docs/join.md gives when applied to every edge of every polygon.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/geometry.hpp>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <limits>
#include <random>

#include "test_support.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/locator.hpp"

namespace wijkatlas::geo {
namespace {

using Kind = PolygonLocator::CellKind;

// The boundary rule written out plainly, edge by edge over whole polygons (no bands, no grid):
// the lowest polygon whose bounding box holds p and that p is inside of by the half-open
// crossing test; else the lowest one p lies on within 1 µm.
struct ReferenceEdge {
  double x0, y0, x1, y1;
};

std::vector<ReferenceEdge> edges_of(const MultiPolygon& mp) {
  std::vector<ReferenceEdge> edges;
  auto ring_edges = [&](const auto& ring) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      const Point a = ring[i], b = ring[i + 1];
      if (a.x() == b.x() && a.y() == b.y()) continue;
      const bool a_first = a.y() < b.y() || (a.y() == b.y() && a.x() < b.x());
      const Point lo = a_first ? a : b, hi = a_first ? b : a;
      edges.push_back({lo.x(), lo.y(), hi.x(), hi.y()});
    }
  };
  for (const auto& polygon : mp) {
    ring_edges(polygon.outer());
    for (const auto& inner : polygon.inners()) ring_edges(inner);
  }
  return edges;
}

class Reference {
 public:
  explicit Reference(const std::vector<MultiPolygon>& polygons) {
    for (const auto& mp : polygons) {
      edges_.push_back(edges_of(mp));
      boxes_.push_back(mp.empty() ? Box(Point(1, 1), Point(0, 0)) : envelope(Geometry(mp)));
    }
  }

  std::int32_t owner(const Point& p) const {
    const double px = p.x(), py = p.y();
    std::int32_t touched = -1;
    for (std::size_t k = 0; k < edges_.size(); ++k) {
      const Box& b = boxes_[k];
      if (!(px >= b.min_corner().x() && px <= b.max_corner().x() && py >= b.min_corner().y() &&
            py <= b.max_corner().y())) {
        continue;
      }
      bool inside = false, on = false;
      for (const auto& e : edges_[k]) {
        if (py >= e.y0 && py < e.y1) {
          inside ^= (e.x1 - e.x0) * (py - e.y0) - (px - e.x0) * (e.y1 - e.y0) > 0;
        }
        constexpr double t = 1e-6;
        if (py >= e.y0 - t && py <= e.y1 + t && px >= std::min(e.x0, e.x1) - t &&
            px <= std::max(e.x0, e.x1) + t) {
          const double dx = e.x1 - e.x0, dy = e.y1 - e.y0;
          on = on || std::abs(dx * (py - e.y0) - (px - e.x0) * dy) <= t * std::hypot(dx, dy);
        }
      }
      if (inside) return static_cast<std::int32_t>(k);
      if (on && touched < 0) touched = static_cast<std::int32_t>(k);
    }
    return touched;
  }

 private:
  std::vector<std::vector<ReferenceEdge>> edges_;
  std::vector<Box> boxes_;
};

std::vector<MultiPolygon> join_case_polygons() {
  CollectingReporter reporter;
  const Layer layer =
      read_layer(test::source_file("tests/fixtures/join_cases/polygons.csv"), {}, reporter);
  std::vector<MultiPolygon> polygons;
  for (const auto& f : layer.features) polygons.push_back(std::get<MultiPolygon>(f.geometry));
  return polygons;  // SW, SE, NW, NE, RING, ISLAND, T1, T2
}

// columns x rows jagged cells of 100 m tiling a rectangle: nodes are jittered and every side
// gets a jittered middle vertex computed from the side itself, so neighbours share vertices
// bit for bit, as CBS buurten do.
std::vector<MultiPolygon> jagged_tiling(int columns, int rows) {
  auto jitter = [](int i, int j, int salt) {
    std::uint64_t h = (static_cast<std::uint64_t>(i) * 73856093u) ^
                      (static_cast<std::uint64_t>(j) * 19349663u) ^
                      (static_cast<std::uint64_t>(salt) * 83492791u);
    h ^= h >> 13;
    h *= 0x9e3779b97f4a7c15ull;
    return static_cast<double>(h >> 40) / static_cast<double>(1 << 24) * 30 - 15;  // ±15 m
  };
  auto node = [&](int i, int j) {
    const bool border_x = i == 0 || i == columns, border_y = j == 0 || j == rows;
    return Point(190000 + 100.0 * i + (border_x ? 0 : jitter(i, j, 1)),
                 440000 + 100.0 * j + (border_y ? 0 : jitter(i, j, 2)));
  };
  auto middle = [&](Point a, Point b, int i, int j, int salt) {
    return Point((a.x() + b.x()) / 2 + jitter(i, j, salt),
                 (a.y() + b.y()) / 2 + jitter(i, j, salt + 1));
  };
  std::vector<MultiPolygon> polygons;
  for (int j = 0; j < rows; ++j) {
    for (int i = 0; i < columns; ++i) {
      const Point sw = node(i, j), se = node(i + 1, j), ne = node(i + 1, j + 1),
                  nw = node(i, j + 1);
      // Sides on the outer border stay straight (their middle is their midpoint).
      const Point s = j == 0 ? Point((sw.x() + se.x()) / 2, sw.y()) : middle(sw, se, i, j, 10);
      const Point e =
          i + 1 == columns ? Point(se.x(), (se.y() + ne.y()) / 2) : middle(se, ne, i + 1, j, 20);
      const Point n =
          j + 1 == rows ? Point((nw.x() + ne.x()) / 2, nw.y()) : middle(nw, ne, i, j + 1, 10);
      const Point w = i == 0 ? Point(sw.x(), (sw.y() + nw.y()) / 2) : middle(sw, nw, i, j, 20);
      Polygon polygon;
      polygon.outer() = {sw, s, se, e, ne, n, nw, w, sw};
      boost::geometry::correct(polygon);
      polygons.push_back(MultiPolygon{polygon});
    }
  }
  return polygons;
}

// Points that stress the rule: every vertex, every edge's middle, and points 1e-7 and 1e-3
// beside them (inside and outside the 1 µm tolerance), plus uniform points.
std::vector<Point> probe_points(const std::vector<MultiPolygon>& polygons, std::size_t uniform) {
  std::vector<Point> points;
  Box box = envelope(Geometry(polygons.front()));
  for (const auto& mp : polygons) boost::geometry::expand(box, envelope(Geometry(mp)));
  for (const auto& mp : polygons) {
    for (const auto& e : edges_of(mp)) {
      for (const Point p : {Point(e.x0, e.y0), Point((e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2)}) {
        points.push_back(p);
        for (const double d : {1e-7, 1e-3}) {
          points.insert(points.end(), {Point(p.x() + d, p.y()), Point(p.x() - d, p.y()),
                                       Point(p.x(), p.y() + d), Point(p.x(), p.y() - d)});
        }
      }
    }
  }
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> x(box.min_corner().x() - 50, box.max_corner().x() + 50);
  std::uniform_real_distribution<double> y(box.min_corner().y() - 50, box.max_corner().y() + 50);
  for (std::size_t i = 0; i < uniform; ++i) points.emplace_back(x(random), y(random));
  return points;
}

void expect_same_as_reference(const std::vector<MultiPolygon>& polygons,
                              const PolygonLocator& locator, const std::vector<Point>& points) {
  const Reference reference(polygons);
  std::size_t differ = 0;
  for (const Point& p : points) {
    const auto expected = reference.owner(p);
    if (locator.locate(p) != expected && ++differ <= 5) {
      ADD_FAILURE() << "point (" << std::setprecision(17) << p.x() << ", " << p.y() << "): grid "
                    << locator.locate(p) << ", rule " << expected;
    }
  }
  EXPECT_EQ(differ, 0u) << "of " << points.size() << " points";
}

TEST(LocatorGrid, OneLookupInsideAndOutsideTheExactTestOnEdges) {
  const auto polygons = join_case_polygons();
  const PolygonLocator locator(polygons);
  struct Probe {
    Point point;
    Kind kind;
    std::int32_t owner;
  };
  const Probe probes[] = {
      {Point(190500, 445500), Kind::inside, 0},    // middle of SW
      {Point(191500, 446500), Kind::inside, 3},    // middle of NE
      {Point(195200, 445200), Kind::inside, 4},    // in RING, away from its hole
      {Point(196000, 446000), Kind::inside, 5},    // ISLAND, in RING's hole
      {Point(195600, 445600), Kind::outside, -1},  // in the hole, beside the island
      {Point(193500, 446000), Kind::outside, -1},  // between the squares and the ring
      {Point(150000, 400000), Kind::outside, -1},  // far outside every polygon
      {Point(191000, 445500), Kind::edge, 1},      // shared north-south edge: the east one
      {Point(190500, 446000), Kind::edge, 2},      // shared east-west edge: the north one
      {Point(191000, 446000), Kind::edge, 3},      // vertex of four: north-east
      {Point(192000, 445500), Kind::edge, 1},      // outer east edge: the one it lies on
      {Point(195500, 446000), Kind::edge, 4},      // on the hole's edge: the ring
      {Point(196200, 446000), Kind::edge, 5},      // island's east edge, in the hole
      {Point(199500, 445500), Kind::edge, 7},      // diagonal shared edge: the east one
  };
  for (const Probe& probe : probes) {
    SCOPED_TRACE(testing::Message() << "(" << probe.point.x() << ", " << probe.point.y() << ")");
    EXPECT_EQ(locator.cell_kind(probe.point), probe.kind);
    EXPECT_EQ(locator.locate(probe.point), probe.owner);
  }
}

TEST(LocatorGrid, AgreesWithTheRuleOnTheJoinCases) {
  const auto polygons = join_case_polygons();
  const PolygonLocator locator(polygons);
  expect_same_as_reference(polygons, locator, probe_points(polygons, 20000));
}

TEST(LocatorGrid, AgreesWithTheRuleOnAJaggedTilingAtEveryGridSize) {
  const auto polygons = jagged_tiling(30, 20);
  const auto points = probe_points(polygons, 20000);
  // From a grid much coarser than the cells to one much finer: edge cells then hold many
  // polygons, or few.
  for (const std::size_t expected_points :
       {std::size_t{1}, std::size_t{100'000}, std::size_t{10'000'000}}) {
    SCOPED_TRACE(expected_points);
    LocatorOptions options;
    options.expected_points = expected_points;
    const PolygonLocator locator(polygons, options);
    expect_same_as_reference(polygons, locator, points);
  }
}

TEST(LocatorGrid, MostPointsOfATilingNeedOneLookup) {
  const auto polygons = jagged_tiling(30, 20);
  LocatorOptions options;
  options.expected_points = 1'000'000;
  const PolygonLocator locator(polygons, options);
  std::size_t counts[3] = {0, 0, 0};
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> x(190000, 193000), y(440000, 442000);
  for (int i = 0; i < 100000; ++i)
    ++counts[static_cast<int>(locator.cell_kind(Point(x(random), y(random))))];
  // The tiling covers its box: no outside cells; most cells lie wholly inside one polygon.
  EXPECT_EQ(counts[static_cast<int>(Kind::outside)], 0u);
  EXPECT_GT(counts[static_cast<int>(Kind::inside)], 85000u);
  EXPECT_GT(counts[static_cast<int>(Kind::edge)], 0u);
}

// A point within 1 µm of an edge is decided by the exact test even when the edge lies just
// west of a grid line and the point just east of it, in the next cell: edge cells reach a
// margin beyond their edges.
TEST(LocatorGrid, ThePointsWithinTheToleranceOfAnEdgeOnAGridLine) {
  // A square with a hole; moving the hole changes neither the extent nor the edge length, so
  // the grid stays the same.
  auto square_with_hole = [](double hole_west) {
    Polygon polygon;
    polygon.outer() = {Point(0, 0), Point(0, 1000), Point(1000, 1000), Point(1000, 0), Point(0, 0)};
    polygon.inners().push_back({Point(hole_west, 400), Point(hole_west + 100, 400),
                                Point(hole_west + 100, 600), Point(hole_west, 600),
                                Point(hole_west, 400)});
    return std::vector<MultiPolygon>{{polygon}};
  };
  const std::uint32_t columns = PolygonLocator(square_with_hole(450)).grid_size().columns;
  ASSERT_GT(columns, 4u);
  const double line = 1000.0 * (columns / 2) / columns;  // a grid line near the middle
  const double hole_west = line - 5e-8;
  const auto polygons = square_with_hole(hole_west);
  const PolygonLocator locator(polygons);
  ASSERT_EQ(locator.grid_size().columns, columns);
  // In the hole, 1e-7 east of its west edge: on the edge within 1 µm, so the square owns it.
  const Point in_hole_on_edge(hole_west + 1e-7, 500);
  EXPECT_EQ(locator.cell_kind(in_hole_on_edge), Kind::edge);
  EXPECT_EQ(locator.locate(in_hole_on_edge), 0);
  EXPECT_EQ(locator.locate(Point(hole_west + 1e-5, 500)), PolygonLocator::not_found);
  expect_same_as_reference(polygons, locator, probe_points(polygons, 1000));
}

TEST(LocatorGrid, OverlappingPolygonsTheLowestWinsInsideAndOnEdgeCells) {
  Polygon big, small;
  big.outer() = {Point(0, 0), Point(0, 1000), Point(1000, 1000), Point(1000, 0), Point(0, 0)};
  small.outer() = {Point(400, 400), Point(400, 600), Point(600, 600), Point(600, 400),
                   Point(400, 400)};
  for (const bool big_first : {true, false}) {
    SCOPED_TRACE(big_first ? "big polygon first" : "small polygon first");
    const std::vector<MultiPolygon> polygons = big_first
                                                   ? std::vector<MultiPolygon>{{big}, {small}}
                                                   : std::vector<MultiPolygon>{{small}, {big}};
    const PolygonLocator locator(polygons);
    const std::int32_t big_index = big_first ? 0 : 1, small_index = 1 - big_index;
    EXPECT_EQ(locator.locate(Point(500, 500)), big_first ? big_index : small_index);
    EXPECT_EQ(locator.locate(Point(100, 100)), big_index);
    EXPECT_EQ(locator.locate(Point(400, 500)),
              big_first ? big_index : small_index);  // small's west edge
    expect_same_as_reference(polygons, locator, probe_points(polygons, 5000));
  }
}

TEST(LocatorGrid, ThreadedAndGroupedLocationAgreesWithOnePointAtATime) {
  const auto polygons = jagged_tiling(60, 40);
  LocatorOptions options;
  options.expected_points = 2'000'000;  // a grid large enough for locate_all to group points
  const PolygonLocator locator(polygons, options);
  ASSERT_GE(std::size_t{locator.grid_size().columns} * locator.grid_size().rows,
            std::size_t{1} << 18);
  const auto points = probe_points(polygons, 100000);
  std::vector<std::int32_t> one(points.size()), two(points.size()), three(points.size());
  locator.locate_all(points, one, 1);
  locator.locate_all(points, two, 2);
  locator.locate_all(points, three, 3);  // runs that do not split evenly
  std::size_t differ = 0, in_edge_cells = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    differ += one[i] != locator.locate(points[i]) || two[i] != one[i] || three[i] != one[i];
    in_edge_cells += locator.cell_kind(points[i]) == Kind::edge;
  }
  EXPECT_EQ(differ, 0u);
  // Both passes of locate_all are exercised: the lookup and the exact tests.
  EXPECT_GT(in_edge_cells, points.size() / 100);
  EXPECT_LT(in_edge_cells, points.size() * 99 / 100);
}

TEST(LocatorGrid, NoPolygonsMeansNothingIsFound) {
  const PolygonLocator locator(std::vector<MultiPolygon>{});
  EXPECT_EQ(locator.locate(Point(1, 1)), PolygonLocator::not_found);
  EXPECT_EQ(locator.cell_kind(Point(1, 1)), Kind::outside);
  const PolygonLocator with_empty(std::vector<MultiPolygon>{MultiPolygon{}});
  EXPECT_EQ(with_empty.locate(Point(0, 0)), PolygonLocator::not_found);
  const PolygonLocator squares(join_case_polygons());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(squares.locate(Point(nan, 445500)), PolygonLocator::not_found);
}

}  // namespace
}  // namespace wijkatlas::geo
