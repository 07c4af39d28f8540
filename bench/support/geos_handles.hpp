#pragma once
// RAII for the GEOS C API (re-entrant _r functions, one context per thread), for the GEOS peer
// only: wijkatlas' own GEOS wrappers are private to the geo library, and the peer should be
// plain GEOS anyway.
#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::bench {

struct GeosGeometryDeleter {
  GEOSContextHandle_t context;
  void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

struct GeosPreparedDeleter {
  GEOSContextHandle_t context;
  void operator()(const GEOSPreparedGeometry* prepared) const {
    GEOSPreparedGeom_destroy_r(context, prepared);
  }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosTreeDeleter {
  GEOSContextHandle_t context;
  void operator()(GEOSSTRtree* tree) const { GEOSSTRtree_destroy_r(context, tree); }
};
using GeosTreePtr = std::unique_ptr<GEOSSTRtree, GeosTreeDeleter>;

// Owns a GEOS context and remembers the last error GEOS reported through it.
class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const { return handle_; }

  // Throws std::runtime_error "<what>: <last GEOS error>".
  [[noreturn]] void fail(std::string_view what) const;

  // Takes ownership of a geometry a GEOS constructor returned; throws if it returned null.
  GeosGeometryPtr own(GEOSGeometry* geometry) const;

 private:
  static void on_error(const char* message, void* self);

  GEOSContextHandle_t handle_;
  std::string last_error_;
};

// A GEOS MultiPolygon with the same rings as `polygon`.
GeosGeometryPtr to_geos(const GeosContext& geos, const geo::MultiPolygon& polygon);

}  // namespace wijkatlas::bench
