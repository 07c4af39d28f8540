# The point locator of `wijkatlas join` (issues 2 and 16), included by geo/CMakeLists.txt.
target_sources(wijkatlas_geo PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/banded_polygons.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cell_grid.cpp
)
