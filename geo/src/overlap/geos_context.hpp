#pragma once
// The overlap code's GEOS context: one per thread, as GEOS asks, reused by every call on it.
#include "wijkatlas/support/geos_handles.hpp"

namespace wijkatlas::geo::overlap_detail {

inline support::GeosContext& geos_context() {
  thread_local support::GeosContext ctx;
  return ctx;
}

}  // namespace wijkatlas::geo::overlap_detail
