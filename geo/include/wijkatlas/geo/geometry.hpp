#pragma once
// Geometry value types: Boost.Geometry models in RD New metres. Polygons follow the OGC
// convention (counter-clockwise exterior, clockwise holes, closed rings); every reader calls
// boost::geometry::correct so this holds whatever the source did.
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_point.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <string>
#include <variant>

namespace wijkatlas::geo {

using Point = boost::geometry::model::d2::point_xy<double>;
using Box = boost::geometry::model::box<Point>;
using LineString = boost::geometry::model::linestring<Point>;
using MultiPoint = boost::geometry::model::multi_point<Point>;
using MultiLineString = boost::geometry::model::multi_linestring<LineString>;
// false = counter-clockwise exterior rings (OGC); closed rings.
using Polygon = boost::geometry::model::polygon<Point, false, true>;
using Ring = Polygon::ring_type;
using MultiPolygon = boost::geometry::model::multi_polygon<Polygon>;

// A feature's geometry. Single geometries are widened to their multi type on read (a Polygon
// becomes a MultiPolygon of one) so that code handles three shapes, not six.
using Geometry = std::variant<std::monostate, Point, MultiPoint, MultiLineString, MultiPolygon>;

enum class GeometryKind { none, point, multipoint, lines, polygons };

GeometryKind kind_of(const Geometry& geometry);
std::string to_string(GeometryKind kind);
bool is_empty(const Geometry& geometry);
Box envelope(const Geometry& geometry);

}  // namespace wijkatlas::geo
