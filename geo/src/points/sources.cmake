# Streaming point reading (issue 16), included by geo/CMakeLists.txt.
target_sources(wijkatlas_geo PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/arrow_column.cpp
  ${CMAKE_CURRENT_LIST_DIR}/arrow_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_records.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layer_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reader_state.cpp
)
