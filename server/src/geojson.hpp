#pragma once
// Geometries as GeoJSON in RD New (EPSG:28992): the page's OpenLayers reads them in the map's
// own projection, so nothing is reprojected between the data, the screen and the paper.
// Coordinates are rounded to centimetres.
#include <nlohmann/json.hpp>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::server {

nlohmann::json to_geojson(const geo::Geometry& geometry);
nlohmann::json to_geojson(const geo::MultiPolygon& polygons);

// [min_x, min_y, max_x, max_y]
nlohmann::json bbox_json(const geo::Box& box);

// A FeatureCollection that names its CRS (the RFC 7946 default would be WGS84).
nlohmann::json feature_collection(nlohmann::json features);

}  // namespace wijkatlas::server
