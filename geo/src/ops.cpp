#include "wijkatlas/geo/ops.hpp"

#include <boost/geometry.hpp>
#include <vector>

#include "detail/simple_ring.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/geos_convert.hpp"

namespace wijkatlas::geo {
using support::GeosContext;
using support::take_geos;

namespace {
// One GEOS context per thread, as GEOS asks.
GeosContext& context() {
  thread_local GeosContext ctx;
  return ctx;
}
}  // namespace

std::optional<std::string> invalid_reason(const Geometry& geometry) {
  if (!std::holds_alternative<MultiPolygon>(geometry) &&
      !std::holds_alternative<MultiLineString>(geometry)) {
    return std::nullopt;  // points are always valid for our purposes
  }
  // The usual buurt, one shell without holes, is checked without GEOS when that is certain.
  if (const auto* polygons = std::get_if<MultiPolygon>(&geometry);
      polygons != nullptr && polygons->size() == 1 && polygons->front().inners().empty() &&
      detail::certainly_simple_ring(polygons->front().outer())) {
    return std::nullopt;
  }
  GeosContext& ctx = context();
  auto g = support::to_geos(ctx, geometry);
  if (GEOSisValid_r(ctx.get(), g.get()) == 1) return std::nullopt;
  support::GeosStringPtr reason(GEOSisValidReason_r(ctx.get(), g.get()),
                                support::GeosFreeDeleter{ctx.get()});
  return reason ? std::string(reason.get()) : std::string("invalid geometry");
}

MultiPolygon make_valid(const MultiPolygon& polygons) {
  GeosContext& ctx = context();
  auto g = support::to_geos(ctx, polygons);
  struct ParamsDeleter {
    GEOSContextHandle_t c;
    void operator()(GEOSMakeValidParams* p) const { GEOSMakeValidParams_destroy_r(c, p); }
  };
  std::unique_ptr<GEOSMakeValidParams, ParamsDeleter> params(
      GEOSMakeValidParams_create_r(ctx.get()), ParamsDeleter{ctx.get()});
  GEOSMakeValidParams_setMethod_r(ctx.get(), params.get(), GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(ctx.get(), params.get(), 0);
  auto valid = take_geos(ctx, GEOSMakeValidWithParams_r(ctx.get(), g.get(), params.get()),
                         "repairing a polygon");
  return support::polygons_from_geos(ctx, valid.get());
}

MultiPolygon union_polygons(std::span<const MultiPolygon* const> polygons) {
  GeosContext& ctx = context();
  auto collection = support::to_geos_flat(ctx, polygons);
  GEOSGeometry* merged = GEOSCoverageUnion_r(ctx.get(), collection.get());
  if (merged != nullptr) {
    auto result = take_geos(ctx, merged, "coverage union");
    if (GEOSisValid_r(ctx.get(), result.get()) == 1) {
      return support::polygons_from_geos(ctx, result.get());
    }
  }
  ctx.take_error();  // not a clean coverage: the general union handles overlaps and gaps
  auto result = take_geos(ctx, GEOSUnaryUnion_r(ctx.get(), collection.get()), "union");
  return support::polygons_from_geos(ctx, result.get());
}

MultiPolygon remove_slivers(const MultiPolygon& polygons, double max_hole_area,
                            double min_part_area) {
  MultiPolygon out;
  for (const auto& polygon : polygons) {
    if (boost::geometry::area(polygon.outer()) < min_part_area) continue;
    Polygon kept;
    kept.outer() = polygon.outer();
    for (const auto& inner : polygon.inners()) {
      // Inner rings are clockwise, so their Boost area is negative.
      if (-boost::geometry::area(inner) >= max_hole_area) kept.inners().push_back(inner);
    }
    out.push_back(std::move(kept));
  }
  return out;
}

Point point_on_surface(const MultiPolygon& polygons) {
  GeosContext& ctx = context();
  auto g = support::to_geos(ctx, polygons);
  auto p = take_geos(ctx, GEOSPointOnSurface_r(ctx.get(), g.get()), "point on surface");
  double x = 0, y = 0;
  GEOSGeomGetX_r(ctx.get(), p.get(), &x);
  GEOSGeomGetY_r(ctx.get(), p.get(), &y);
  return Point(x, y);
}

double area(const MultiPolygon& polygons) {
  return boost::geometry::area(polygons);
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) {
  GeosContext& ctx = context();
  auto ga = support::to_geos(ctx, a);
  auto gb = support::to_geos(ctx, b);
  auto result = take_geos(ctx, GEOSIntersection_r(ctx.get(), ga.get(), gb.get()), "intersection");
  return support::polygons_from_geos(ctx, result.get());
}

MultiPolygon buffer(const Geometry& geometry, double distance) {
  GeosContext& ctx = context();
  auto g = support::to_geos(ctx, geometry);
  auto result = take_geos(ctx, GEOSBuffer_r(ctx.get(), g.get(), distance, 8), "buffer");
  return support::polygons_from_geos(ctx, result.get());
}

}  // namespace wijkatlas::geo
