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
  }
  return OFTString;
}

}  // namespace

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
  for (const schema::Column& c : table.columns) {
    OGRFieldDefn defn(c.name, ogr_type(c.type));
    if (c.type == schema::Type::boolean) defn.SetSubType(OFSTBoolean);
    // Only the row's own id: target_uuid may be empty (changes logged before format 4).
    if (std::string_view(c.name) == "uuid" && backend.typed_uuids()) defn.SetSubType(OFSTUUID);
    if (layer->CreateField(&defn) != OGRERR_NONE) {
      raise(ErrorKind::write_failed, backend.location(),
            "cannot create field '" + std::string(c.name) + "' of table '" + name +
                "': " + support::last_gdal_error("GDAL gave no reason"));
    }
  }
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
