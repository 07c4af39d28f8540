#pragma once
// RAII for the GEOS C API (the only stable GEOS API). One GeosContext per thread; geometries
// remember the context that made them because GEOS needs it to free them.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <memory>
#include <string>

namespace wijkatlas::support {

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const noexcept { return handle_; }
  // The last error GEOS reported through its message handler, cleared by take_error().
  std::string take_error();

 private:
  GEOSContextHandle_t handle_;
  std::string last_error_;
};

struct GeosGeometryDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSGeometry* g) const noexcept {
    if (g != nullptr) GEOSGeom_destroy_r(context, g);
  }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

struct GeosPreparedDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const noexcept {
    if (g != nullptr) GEOSPreparedGeom_destroy_r(context, g);
  }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosFreeDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(void* p) const noexcept {
    if (p != nullptr) GEOSFree_r(context, p);
  }
};
using GeosStringPtr = std::unique_ptr<char, GeosFreeDeleter>;

struct GeosTreeDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSSTRtree* tree) const noexcept {
    if (tree != nullptr) GEOSSTRtree_destroy_r(context, tree);
  }
};
using GeosTreePtr = std::unique_ptr<GEOSSTRtree, GeosTreeDeleter>;

// Wraps a freshly returned GEOS geometry; throws geometry_error with GEOS's own message when
// GEOS returned null. `what` names the operation and the feature for the message.
GeosGeometryPtr take_geos(GeosContext& ctx, GEOSGeometry* g, const std::string& what);

}  // namespace wijkatlas::support
