// The base map painted a class at a time: a courtyard stays open, a building inside it is
// filled, and overlapping areas are filled once, as painting them one by one would give.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/append.hpp>
#include <boost/geometry/algorithms/correct.hpp>

#include "png_reader.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/map.hpp"

namespace wijkatlas::render {
namespace {

geo::Ring square_ring(double x, double y, double side) {
  geo::Ring ring;
  boost::geometry::append(
      ring,
      std::vector<geo::Point>{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}});
  return ring;
}

geo::MultiPolygon square(double x, double y, double side,
                         std::optional<geo::Ring> hole = std::nullopt) {
  geo::Polygon p;
  p.outer() = square_ring(x, y, side);
  if (hole) p.inners().push_back(*hole);
  boost::geometry::correct(p);
  return {p};
}

TEST(BaseMapPaint, CourtyardsStayOpenAndOverlapsFillOnce) {
  constexpr double x = 190000, y = 440000;
  geo::BaseMap map;
  map.areas.push_back({geo::AreaClass::green, square(x - 100, y - 100, 150)});
  map.areas.push_back(
      {geo::AreaClass::building, square(x, y, 100, square_ring(x + 20, y + 20, 60))});
  map.areas.push_back({geo::AreaClass::building, square(x + 40, y + 40, 20)});  // in the courtyard
  map.areas.push_back(
      {geo::AreaClass::building, square(x + 80, y - 20, 40)});  // overlaps the first
  MapSpec spec;
  spec.page = Page{Paper::a4, Orientation::portrait};
  spec.page.dpi = 100;
  spec.north_arrow = false;
  spec.scale_bar = false;
  spec.extent.centre = geo::Point(x + 50, y + 50);
  spec.extent.scale = 2000;
  spec.layers.emplace_back(BaseMapLayer{map, false});
  const wijkatlas::test::TempDir dir;
  const MapPlan plan = write_map(dir / "kaart.png", spec, {});
  const test::RgbImage image = test::read_png(dir / "kaart.png");
  const auto pixel = [&](double wx, double wy) {
    const PaperPoint at = plan.frame.to_paper({wx, wy});
    return image.at(static_cast<int>(at.x_mm / 25.4 * 100), static_cast<int>(at.y_mm / 25.4 * 100));
  };
  const test::RgbImage::Rgb building{0xdf, 0xdb, 0xd6}, green{0xe4, 0xee, 0xdc};
  const test::RgbImage::Rgb background = pixel(x + 180, y + 180);
  EXPECT_NE(background, building);
  EXPECT_NE(background, green);
  EXPECT_EQ(pixel(x + 10, y + 50), building);
  EXPECT_EQ(pixel(x + 30, y + 30), green) << "the courtyard shows the green under it";
  EXPECT_EQ(pixel(x + 50, y + 50), building) << "the building in the courtyard";
  EXPECT_EQ(pixel(x + 90, y - 10), building) << "where two buildings overlap";
  EXPECT_EQ(pixel(x + 110, y + 10), building);
  EXPECT_EQ(pixel(x + 75, y + 75), background) << "outside the green, in the courtyard";
}

}  // namespace
}  // namespace wijkatlas::render
