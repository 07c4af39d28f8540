// GEOS operations behind the hierarchy: union, sliver removal, interior points, buffers.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <numbers>
#include <random>

#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::geo {
namespace {
namespace bg = boost::geometry;

MultiPolygon from_wkt(const std::string& wkt) {
  MultiPolygon mp;
  bg::read_wkt(wkt, mp);
  bg::correct(mp);
  return mp;
}

MultiPolygon square(double x, double y, double size) {
  return from_wkt("MULTIPOLYGON(((" + std::to_string(x) + " " + std::to_string(y) + "," +
                  std::to_string(x + size) + " " + std::to_string(y) + "," +
                  std::to_string(x + size) + " " + std::to_string(y + size) + "," +
                  std::to_string(x) + " " + std::to_string(y + size) + "," + std::to_string(x) +
                  " " + std::to_string(y) + ")))");
}

}  // namespace

TEST(Ops, UnionOfNeighboursIsOnePolygonWithoutInternalEdges) {
  const MultiPolygon a = square(190000, 445000, 1000), b = square(191000, 445000, 1000);
  const MultiPolygon* parts[] = {&a, &b};
  const MultiPolygon u = union_polygons(parts);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_TRUE(u[0].inners().empty());
  EXPECT_NEAR(area(u), 2e6, 1e-6);
}

TEST(Ops, UnionOfOverlappingPolygonsFallsBackToFullUnion) {
  const MultiPolygon a = square(190000, 445000, 1000), b = square(190500, 445000, 1000);
  const MultiPolygon* parts[] = {&a, &b};
  EXPECT_NEAR(area(union_polygons(parts)), 1.5e6, 1e-6);
}

TEST(Ops, RemoveSliversDropsHairlineHolesAndCrumbs) {
  // A 1 km square with a 1 m x 500 m hairline gap (500 m²) and a 10 m x 5 m crumb nearby.
  MultiPolygon mp = from_wkt(
      "MULTIPOLYGON(((190000 445000,191000 445000,191000 446000,190000 446000,190000 445000),"
      "(190500 445200,190501 445200,190501 445700,190500 445700,190500 445200)),"
      "((192000 445000,192010 445000,192010 445005,192000 445005,192000 445000)))");
  const MultiPolygon clean = remove_slivers(mp, 2000, 100);
  ASSERT_EQ(clean.size(), 1u);
  EXPECT_TRUE(clean[0].inners().empty());
  // A real hole (a lake of 4 ha) stays.
  MultiPolygon lake = from_wkt(
      "MULTIPOLYGON(((190000 445000,191000 445000,191000 446000,190000 446000,190000 445000),"
      "(190400 445400,190600 445400,190600 445600,190400 445600,190400 445400)))");
  EXPECT_EQ(remove_slivers(lake, 2000, 100)[0].inners().size(), 1u);
}

TEST(Ops, PointOnSurfaceOfACShapeIsInside) {
  // A C whose centroid lies in the opening.
  const MultiPolygon c =
      from_wkt("MULTIPOLYGON(((0 0,300 0,300 100,100 100,100 200,300 200,300 300,0 300,0 0)))");
  Point centroid;
  bg::centroid(c, centroid);
  EXPECT_FALSE(bg::within(centroid, c)) << "the test shape must be a real C";
  EXPECT_TRUE(bg::within(point_on_surface(c), c));
}

TEST(Ops, BufferAndIntersection) {
  const MultiPolygon circle = buffer(Geometry(Point(190000, 445000)), 100);
  EXPECT_NEAR(area(circle), std::numbers::pi * 100 * 100, 0.01 * std::numbers::pi * 100 * 100);
  const MultiPolygon half = intersection(circle, square(190000, 444000, 2000));
  EXPECT_NEAR(area(half), area(circle) / 2, 1.0);
}

TEST(Ops, InvalidReasonAndMakeValid) {
  const MultiPolygon bowtie = from_wkt("MULTIPOLYGON(((0 0,10 10,10 0,0 10,0 0)))");
  const auto reason = invalid_reason(Geometry(bowtie));
  ASSERT_TRUE(reason);
  EXPECT_NE(reason->find("Self-intersection"), std::string::npos) << *reason;
  const MultiPolygon fixed = make_valid(bowtie);
  EXPECT_FALSE(invalid_reason(Geometry(fixed)));
  EXPECT_NEAR(area(fixed), 50.0, 1e-9);
  EXPECT_FALSE(invalid_reason(Geometry(square(0, 0, 1))));
}

// invalid_reason checks one shell without holes without GEOS when it is certainly simple; a
// far-away second part sends the same polygon through GEOS. Both must agree on every ring,
// including the ties a quick test gets wrong: touching corners, collinear folds, repeated
// points, edges a hair apart.
std::optional<std::string> through_geos(const MultiPolygon& one) {
  MultiPolygon two = one;
  two.push_back(square(1e6, 1e6, 1).front());
  return invalid_reason(Geometry(two));
}

TEST(Ops, QuickValidityCheckAgreesWithGeos) {
  const char* rings[] = {
      "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))",                    // square
      "MULTIPOLYGON(((0 0,10 10,10 0,0 10,0 0)))",                    // bow tie
      "MULTIPOLYGON(((0 0,10 0,10 10,5 0,0 10,0 0)))",                // touches its own edge
      "MULTIPOLYGON(((0 0,10 0,5 5,10 10,0 10,5 5,0 0)))",            // touches at a corner
      "MULTIPOLYGON(((0 0,10 0,20 0,10 0,10 10,0 10,0 0)))",          // folds back (spike)
      "MULTIPOLYGON(((0 0,5 0,10 0,10 10,0 10,0 0)))",                // straight through a corner
      "MULTIPOLYGON(((0 0,10 0,10 0,10 10,0 10,0 0)))",               // repeated point
      "MULTIPOLYGON(((0 0,10 0,5 5.000000001,10 10,0 10,5 5,0 0)))",  // a hair apart
      "MULTIPOLYGON(((0 0,10 0,0 0,0 0)))",                           // collapsed
  };
  for (const char* wkt : rings) {
    MultiPolygon mp;
    bg::read_wkt(wkt, mp);
    EXPECT_EQ(invalid_reason(Geometry(mp)).has_value(), through_geos(mp).has_value()) << wkt;
  }
  // Random rings on a coarse grid, where ties are common, and in the plane.
  std::mt19937 random(42);
  int invalid = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int corners = 3 + trial % 8;
    const bool coarse = trial % 2 == 0;
    std::uniform_int_distribution<int> cell(0, 4);
    std::uniform_real_distribution<double> anywhere(190000, 190010);
    MultiPolygon mp;
    mp.resize(1);
    auto& ring = mp.front().outer();
    for (int k = 0; k < corners; ++k) {
      ring.emplace_back(coarse ? 190000 + cell(random) : anywhere(random),
                        coarse ? 445000 + cell(random) : anywhere(random) + 255000);
    }
    ring.push_back(ring.front());
    const bool quick = invalid_reason(Geometry(mp)).has_value();
    ASSERT_EQ(quick, through_geos(mp).has_value()) << bg::wkt(mp);
    invalid += quick ? 1 : 0;
  }
  EXPECT_GT(invalid, 500);  // the random rings did test invalid ones
  EXPECT_LT(invalid, 2900);
}

}  // namespace wijkatlas::geo
