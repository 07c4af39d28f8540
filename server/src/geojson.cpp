#include "geojson.hpp"

#include <cmath>

namespace wijkatlas::server {
namespace {

double cm(double v) {
  return std::round(v * 100) / 100;
}

nlohmann::json position(const geo::Point& p) {
  return nlohmann::json::array({cm(p.x()), cm(p.y())});
}

template <class Points>
nlohmann::json positions(const Points& points) {
  nlohmann::json out = nlohmann::json::array();
  for (const geo::Point& p : points) out.push_back(position(p));
  return out;
}

nlohmann::json polygon_rings(const geo::Polygon& polygon) {
  nlohmann::json rings = nlohmann::json::array({positions(polygon.outer())});
  for (const geo::Ring& hole : polygon.inners()) rings.push_back(positions(hole));
  return rings;
}

}  // namespace

nlohmann::json to_geojson(const geo::MultiPolygon& polygons) {
  nlohmann::json coordinates = nlohmann::json::array();
  for (const geo::Polygon& p : polygons) coordinates.push_back(polygon_rings(p));
  return {{"type", "MultiPolygon"}, {"coordinates", coordinates}};
}

nlohmann::json to_geojson(const geo::Geometry& geometry) {
  if (const auto* p = std::get_if<geo::Point>(&geometry))
    return {{"type", "Point"}, {"coordinates", position(*p)}};
  if (const auto* mp = std::get_if<geo::MultiPoint>(&geometry))
    return {{"type", "MultiPoint"}, {"coordinates", positions(*mp)}};
  if (const auto* lines = std::get_if<geo::MultiLineString>(&geometry)) {
    nlohmann::json coordinates = nlohmann::json::array();
    for (const geo::LineString& l : *lines) coordinates.push_back(positions(l));
    return {{"type", "MultiLineString"}, {"coordinates", coordinates}};
  }
  if (const auto* polygons = std::get_if<geo::MultiPolygon>(&geometry))
    return to_geojson(*polygons);
  return nullptr;
}

nlohmann::json bbox_json(const geo::Box& box) {
  return nlohmann::json::array({cm(box.min_corner().x()), cm(box.min_corner().y()),
                                cm(box.max_corner().x()), cm(box.max_corner().y())});
}

nlohmann::json feature_collection(nlohmann::json features) {
  return {{"type", "FeatureCollection"},
          {"crs", {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::28992"}}}}},
          {"features", std::move(features)}};
}

}  // namespace wijkatlas::server
