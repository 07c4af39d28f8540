# The allocator of the programs (wijkatlas and the join benchmarks): jemalloc with transparent
# huge pages (support/allocator/jemalloc_conf.cpp). Off under the sanitizers, which bring their
# own allocator; WIJKATLAS_JEMALLOC=OFF builds with glibc's malloc.
set(_wijkatlas_sanitized OFF)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  set(_wijkatlas_sanitized ON)
endif()
if(_wijkatlas_sanitized)
  option(WIJKATLAS_JEMALLOC "Link the programs with jemalloc (libjemalloc-dev)" OFF)
else()
  option(WIJKATLAS_JEMALLOC "Link the programs with jemalloc (libjemalloc-dev)" ON)
endif()

add_library(wijkatlas_allocator INTERFACE)
if(WIJKATLAS_JEMALLOC)
  pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
  if(NOT JEMALLOC_FOUND)
    message(FATAL_ERROR "jemalloc not found: run scripts/install-deps.sh (libjemalloc-dev), "
                        "or configure with -DWIJKATLAS_JEMALLOC=OFF")
  endif()
  # The configuration symbol must be in the program itself: compiled into each one.
  target_sources(wijkatlas_allocator INTERFACE
                 ${CMAKE_SOURCE_DIR}/support/allocator/jemalloc_conf.cpp)
  target_link_libraries(wijkatlas_allocator INTERFACE PkgConfig::JEMALLOC)
endif()
