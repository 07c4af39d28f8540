# Warning flags for our own targets only; never installed, never applied to dependencies.
add_library(wijkatlas_warnings INTERFACE)
target_compile_options(wijkatlas_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 false positives inside libstdc++ string concatenation and Boost.Geometry boxes
  # (clang, used for the fuzz targets, knows neither flag).
  target_compile_options(wijkatlas_warnings INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()
if(WIJKATLAS_WERROR)
  target_compile_options(wijkatlas_warnings INTERFACE -Werror)
endif()
