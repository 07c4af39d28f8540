#pragma once
// Rows appended to a GeoPackage table straight through SQLite: many rows per prepared insert,
// in one transaction. GDAL 3.6's CreateFeature builds an OGRFeature, checks the layer's
// capabilities and formats 64-bit integers as text for every row; this is about ten times as
// fast. For the tables of millions of rows (generated tables, point layers) once GDAL has made
// them. (A point layer with a field named as its fid column is left to GDAL, which writes that
// field's values as the fids.)
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::geo::detail {

struct BulkColumn {
  std::string name;
  FieldType type;
};

// A table made by GDAL, and closed: no one else has the file open.
struct BulkTable {
  std::string name;
  std::vector<BulkColumn> columns;  // the columns the values go to
  std::string point_column;         // "": none; else points, as GeoPackage geometry blobs
};

// One row: a value per column (converted to the column's type as GDAL would, see
// as_column_type), and its point (none: NULL).
struct BulkRow {
  std::vector<Value> values;
  std::optional<Point> point;
};

// Appends `rows` rows made by `row(i, out)` to `table` in the GeoPackage at `path`, with fids
// counting up from the first it returns. GDAL's feature count (gpkg_ogr_contents) and the
// extent of the points (gpkg_contents) are kept right; GDAL's counting trigger stays as GDAL
// made it. Throws output_error; whatever `row` throws passes through.
std::int64_t append_gpkg_rows(const std::filesystem::path& path, const BulkTable& table,
                              std::size_t rows,
                              const std::function<void(std::size_t, BulkRow&)>& row);

}  // namespace wijkatlas::geo::detail
