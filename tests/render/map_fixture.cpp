#include "map_fixture.hpp"

#include <boost/geometry/algorithms/correct.hpp>
#include <cmath>
#include <limits>

namespace wijkatlas::render::test {
namespace {

geo::MultiPolygon polygon(std::initializer_list<std::pair<double, double>> ring) {
  geo::Polygon p;
  for (const auto& [x, y] : ring) p.outer().emplace_back(origin_x + x, origin_y + y);
  p.outer().push_back(p.outer().front());
  boost::geometry::correct(p);
  return {p};
}

geo::MultiLineString line(std::initializer_list<std::pair<double, double>> points) {
  geo::LineString l;
  for (const auto& [x, y] : points) l.emplace_back(origin_x + x, origin_y + y);
  return {l};
}

}  // namespace

geo::MultiPolygon square(double x, double y, double side) {
  geo::Polygon p;
  for (const auto& [dx, dy] :
       {std::pair{0.0, 0.0}, {side, 0.0}, {side, side}, {0.0, side}, {0.0, 0.0}}) {
    p.outer().emplace_back(x + dx, y + dy);
  }
  boost::geometry::correct(p);
  return {p};
}

MapSpec small_map_spec() {
  MapSpec spec;
  spec.page = Page{Paper::a4, Orientation::portrait};
  spec.title = "Testwijk";
  spec.subtitle = "Een vaste kaart voor de referentietest";

  BaseMapLayer base;
  base.map.areas.push_back(
      {geo::AreaClass::green, polygon({{100, 100}, {500, 100}, {500, 350}, {100, 350}})});
  base.map.areas.push_back(
      {geo::AreaClass::water, polygon({{900, 700}, {1300, 700}, {1300, 900}, {900, 900}})});
  for (int i = 0; i < 6; ++i) {
    const double x = 620 + 60.0 * i;
    base.map.areas.push_back(
        {geo::AreaClass::building, polygon({{x, 420}, {x + 40, 420}, {x + 40, 470}, {x, 470}})});
  }
  base.map.lines.push_back(
      {geo::LineClass::minor_street, "Dorpsweg", line({{600, -50}, {600, 1250}})});
  base.map.lines.push_back(
      {geo::LineClass::major_street, "Hoofdstraat", line({{-50, 500}, {1650, 500}})});
  base.map.lines.push_back(
      {geo::LineClass::minor_street, "Schuine Laan", line({{0, 0}, {1500, 1100}})});
  base.map.lines.push_back({geo::LineClass::railway, "", line({{-50, 1000}, {1650, 1050}})});
  base.map.lines.push_back(
      {geo::LineClass::waterway, "Beek", line({{1000, -50}, {1100, 300}, {1400, 650}})});
  spec.layers.emplace_back(std::move(base));

  AreaLayer buurten;
  buurten.legend_title = "Inwoners per km²";
  buurten.attribution = "CBS, Kadaster";
  buurten.fill_opacity = 0.75;
  buurten.outline = {{0x70, 0x70, 0x70}, 0.25};
  Choropleth ch;
  ch.method = ClassificationMethod::quantile;
  ch.classes = 4;
  for (int row = 0; row < 3; ++row) {
    for (int col = 0; col < 4; ++col) {
      buurten.shapes.push_back(square(origin_x + col * 400.0, origin_y + row * 400.0, 400));
      buurten.names.push_back("Buurt " + std::to_string(row * 4 + col + 1));
      const int n = row * 4 + col;
      ch.values.push_back(n == 5 ? std::numeric_limits<double>::quiet_NaN() : 1000.0 + 750.0 * n);
    }
  }
  buurten.choropleth = ch;
  buurten.label_style.size_pt = 7;
  spec.layers.emplace_back(std::move(buurten));

  AreaLayer hoek;  // a C shape: its centroid lies outside it
  hoek.legend_title = "Programmawijk";
  hoek.outline = {{0x1f, 0x4e, 0x79}, 0.8};
  hoek.shapes.push_back(polygon({{0, 0},
                                 {1200, 0},
                                 {1200, 300},
                                 {300, 300},
                                 {300, 900},
                                 {1200, 900},
                                 {1200, 1200},
                                 {0, 1200}}));
  hoek.names.push_back("Hoekwijk");
  hoek.label_style.size_pt = 11;
  hoek.label_priority = 200;
  spec.layers.emplace_back(std::move(hoek));

  PointLayer points;
  points.legend_title = "Initiatieven";
  const char* themes[] = {"groen", "spelen", "zorg", "groen", "spelen", "ontmoeten"};
  for (int i = 0; i < 6; ++i) {
    points.points.emplace_back(origin_x + 150 + 230.0 * i, origin_y + 650 + 60.0 * (i % 3));
    points.categories.emplace_back(themes[i]);
    points.labels.push_back("P" + std::to_string(i + 1));
  }
  spec.layers.emplace_back(std::move(points));
  return spec;
}

}  // namespace wijkatlas::render::test
