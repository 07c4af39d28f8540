// GEOS operations behind the hierarchy: union, sliver removal, interior points, buffers.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <numbers>

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

}  // namespace wijkatlas::geo
