#include "geos_handles.hpp"

#include <new>
#include <stdexcept>
#include <vector>

namespace wijkatlas::bench {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  if (handle_ == nullptr) throw std::bad_alloc();
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) {
  static_cast<GeosContext*>(self)->last_error_ = message;
}

void GeosContext::fail(std::string_view what) const {
  std::string message(what);
  if (!last_error_.empty()) message += ": " + last_error_;
  throw std::runtime_error(message);
}

GeosGeometryPtr GeosContext::own(GEOSGeometry* geometry) const {
  if (geometry == nullptr) fail("GEOS could not create a geometry");
  return GeosGeometryPtr(geometry, GeosGeometryDeleter{handle_});
}

namespace {

GeosGeometryPtr to_ring(const GeosContext& geos, const geo::Ring& ring) {
  std::vector<double> xy;
  xy.reserve(2 * ring.size());
  for (const geo::Point& p : ring) {
    xy.push_back(p.x());
    xy.push_back(p.y());
  }
  GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
      geos.get(), xy.data(), static_cast<unsigned>(ring.size()), 0, 0);
  if (sequence == nullptr) geos.fail("cannot create a coordinate sequence");
  // GEOSGeom_createLinearRing_r takes the sequence, even when it fails.
  return geos.own(GEOSGeom_createLinearRing_r(geos.get(), sequence));
}

}  // namespace

GeosGeometryPtr to_geos(const GeosContext& geos, const geo::MultiPolygon& polygon) {
  // GEOS collection constructors take ownership of their parts: release them at that call.
  auto release_all = [](std::vector<GeosGeometryPtr>& owned) {
    std::vector<GEOSGeometry*> raw;
    for (GeosGeometryPtr& g : owned) raw.push_back(g.release());
    return raw;
  };
  std::vector<GeosGeometryPtr> parts;
  for (const geo::Polygon& part : polygon) {
    GeosGeometryPtr shell = to_ring(geos, part.outer());
    std::vector<GeosGeometryPtr> holes;
    for (const geo::Ring& inner : part.inners()) holes.push_back(to_ring(geos, inner));
    std::vector<GEOSGeometry*> raw_holes = release_all(holes);
    parts.push_back(geos.own(GEOSGeom_createPolygon_r(geos.get(), shell.release(),
                                                      raw_holes.data(),
                                                      static_cast<unsigned>(raw_holes.size()))));
  }
  // A single polygon stays a Polygon, as GDAL's exportToGEOS would give it to a GEOS user.
  if (parts.size() == 1) return std::move(parts.front());
  std::vector<GEOSGeometry*> raw_parts = release_all(parts);
  return geos.own(GEOSGeom_createCollection_r(geos.get(), GEOS_MULTIPOLYGON, raw_parts.data(),
                                              static_cast<unsigned>(raw_parts.size())));
}

}  // namespace wijkatlas::bench
