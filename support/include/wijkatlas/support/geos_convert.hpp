#pragma once
// wijkatlas geometries <-> GEOS geometries, through coordinate sequences (no WKB round trip).
#include <span>

#include "wijkatlas/support/geo_types.hpp"
#include "wijkatlas/support/geos_handles.hpp"

namespace wijkatlas::support {

GeosGeometryPtr to_geos(GeosContext& ctx, const Geometry& geometry);
GeosGeometryPtr to_geos(GeosContext& ctx, const MultiPolygon& polygons);

// All parts of many multipolygons as one flat GEOS MultiPolygon (input to a union).
GeosGeometryPtr to_geos_flat(GeosContext& ctx, std::span<const MultiPolygon* const> polygons);

// The polygonal parts of a GEOS geometry (lower-dimensional parts, such as the collapsed
// lines MakeValid may return, are dropped), as an OGC-oriented MultiPolygon.
MultiPolygon polygons_from_geos(GeosContext& ctx, const GEOSGeometry* geometry);

Geometry from_geos(GeosContext& ctx, const GEOSGeometry* geometry);

}  // namespace wijkatlas::support
