#include "wijkatlas/support/free_memory.hpp"

#include <dlfcn.h>

#include <cstddef>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wijkatlas::support {

void return_free_memory() noexcept {
  // jemalloc is asked by name, so that the libraries need not link it: present only in the
  // programs linked with it. "arena.4096" is MALLCTL_ARENAS_ALL.
  using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);
  static const auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
  if (mallctl != nullptr) mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace wijkatlas::support
