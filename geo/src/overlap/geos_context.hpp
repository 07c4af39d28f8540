#pragma once
// The overlap code's GEOS context: one per thread, as GEOS asks, reused by every call on it.
#include "detail/geos_handles.hpp"

namespace wijkatlas::geo::overlap_detail {

inline detail::GeosContext& geos_context() {
  thread_local detail::GeosContext ctx;
  return ctx;
}

}  // namespace wijkatlas::geo::overlap_detail
