#pragma once
// Reading and writing vector data through GDAL/OGR. Every reader returns a Layer in RD New;
// every writer writes to a temporary file next to the target and renames it, so an output
// appears whole or not at all.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

// How repaired polygons are reported: one warning each (the user's own data), or one warning
// for all of them (a third-party extract such as OpenStreetMap, where each one is noise).
enum class RepairReport { each, summary };

struct ReadOptions {
  std::string layer;                // empty: the dataset's only layer (an error if it has several)
  std::string assign_crs;           // CRS of a source that has none (CSV, shapefile without .prj)
  std::vector<std::string> fields;  // keep only these attribute fields; empty keeps all
  std::string where;                // OGR SQL attribute filter, e.g. "gemeentecode = 'GM0202'"
  bool allow_empty = false;         // an empty layer is an error unless allowed
  bool require_geometry = true;     // every feature must have a geometry
  bool repair_invalid = true;       // invalid polygons: repair with a warning (else error)
  RepairReport repairs = RepairReport::each;
  bool infer_types = true;  // CSV: detect integer/real/date columns (else all text)
  // Keep only features whose bounding box meets this box (RD New). Passed to OGR as a
  // spatial filter, so a GeoPackage reads only what its index finds.
  std::optional<Box> bbox;
};

// Reads one layer: GeoPackage, GeoJSON, Shapefile, FlatGeobuf, OSM PBF (layers points,
// lines, multipolygons...), CSV with lon/lat, x/y or WKT columns, and anything else OGR opens.
// Throws io_error (cannot open), crs_error (unknown CRS), data_error (bad value, feature or
// line named).
Layer read_layer(const std::filesystem::path& path, const ReadOptions& options, Reporter& reporter);

// read_layer in batches of at most `batch` features, each checked, transformed and repaired as
// read_layer does, handed to `sink` (which may take the features): memory does not grow with
// the layer. Returns the layer's name, source and fields, without features. CSV sources come
// as one batch.
Layer read_layer_batches(const std::filesystem::path& path, const ReadOptions& options,
                         Reporter& reporter, std::size_t batch,
                         const std::function<void(Layer&)>& sink);

struct LayerSummary {
  std::string name;
  std::string geometry_type;
  std::int64_t feature_count = 0;
  std::string crs;            // "EPSG:28992", or the CRS name, or "" when none
  std::optional<Box> extent;  // in the layer's own CRS
  std::vector<Field> fields;
};

struct DatasetSummary {
  std::string path;
  std::string driver;
  std::vector<LayerSummary> layers;
};

// `structure`: only the layers' names, geometry types and fields (feature_count -1, no CRS,
// no extent), which is what a reader needs to know which layers and columns there are; the
// rest may read every feature or parse a CRS (a tenth of a small join's time).
enum class DescribeDetail { full, structure };
DatasetSummary describe_dataset(const std::filesystem::path& path,
                                DescribeDetail detail = DescribeDetail::full);

// Names of the layers in a dataset (cheap; does not read features).
std::vector<std::string> layer_names(const std::filesystem::path& path);

enum class VectorFormat { geopackage, geojson };

// The format implied by the file name (.gpkg, .geojson/.json); throws usage_error otherwise.
VectorFormat format_for_path(const std::filesystem::path& path);

struct WriteOptions {
  bool include_personal = false;  // write fields marked personal (contact details)
  // GeoPackage point layers larger than this get no spatial index (polygon and line layers
  // always get one). The index is packed in one go (about 0.5 s per million points), not
  // built one insert at a time as SQLite would (12 s per million random points with GDAL 3.6).
  std::size_t max_indexed_points = std::numeric_limits<std::size_t>::max();
  // GeoPackage views: layers that are a query on a written layer, so the data is not copied
  // (e.g. the points outside every buurt: the joined points without a buurtcode).
  struct View {
    std::string name;
    std::string of_layer;
    std::string where;  // SQL condition on of_layer's fields
  };
  std::vector<View> views;
  // Tables without geometry whose rows are made as they are written, so that millions of rows
  // need not be held as features first (the joined points' codes). Written after the layers.
  struct GeneratedTable {
    std::string name;
    std::vector<Field> fields;
    std::size_t rows = 0;
    // Fills `values` (one per field, in order) for row `row` (0 .. rows - 1), in order: once
    // per row (twice with narrow_integers, if an integer field exists).
    std::function<void(std::size_t row, std::vector<Value>& values)> row;
    // Integer fields whose values all fit in 32 bits are written as 32-bit integers, as a
    // layer's are, after a first pass over the rows; otherwise every integer field is 64-bit.
    bool narrow_integers = false;
    // Set: a point layer in RD New rather than a plain table, with each row's point (none: no
    // geometry), called once per row after `row`; indexed as a point layer of as many
    // features would be, and a view may be made on it.
    std::function<std::optional<Point>(std::size_t row)> point;
  };
  std::vector<GeneratedTable> tables;
};

// Whether write_layers gives this layer, or generated point layer, a GeoPackage spatial index.
bool gets_spatial_index(const Layer& layer, const WriteOptions& options);
bool gets_spatial_index(const WriteOptions::GeneratedTable& table, const WriteOptions& options);

// Writes layers into one new dataset (GeoPackage: one table each; GeoJSON: exactly one
// layer, written in WGS84 as RFC 7946 asks). Replaces `path` atomically.
void write_layers(const std::filesystem::path& path, std::span<const Layer* const> layers,
                  const WriteOptions& options = {});

// A plain table written as UTF-8 CSV (RFC 4180 quoting), atomically.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};
void write_csv(const std::filesystem::path& path, const Table& table);

}  // namespace wijkatlas::geo
