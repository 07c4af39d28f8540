#include "wijkatlas/support/geos_handles.hpp"

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::support {
namespace {
// GEOS hands the _r message handlers an already formatted message.
void store_message(const char* message, void* userdata) {
  *static_cast<std::string*>(userdata) = message != nullptr ? message : "";
}
void ignore_notice(const char*, void*) {}
}  // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  if (handle_ == nullptr) throw error("GEOS could not create a context (out of memory?)");
  GEOSContext_setErrorMessageHandler_r(handle_, store_message, &last_error_);
  GEOSContext_setNoticeMessageHandler_r(handle_, ignore_notice, nullptr);
}

GeosContext::~GeosContext() {
  GEOS_finish_r(handle_);
}

std::string GeosContext::take_error() {
  std::string message = std::move(last_error_);
  last_error_.clear();
  return message.empty() ? "GEOS reported no reason" : message;
}

GeosGeometryPtr take_geos(GeosContext& ctx, GEOSGeometry* g, const std::string& what) {
  if (g == nullptr) throw geometry_error(what, ctx.take_error());
  return GeosGeometryPtr(g, GeosGeometryDeleter{ctx.get()});
}

}  // namespace wijkatlas::support
