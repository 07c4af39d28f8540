// Writing layers (GeoPackage, GeoJSON) and tables (CSV), always through a temporary file.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <fstream>
#include <limits>

#include "detail/gpkg_bulk_rows.hpp"
#include "detail/gpkg_rtree.hpp"
#include "detail/sqlite_file.hpp"
#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/write_failure.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {
using namespace support;

OGRwkbGeometryType layer_geometry_type(const Layer& layer) {
  GeometryKind kind = GeometryKind::none;
  for (const auto& f : layer.features) {
    const GeometryKind k = kind_of(f.geometry);
    if (k == GeometryKind::none) continue;
    if (kind != GeometryKind::none && kind != k) return wkbUnknown;
    kind = k;
  }
  switch (kind) {
    case GeometryKind::none:
      return wkbNone;
    case GeometryKind::point:
      return wkbPoint;
    case GeometryKind::multipoint:
      return wkbMultiPoint;
    case GeometryKind::lines:
      return wkbMultiLineString;
    case GeometryKind::polygons:
      return wkbMultiPolygon;
  }
  return wkbUnknown;
}

void set_value(OGRFeature& f, int index, const Value& v) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          f.SetFieldNull(index);
        else if constexpr (std::is_same_v<T, std::int64_t>)
          f.SetField(index, static_cast<GIntBig>(x));
        else if constexpr (std::is_same_v<T, double>)
          f.SetField(index, x);
        else if constexpr (std::is_same_v<T, std::string>)
          f.SetField(index, x.c_str());
        else
          f.SetField(index, x.year, x.month, x.day);
      },
      v);
}

// A spatial index to add once GDAL has written the file (detail/gpkg_rtree.hpp).
struct PendingIndex {
  std::string table, column;
  std::vector<detail::IndexedBox> boxes;
};

// Rows appended once GDAL has made the table and closed the GeoPackage (a point layer or a
// generated table): straight through SQLite, many times faster than GDAL's CreateFeature.
// A point layer's spatial index (`index`, its place in the pending indexes) is filled then,
// when its fids are known.
struct PendingRows {
  detail::BulkTable table;
  std::size_t rows = 0;
  std::function<void(std::size_t, detail::BulkRow&)> row;
  std::optional<std::size_t> index;
};

// Appends a layer's rows; a point layer's index (if any) gets their boxes as they are made,
// under the fids they get.
void append_rows(const std::filesystem::path& path, const PendingRows& pending,
                 PendingIndex* index) {
  if (index != nullptr) {
    index->table = pending.table.name;
    index->column = pending.table.point_column;
    index->boxes.reserve(pending.rows);
  }
  const std::int64_t first_fid = detail::append_gpkg_rows(
      path, pending.table, pending.rows, [&](std::size_t row, detail::BulkRow& made) {
        pending.row(row, made);
        if (index != nullptr && made.point)
          index->boxes.push_back(
              detail::indexed_box(static_cast<std::int64_t>(row), Box(*made.point, *made.point)));
      });
  if (index != nullptr)
    for (detail::IndexedBox& box : index->boxes) box.id += first_fid;
}

// GDAL 3.6's GeoPackage writer binds the values of a 64-bit integer field as text (a printf
// per value, which SQLite converts back), those of a 32-bit one as integers: an integer field
// of a layer whose values are all null or integers that fit in 32 bits is written as one (so
// the declared column type, MEDIUMINT or INTEGER, follows the data; rows appended through
// SQLite bind integers either way, and keep the declared type). Readers get integers either way.
class NarrowIntegers {
 public:
  explicit NarrowIntegers(const std::vector<Field>& fields) : narrow_(fields.size()) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      narrow_[i] = fields[i].type == FieldType::integer;
  }
  // Every integer field in 64 bits.
  static NarrowIntegers none(const std::vector<Field>& fields) {
    NarrowIntegers wide(fields);
    wide.narrow_.assign(fields.size(), false);
    return wide;
  }
  void check(const std::vector<Value>& values) {
    for (std::size_t i = 0; i < narrow_.size(); ++i) {
      if (!narrow_[i] || std::holds_alternative<std::monostate>(values[i])) continue;
      // A value of another type is converted by GDAL: in 64 bits, as before.
      const auto* n = std::get_if<std::int64_t>(&values[i]);
      narrow_[i] = n != nullptr && *n >= std::numeric_limits<std::int32_t>::min() &&
                   *n <= std::numeric_limits<std::int32_t>::max();
    }
  }
  OGRFieldType type(std::size_t i, FieldType type) const {
    return narrow_[i] ? OFTInteger : ogr_field_type(type);
  }

 private:
  std::vector<bool> narrow_;
};

// The fields written (personal ones only if asked): for each, its index in `out` or -1.
std::vector<int> create_fields(OGRLayer& out, const std::vector<Field>& fields,
                               const NarrowIntegers& integers, const WriteOptions& options,
                               const std::string& target, const std::string& layer) {
  std::vector<int> field_map(fields.size(), -1);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& field = fields[i];
    if (field.personal && !options.include_personal) continue;
    OGRFieldDefn defn(field.name.c_str(), integers.type(i, field.type));
    if (out.CreateField(&defn) != OGRERR_NONE) {
      throw output_error(
          target, "cannot create field '" + field.name + "': " + last_gdal_error("?"), layer);
    }
    field_map[i] = out.GetLayerDefn()->GetFieldIndex(field.name.c_str());
  }
  return field_map;
}

// The columns of `out` the written fields went to, for rows appended through SQLite, and per
// column the field of the source rows.
void bulk_columns(OGRLayer& out, const std::vector<Field>& fields,
                  const std::vector<int>& field_map, PendingRows& pending,
                  std::vector<std::size_t>& sources) {
  pending.table.name = out.GetName();
  for (std::size_t i = 0; i < field_map.size(); ++i) {
    if (field_map[i] < 0) continue;
    pending.table.columns.push_back(
        {out.GetLayerDefn()->GetFieldDefn(field_map[i])->GetNameRef(), fields[i].type});
    sources.push_back(i);
  }
}

// `index`: collect the features' boxes for a spatial index made afterwards (GeoPackage);
// otherwise GDAL makes none. `appended`: a GeoPackage point layer whose rows may be appended
// afterwards; true if they are to be (then write_one_layer only makes the table, and the
// index's boxes come with the fids).
bool write_one_layer(GDALDataset& ds, const Layer& layer, const WriteOptions& options,
                     const std::string& target, const std::optional<Transformer>& to_output,
                     const OGRSpatialReference& srs, PendingIndex* index, PendingRows* appended) {
  const char* lco[] = {"SPATIAL_INDEX=NO", nullptr};
  OGRLayer* out = ds.CreateLayer(layer.name.c_str(), const_cast<OGRSpatialReference*>(&srs),
                                 layer_geometry_type(layer), const_cast<char**>(lco));
  if (out == nullptr)
    throw output_error(target, "cannot create layer: " + last_gdal_error("?"), layer.name);
  if (index != nullptr) {
    index->table = out->GetName();
    index->column = out->GetGeometryColumn();
    index->boxes.reserve(layer.features.size());
  }
  NarrowIntegers integers(layer.fields);
  for (const auto& feature : layer.features) integers.check(feature.values);
  const std::vector<int> field_map =
      create_fields(*out, layer.fields, integers, options, target, layer.name);
  // GDAL writes an integer field named as the fid column as the fids: left to GDAL.
  const bool fid_field = std::any_of(field_map.begin(), field_map.end(), [&](int i) {
    return i >= 0 && EQUAL(out->GetLayerDefn()->GetFieldDefn(i)->GetNameRef(), out->GetFIDColumn());
  });
  if (appended != nullptr && !fid_field) {
    assert(!to_output);  // a GeoPackage is written in RD New, as the layers hold it
    std::vector<std::size_t> sources;
    bulk_columns(*out, layer.fields, field_map, *appended, sources);
    appended->table.point_column = out->GetGeometryColumn();
    appended->rows = layer.features.size();
    appended->row = [&layer, sources = std::move(sources)](std::size_t row, detail::BulkRow& made) {
      const Feature& feature = layer.features[row];
      for (std::size_t k = 0; k < sources.size(); ++k) made.values[k] = feature.values[sources[k]];
      if (const auto* point = std::get_if<Point>(&feature.geometry)) made.point = *point;
    };
    return true;
  }
  for (const auto& feature : layer.features) {
    OgrFeature f(OGRFeature::CreateFeature(out->GetLayerDefn()));
    for (std::size_t i = 0; i < field_map.size(); ++i) {
      if (field_map[i] >= 0) set_value(*f, field_map[i], feature.values[i]);
    }
    Geometry g = feature.geometry;
    if (to_output) to_output->transform(g);
    if (auto ogr = to_ogr(g)) f->SetGeometryDirectly(ogr.release());
    if (out->CreateFeature(f.get()) != OGRERR_NONE) {
      throw output_error(
          target,
          "cannot write feature " + std::to_string(feature.fid) + ": " + last_gdal_error("?"),
          layer.name);
    }
    if (index != nullptr && !is_empty(g))
      index->boxes.push_back(detail::indexed_box(f->GetFID(), envelope(g)));
  }
  return false;
}

// Rows made as they are written: millions of them cost neither a feature each in memory nor an
// allocation each. GDAL makes the table and its fields; a GeoPackage gets its rows afterwards,
// straight through SQLite (`appended`), other formats through GDAL, into one feature object.
// Integer fields stay 64-bit unless the table asks to narrow them (NarrowIntegers then makes
// every row twice).
void write_generated_table(GDALDataset& ds, const WriteOptions::GeneratedTable& table,
                           const WriteOptions& options, const std::string& target,
                           const std::optional<Transformer>& to_output,
                           const OGRSpatialReference& srs, PendingRows* appended) {
  const bool points = static_cast<bool>(table.point);
  const char* lco[] = {"SPATIAL_INDEX=NO", nullptr};
  OGRLayer* out =
      ds.CreateLayer(table.name.c_str(), points ? const_cast<OGRSpatialReference*>(&srs) : nullptr,
                     points ? wkbPoint : wkbNone, const_cast<char**>(lco));
  if (out == nullptr)
    throw output_error(target, "cannot create table: " + last_gdal_error("?"), table.name);
  NarrowIntegers integers = NarrowIntegers::none(table.fields);
  const bool any_integer = std::any_of(table.fields.begin(), table.fields.end(),
                                       [](const Field& f) { return f.type == FieldType::integer; });
  if (table.narrow_integers && any_integer) {
    integers = NarrowIntegers(table.fields);
    std::vector<Value> values(table.fields.size());
    for (std::size_t row = 0; row < table.rows; ++row) {
      table.row(row, values);
      integers.check(values);
    }
  }
  const std::vector<int> field_map =
      create_fields(*out, table.fields, integers, options, target, table.name);
  if (appended != nullptr) {
    assert(!to_output);  // a GeoPackage is written in RD New
    std::vector<std::size_t> sources;
    bulk_columns(*out, table.fields, field_map, *appended, sources);
    appended->rows = table.rows;
    if (points) appended->table.point_column = out->GetGeometryColumn();
    appended->row = [&table, points, sources = std::move(sources),
                     all = std::vector<Value>(table.fields.size())](std::size_t row,
                                                                    detail::BulkRow& made) mutable {
      table.row(row, all);
      for (std::size_t k = 0; k < sources.size(); ++k) made.values[k] = std::move(all[sources[k]]);
      if (points) made.point = table.point(row);
    };
    return;
  }
  std::vector<Value> values(table.fields.size());
  OgrFeature f(OGRFeature::CreateFeature(out->GetLayerDefn()));
  for (std::size_t row = 0; row < table.rows; ++row) {
    table.row(row, values);
    for (std::size_t i = 0; i < field_map.size(); ++i) {
      if (field_map[i] >= 0) set_value(*f, field_map[i], values[i]);
    }
    if (points) {
      Geometry g;
      if (const std::optional<Point> p = table.point(row)) g = *p;
      if (to_output) to_output->transform(g);
      f->SetGeometryDirectly(to_ogr(g).release());
    }
    f->SetFID(OGRNullFID);
    if (out->CreateFeature(f.get()) != OGRERR_NONE) {
      throw output_error(
          target, "cannot write row " + std::to_string(row + 1) + ": " + last_gdal_error("?"),
          table.name);
    }
  }
}

// What went wrong, without the file name an io_error starts with: it may be the temporary one.
std::string what_went_wrong(const io_error& e) {
  std::string text = e.what();
  if (text.starts_with(e.path())) {
    if (const auto colon = text.find(": ", e.path().size()); colon != std::string::npos)
      text.erase(0, colon + 2);
  }
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

VectorFormat format_for_path(const std::filesystem::path& path) {
  const std::string ext = to_lower_ascii(path.extension().string());
  if (ext == ".gpkg") return VectorFormat::geopackage;
  if (ext == ".geojson" || ext == ".json") return VectorFormat::geojson;
  throw usage_error(path.string() + ": unknown output format '" + ext +
                    "' (use .gpkg for GeoPackage or .geojson for GeoJSON)");
}

namespace {

// A view registered in gpkg_contents and gpkg_geometry_columns, so that GDAL and QGIS list it
// as a layer.
void add_view(GDALDataset& ds, const WriteOptions::View& view, std::span<const Layer* const> layers,
              const WriteOptions& options, const std::string& target) {
  std::optional<OGRwkbGeometryType> source_type;
  for (const Layer* l : layers) {
    if (l->name == view.of_layer) source_type = layer_geometry_type(*l);
  }
  for (const auto& table : options.tables) {
    if (table.name == view.of_layer && table.point) source_type = wkbPoint;
  }
  if (!source_type)
    throw usage_error(target + ": view " + view.name + " of unknown layer " + view.of_layer);
  const OGRwkbGeometryType type = *source_type;
  const std::string name = detail::sql_literal(view.name),
                    table = detail::sql_identifier(view.of_layer);
  const std::string statements[] = {
      "CREATE VIEW " + detail::sql_identifier(view.name) + " AS SELECT * FROM " + table +
          " WHERE " + view.where,
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (" + name +
          ", 'features', " + name + ", 28992)",
      "INSERT INTO gpkg_geometry_columns VALUES (" + name + ", 'geom', '" +
          (type == wkbUnknown ? std::string("GEOMETRY") : std::string(OGRToOGCGeomType(type))) +
          "', 28992, 0, 0)"};
  for (const auto& sql : statements) {
    CPLErrorReset();
    ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw output_error(target, "cannot create view " + view.name + ": " + last_gdal_error("?"));
    }
  }
}

}  // namespace

bool gets_spatial_index(const Layer& layer, const WriteOptions& options) {
  const auto type = layer_geometry_type(layer);
  const bool points = type == wkbPoint || type == wkbMultiPoint;
  return type != wkbNone && (!points || layer.features.size() <= options.max_indexed_points);
}

bool gets_spatial_index(const WriteOptions::GeneratedTable& table, const WriteOptions& options) {
  return table.point && table.rows <= options.max_indexed_points;
}

namespace {

void write_layers_to(const AtomicFile& file, VectorFormat format,
                     std::span<const Layer* const> layers, const WriteOptions& options) {
  const std::filesystem::path& path = file.target_path();
  // The temporary file is thrown away if anything fails, so SQLite need not journal or sync;
  // a larger page cache keeps index pages in memory. (Values are GDAL's: MB and pragmas.)
  const ScopedConfig no_sync("OGR_SQLITE_SYNCHRONOUS", "OFF");
  const ScopedConfig no_journal("OGR_SQLITE_JOURNAL", "OFF");
  const ScopedConfig cache("OGR_SQLITE_CACHE", "256");
  // Our creation options are fixed here; checking them made GDAL read its tile matrix set
  // files from disk on every new GeoPackage.
  const ScopedConfig no_option_check("GDAL_VALIDATE_CREATION_OPTIONS", "NO");
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(
      format == VectorFormat::geopackage ? "GPKG" : "GeoJSON");
  std::vector<PendingIndex> indexes;
  std::vector<PendingRows> appended;
  {
    GdalDataset ds(driver->Create(file.temporary_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(path.string(), "cannot create: " + last_gdal_error("GDAL refused"));
    OGRSpatialReference srs;
    std::optional<Transformer> to_output;
    if (format == VectorFormat::geojson) {
      srs.importFromEPSG(4326);  // RFC 7946
      to_output.emplace(rd_new, wgs84);
    } else {
      srs.importFromEPSG(28992);
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // One transaction per dataset: fast, and nothing half-written if a feature fails.
    // Spatial indexes are packed afterwards, in one go each, instead of one R*Tree insert per
    // feature (GDAL 3.6 would spend ~5 µs a feature on it).
    const bool transactional = ds->StartTransaction() == OGRERR_NONE;
    for (const Layer* layer : layers) {
      const bool indexed =
          format == VectorFormat::geopackage && gets_spatial_index(*layer, options);
      if (indexed) indexes.emplace_back();
      // Point layers get their rows afterwards, straight through SQLite; the others (a few
      // thousand areas at most) through GDAL, which writes their geometries.
      const bool points =
          format == VectorFormat::geopackage && layer_geometry_type(*layer) == wkbPoint;
      PendingRows rows;
      if (write_one_layer(*ds, *layer, options, path.string(), to_output, srs,
                          indexed ? &indexes.back() : nullptr, points ? &rows : nullptr)) {
        if (indexed) rows.index = indexes.size() - 1;
        appended.push_back(std::move(rows));
      }
    }
    for (const auto& table : options.tables) {
      const bool geopackage = format == VectorFormat::geopackage;
      PendingRows rows;
      write_generated_table(*ds, table, options, path.string(), to_output, srs,
                            geopackage ? &rows : nullptr);
      if (!geopackage) continue;
      if (gets_spatial_index(table, options)) {
        indexes.emplace_back();
        rows.index = indexes.size() - 1;
      }
      appended.push_back(std::move(rows));
    }
    if (transactional && ds->CommitTransaction() != OGRERR_NONE) {
      throw output_error(path.string(), "cannot commit: " + last_gdal_error("GDAL refused"));
    }
    // Views after the commit: GDAL 3.6 would build a large R*Tree in a background thread in an
    // attached temporary database, which cannot be detached inside our transaction ("database
    // is locked"); GDAL builds none here now, but a view needs no transaction. Atomicity does
    // not suffer: all of this is still the temporary file.
    for (const auto& view : options.views) add_view(*ds, view, layers, options, path.string());
    CPLErrorReset();
    ds.reset();  // closing flushes; GDAL 3.6 reports failures only through CPLError
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw output_error(path.string(), "cannot finish writing: " + last_gdal_error("?"));
    }
    for (const PendingRows& pending : appended)
      append_rows(file.temporary_path(), pending,
                  pending.index ? &indexes[*pending.index] : nullptr);
    for (PendingIndex& index : indexes) {
      detail::add_gpkg_spatial_index(file.temporary_path(), index.table, index.column,
                                     std::move(index.boxes));
    }
  }
}

}  // namespace

void write_layers(const std::filesystem::path& path, std::span<const Layer* const> layers,
                  const WriteOptions& options) {
  const VectorFormat format = format_for_path(path);
  if (format == VectorFormat::geojson && layers.size() + options.tables.size() != 1) {
    throw usage_error(path.string() + ": GeoJSON holds one layer; write " +
                      std::to_string(layers.size() + options.tables.size()) +
                      " layers to a .gpkg instead");
  }
  ensure_gdal_registered();
  QuietGdalErrors quiet;
  AtomicFile file(path);
  try {
    write_layers_to(file, format, layers, options);
  } catch (const output_error& e) {
    // GDAL and SQLite lose errno: "disk I/O error", "database disk image is malformed" and
    // the statement that failed say nothing to a user whose disk is full.
    throw output_error(
        path.string(),
        could_not_write(write_failure_reason(file.temporary_path(), what_went_wrong(e))),
        e.layer());
  }
  file.commit();
}

void write_csv(const std::filesystem::path& path, const Table& table) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temporary_path(), std::ios::binary);
    if (!out) throw output_error(path.string(), "cannot create the file");
    for (std::size_t i = 0; i < table.columns.size(); ++i)
      out << (i ? "," : "") << csv_field(table.columns[i]);
    out << "\n";
    for (const auto& row : table.rows) {
      for (std::size_t i = 0; i < row.size(); ++i)
        out << (i ? "," : "") << csv_field(to_text(row[i]));
      out << "\n";
    }
    out.flush();
    if (!out) {
      const int failure = errno;  // what the failed write(2) of the stream left
      throw output_error(path.string(), could_not_write(write_failure_reason(failure)));
    }
  }
  file.commit();
}

}  // namespace wijkatlas::geo
