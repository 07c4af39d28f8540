#pragma once
// A GeoPackage spatial index (the R*Tree of SQLite's rtree module, with the GeoPackage
// triggers) built in one go for a table written without one. SQLite builds its R*Tree one
// insert at a time, about 5 µs a feature; packing the nodes directly (Sort-Tile-Recursive)
// and writing the rtree module's own tables costs a fraction of that, as GDAL 3.8 does for
// large layers. The result is the index GDAL 3.6 would have made: same tables, triggers and
// extension entry, each box rounded outwards to 32-bit floats as the rtree module rounds.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::detail {

// A feature's box as the index stores it: 32-bit floats rounded outwards, 24 bytes (ten million
// points' boxes are collected before the index is packed).
struct IndexedBox {
  std::int64_t id;  // the feature's fid (within the index: a node's number)
  float minx, maxx, miny, maxy;
};
IndexedBox indexed_box(std::int64_t fid, const Box& box);

// Adds the spatial index of `table`.`geometry_column` (which must have none) to the
// GeoPackage at `path`, a file no one else has open, from the boxes of its features (taken:
// the index is packed in their memory). Throws output_error.
void add_gpkg_spatial_index(const std::filesystem::path& path, const std::string& table,
                            const std::string& geometry_column, std::vector<IndexedBox> boxes);

}  // namespace wijkatlas::geo::detail
