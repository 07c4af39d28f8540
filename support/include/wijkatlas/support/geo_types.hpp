#pragma once
// The geometry model the conversions to and from OGR and GEOS speak, by its short names.
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::support {

using geo::Box;
using geo::FieldType;
using geo::Geometry;
using geo::LineString;
using geo::MultiLineString;
using geo::MultiPoint;
using geo::MultiPolygon;
using geo::Point;
using geo::Polygon;
using geo::Ring;

}  // namespace wijkatlas::support
