#include "schema_build.hpp"

#include <ogr_spatialref.h>

#include "rows.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store::detail {
namespace {

OGRwkbGeometryType ogr_shape(schema::Shape shape) {
  switch (shape) {
    case schema::Shape::none:
      return wkbNone;
    case schema::Shape::polygon:
      return wkbPolygon;
    case schema::Shape::multipolygon:
      return wkbMultiPolygon;
    case schema::Shape::any:
      return wkbUnknown;
    case schema::Shape::point:
      return wkbPoint;
  }
  return wkbUnknown;
}

OGRFieldType ogr_type(schema::Type type) {
  switch (type) {
    case schema::Type::text:
      return OFTString;
    case schema::Type::integer:
    case schema::Type::boolean:
      return OFTInteger;
    case schema::Type::real:
      return OFTReal;
    case schema::Type::datetime:
      return OFTDateTime;
    case schema::Type::blob:
      return OFTBinary;
    case schema::Type::date:
      return OFTDate;
  }
  return OFTString;
}

}  // namespace

void add_column(Backend& backend, OGRLayer& layer, const schema::Column& c,
                const std::string& table) {
  OGRFieldDefn defn(c.name, ogr_type(c.type));
  if (c.type == schema::Type::boolean) defn.SetSubType(OFSTBoolean);
  // Only the row's own id: target_uuid may be empty (changes logged before format 4).
  if (std::string_view(c.name) == "uuid" && backend.typed_uuids()) defn.SetSubType(OFSTUUID);
  CPLErrorReset();
  if (layer.CreateField(&defn) != OGRERR_NONE) {
    raise(ErrorKind::write_failed, backend.location(),
          "cannot create field '" + std::string(c.name) + "' of table '" + table +
              "': " + support::last_gdal_error("GDAL gave no reason"));
  }
}

void add_new_columns(Backend& backend, const schema::Table& table, int from) {
  OGRLayer* layer = backend.dataset().GetLayerByName(table.name);
  if (layer == nullptr)
    raise(ErrorKind::write_failed, backend.location(),
          "the store has no table '" + std::string(table.name) + "'");
  for (const schema::Column& c : table.columns) {
    if (c.since <= from) continue;
    if (layer->GetLayerDefn()->GetFieldIndex(c.name) >= 0) {
      raise(ErrorKind::write_failed, backend.location(),
            "table '" + std::string(table.name) + "' has a column '" + c.name +
                "' already (made by another program?)");
    }
    add_column(backend, *layer, c, table.name);
  }
}

void fill_new_columns(Backend& backend, const schema::Table& table, int from) {
  for (const schema::Column& c : table.columns) {
    if (c.since <= from) continue;
    const std::string set = "UPDATE \"" + std::string(table.name) + "\" SET \"" + c.name + "\" = ";
    if (c.fill == schema::Fill::one) backend.execute(set + "1");
    if (c.fill_from != nullptr) backend.execute(set + "\"" + c.fill_from + "\"");
  }
}

OGRLayer& create_table(Backend& backend, const schema::Table& table, const std::string& name) {
  const bool has_geometry = table.geometry != schema::Shape::none;
  OGRSpatialReference rd;
  rd.importFromEPSG(28992);
  rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const std::vector<std::string> options = backend.table_options(has_geometry);
  std::vector<const char*> c_options;
  for (const std::string& o : options) c_options.push_back(o.c_str());
  c_options.push_back(nullptr);
  CPLErrorReset();
  OGRLayer* layer = backend.dataset().CreateLayer(name.c_str(), has_geometry ? &rd : nullptr,
                                                  ogr_shape(table.geometry),
                                                  const_cast<char**>(c_options.data()));
  if (layer == nullptr) {
    raise(ErrorKind::write_failed, backend.location(),
          "cannot create table '" + name + "': " + support::last_gdal_error("GDAL gave no reason"));
  }
  for (const schema::Column& c : table.columns) add_column(backend, *layer, c, name);
  // GDAL creates a new table when it is first used: now, inside the caller's transaction.
  if (layer->SyncToDisk() != OGRERR_NONE) backend.fail("cannot create table '" + name + "'");
  return *layer;
}

void create_unique_indexes(Backend& backend, const schema::Table& table, const std::string& name) {
  for (const char* column : table.unique) {
    backend.execute("CREATE UNIQUE INDEX \"" + std::string(table.name) + "_" + column +
                    "_unique\" ON \"" + name + "\" (\"" + column + "\")");
  }
}

void create_schema(Backend& backend, const std::string& project) {
  for (const schema::Table& t : schema::tables()) {
    create_table(backend, t, t.name);
    create_unique_indexes(backend, t, t.name);
  }
  Rows meta(backend, schema::project::table);
  for (const auto& [key, value] :
       {std::pair<const char*, std::string>{schema::project::key_project, project},
        {schema::project::key_uuid, new_uuid()},
        {schema::project::key_format, std::to_string(format_version)},
        {schema::project::key_created_at, utc_now()}}) {
    OGRFeatureUniquePtr row = meta.new_row();
    row->SetField(schema::project::key, key);
    row->SetField(schema::project::value, value.c_str());
    meta.insert(*row, "the project's " + std::string(key));
  }
}

}  // namespace wijkatlas::store::detail
