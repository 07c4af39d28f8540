# The overlap engine (issue 5), included by geo/CMakeLists.txt.
target_sources(wijkatlas_geo PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dissolve.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sheet_index.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tiling.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tile_overlay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tile_noding.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tile_arrangement.cpp
  ${CMAKE_CURRENT_LIST_DIR}/merge_faces.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exact.cpp
)
target_sources(wijkatlas_geo PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/grid_spec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/count_grid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/count_sketch_grid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/write_geotiff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grid_regions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/density.cpp
  ${CMAKE_CURRENT_LIST_DIR}/choose_method.cpp
)
# Residents' sketches per buurt and per programme wijk (issue 5, wijkatlas overlap --per-buurt).
target_sources(wijkatlas_geo PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/per_area.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rank_correlation.cpp
)
