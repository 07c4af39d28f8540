#pragma once
// RAII for PROJ: a context per transformer (PROJ contexts are not thread-safe) and PJ objects.
#include <proj.h>

#include <memory>

namespace wijkatlas::support {

struct ProjContextDeleter {
  void operator()(PJ_CONTEXT* c) const noexcept { proj_context_destroy(c); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;

struct ProjDeleter {
  void operator()(PJ* p) const noexcept { proj_destroy(p); }
};
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

}  // namespace wijkatlas::support
