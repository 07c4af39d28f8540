#include "wijkatlas/support/geos_convert.hpp"

#include <boost/geometry.hpp>
#include <vector>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::support {
namespace {

template <typename Range>
GEOSCoordSequence* coord_seq(GeosContext& ctx, const Range& points) {
  static_assert(sizeof(Point) == 2 * sizeof(double));
  return GEOSCoordSeq_copyFromBuffer_r(ctx.get(), reinterpret_cast<const double*>(points.data()),
                                       static_cast<unsigned>(points.size()), 0, 0);
}

template <typename Range>
void read_coords(GeosContext& ctx, const GEOSGeometry* g, Range& out) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.get(), g);
  unsigned size = 0;
  GEOSCoordSeq_getSize_r(ctx.get(), seq, &size);
  out.resize(size);
  GEOSCoordSeq_copyToBuffer_r(ctx.get(), seq, reinterpret_cast<double*>(out.data()), 0, 0);
}

GEOSGeometry* make_ring(GeosContext& ctx, const Ring& ring) {
  return GEOSGeom_createLinearRing_r(ctx.get(), coord_seq(ctx, ring));
}

GEOSGeometry* make_polygon(GeosContext& ctx, const Polygon& polygon) {
  std::vector<GEOSGeometry*> holes;
  holes.reserve(polygon.inners().size());
  for (const auto& inner : polygon.inners()) holes.push_back(make_ring(ctx, inner));
  return GEOSGeom_createPolygon_r(ctx.get(), make_ring(ctx, polygon.outer()), holes.data(),
                                  static_cast<unsigned>(holes.size()));
}

GEOSGeometry* make_collection(GeosContext& ctx, int type, std::vector<GEOSGeometry*>& parts) {
  return GEOSGeom_createCollection_r(ctx.get(), type, parts.data(),
                                     static_cast<unsigned>(parts.size()));
}

void collect_polygons(GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
  const int type = GEOSGeomTypeId_r(ctx.get(), g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(ctx.get(), g)) return;
    Polygon polygon;
    read_coords(ctx, GEOSGetExteriorRing_r(ctx.get(), g), polygon.outer());
    const int holes = GEOSGetNumInteriorRings_r(ctx.get(), g);
    polygon.inners().resize(static_cast<std::size_t>(holes));
    for (int i = 0; i < holes; ++i) {
      read_coords(ctx, GEOSGetInteriorRingN_r(ctx.get(), g, i),
                  polygon.inners()[static_cast<std::size_t>(i)]);
    }
    out.push_back(std::move(polygon));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(ctx.get(), g);
    for (int i = 0; i < n; ++i) collect_polygons(ctx, GEOSGetGeometryN_r(ctx.get(), g, i), out);
  }
}

}  // namespace

GeosGeometryPtr to_geos(GeosContext& ctx, const MultiPolygon& polygons) {
  const MultiPolygon* one[] = {&polygons};
  return to_geos_flat(ctx, one);
}

GeosGeometryPtr to_geos_flat(GeosContext& ctx, std::span<const MultiPolygon* const> polygons) {
  std::vector<GEOSGeometry*> parts;
  for (const auto* mp : polygons) {
    for (const auto& polygon : *mp) parts.push_back(make_polygon(ctx, polygon));
  }
  return take_geos(ctx, make_collection(ctx, GEOS_MULTIPOLYGON, parts), "building polygons");
}

GeosGeometryPtr to_geos(GeosContext& ctx, const Geometry& geometry) {
  return std::visit(
      [&](const auto& g) -> GeosGeometryPtr {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return take_geos(ctx,
                           GEOSGeom_createEmptyCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION),
                           "empty geometry");
        } else if constexpr (std::is_same_v<T, Point>) {
          return take_geos(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), g.x(), g.y()), "point");
        } else if constexpr (std::is_same_v<T, MultiPoint>) {
          std::vector<GEOSGeometry*> parts;
          for (const auto& p : g)
            parts.push_back(GEOSGeom_createPointFromXY_r(ctx.get(), p.x(), p.y()));
          return take_geos(ctx, make_collection(ctx, GEOS_MULTIPOINT, parts), "multipoint");
        } else if constexpr (std::is_same_v<T, MultiLineString>) {
          std::vector<GEOSGeometry*> parts;
          for (const auto& line : g) {
            parts.push_back(GEOSGeom_createLineString_r(ctx.get(), coord_seq(ctx, line)));
          }
          return take_geos(ctx, make_collection(ctx, GEOS_MULTILINESTRING, parts), "lines");
        } else {
          return to_geos(ctx, g);
        }
      },
      geometry);
}

MultiPolygon polygons_from_geos(GeosContext& ctx, const GEOSGeometry* geometry) {
  MultiPolygon out;
  collect_polygons(ctx, geometry, out);
  boost::geometry::correct(out);
  return out;
}

Geometry from_geos(GeosContext& ctx, const GEOSGeometry* geometry) {
  const int type = GEOSGeomTypeId_r(ctx.get(), geometry);
  if (GEOSisEmpty_r(ctx.get(), geometry)) return {};
  switch (type) {
    case GEOS_POINT: {
      double x = 0, y = 0;
      GEOSGeomGetX_r(ctx.get(), geometry, &x);
      GEOSGeomGetY_r(ctx.get(), geometry, &y);
      return Point(x, y);
    }
    case GEOS_LINESTRING:
    case GEOS_MULTILINESTRING: {
      MultiLineString lines;
      const int n = GEOSGetNumGeometries_r(ctx.get(), geometry);
      for (int i = 0; i < n; ++i) {
        lines.emplace_back();
        read_coords(ctx, GEOSGetGeometryN_r(ctx.get(), geometry, i), lines.back());
      }
      return lines;
    }
    case GEOS_MULTIPOINT: {
      MultiPoint points;
      const int n = GEOSGetNumGeometries_r(ctx.get(), geometry);
      for (int i = 0; i < n; ++i) {
        const GEOSGeometry* p = GEOSGetGeometryN_r(ctx.get(), geometry, i);
        double x = 0, y = 0;
        GEOSGeomGetX_r(ctx.get(), p, &x);
        GEOSGeomGetY_r(ctx.get(), p, &y);
        points.emplace_back(x, y);
      }
      return points;
    }
    default:
      return polygons_from_geos(ctx, geometry);
  }
}

}  // namespace wijkatlas::support
