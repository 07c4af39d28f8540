#pragma once
// Robust geometry operations, done by GEOS (through its C API). Callers never see GEOS types.
#include <optional>
#include <span>
#include <string>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo {

// Why GEOS considers the geometry invalid ("Self-intersection[190012 445010]"), or nullopt
// when it is valid.
std::optional<std::string> invalid_reason(const Geometry& geometry);

// Repairs an invalid polygonal geometry with GEOS MakeValid (structure method: the area a
// person would see is kept, collapsed parts are dropped).
MultiPolygon make_valid(const MultiPolygon& polygons);

// Union of polygons. Polygons that tile without overlap (a coverage, such as CBS buurten) are
// merged with GEOS's fast coverage union; anything else falls back to unary union.
MultiPolygon union_polygons(std::span<const MultiPolygon* const> polygons);

// Removes interior rings smaller than `max_hole_area` (the slivers left between neighbouring
// polygons whose shared edges do not match exactly) and parts smaller than `min_part_area`.
MultiPolygon remove_slivers(const MultiPolygon& polygons, double max_hole_area,
                            double min_part_area);

// A point guaranteed to lie inside the polygon (GEOS PointOnSurface), unlike the centroid of a
// C-shaped area.
Point point_on_surface(const MultiPolygon& polygons);

double area(const MultiPolygon& polygons);

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon buffer(const Geometry& geometry, double distance);

}  // namespace wijkatlas::geo
