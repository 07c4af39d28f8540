// Stores of formats 1 to 4 become the current format in place, in one transaction, from the
// schema description: a table the older format lacked is created; a table whose columns changed
// is set aside, made anew under its current name and filled from the old one (renamed columns
// by their former names, timestamps as date-time fields, new uuids, sketch numbers from the
// row ids), then the old one is dropped; a table that only gained columns at its end gets them
// in place (format 5's bookkeeping). Afterwards the store is exactly what a new store is, or
// (on any failure) untouched.
#include <string>

#include "gpkg_backend.hpp"
#include "schema_build.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store::detail {
namespace {

// A version 4 UUID for every row, in SQLite's SQL.
constexpr const char* sqlite_uuid =
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), "
    "2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || "
    "hex(randomblob(6)))";

// Why the upgrade stopped; becomes upgrade_failed with the formats named.
struct UpgradeStop {
  std::string reason;
};

std::string identifier(const std::string& name) {
  return "\"" + name + "\"";
}

bool has_table(Backend& b, const char* name) {
  return b.query(
              "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name) = "
              "lower(" +
              sql_literal(name) + ")")
             .size() > 0;
}

int stored_format(Backend& b) {
  const auto value = b.query("SELECT value FROM wijkatlas_project WHERE key = 'format_version'");
  return value.empty() || !value.front() ? 0 : std::stoi(*value.front());
}

// The SQL that gives column `c` of the new table from the old table of format `from`.
std::string copied(const schema::Column& c, int from) {
  if (c.since > from) {
    switch (c.fill) {
      case schema::Fill::null:
        return "NULL";
      case schema::Fill::new_uuid:
        return sqlite_uuid;
      case schema::Fill::fid:
        return identifier(schema::fid);
      case schema::Fill::one:
        return "1";
    }
  }
  const std::string old = identifier(c.former != nullptr && from < 4 ? c.former : c.name);
  // Formats 1 to 3 kept times as text ("2026-11-23T18:10:00Z", "" for none).
  if (c.type == schema::Type::datetime && from < 4)
    return "strftime('%Y-%m-%dT%H:%M:%fZ', NULLIF(" + old + ", ''))";
  return old;
}

void rebuild(GeoPackageBackend& b, const schema::Table& t, int from) {
  GDALDataset& ds = b.dataset();
  const std::string old_name = t.former != nullptr && from < 4 ? t.former : t.name;
  OGRLayer* old_layer = ds.GetLayerByName(old_name.c_str());
  if (old_layer == nullptr) throw UpgradeStop{"the store has no table '" + old_name + "'"};
  const std::string aside = "wijkatlas_format" + std::to_string(from) + "_" + t.name;
  CPLErrorReset();
  if (old_layer->Rename(aside.c_str()) != OGRERR_NONE) {
    throw UpgradeStop{"cannot set table '" + old_name +
                      "' aside: " + support::last_gdal_error("GDAL gave no reason")};
  }
  create_table(b, t, t.name);
  std::string columns = identifier(schema::fid), values = identifier(schema::fid);
  if (t.geometry != schema::Shape::none) {
    columns += ", " + identifier(schema::geom);
    values += ", " + identifier(schema::geom);
  }
  for (const schema::Column& c : t.columns) {
    columns += ", " + identifier(c.name);
    values += ", " + copied(c, from);
  }
  b.execute("INSERT INTO " + identifier(t.name) + " (" + columns + ") SELECT " + values + " FROM " +
            identifier(aside));
  create_unique_indexes(b, t, t.name);
  if (t.geometry != schema::Shape::none) {
    // gpkg_contents' extent, which GDAL keeps up to date only for rows it wrote itself.
    OGRLayer* result =
        ds.ExecuteSQL(("RECOMPUTE EXTENT ON " + identifier(t.name)).c_str(), nullptr, nullptr);
    if (result != nullptr) ds.ReleaseResultSet(result);
  }
  for (int i = 0; i < ds.GetLayerCount(); ++i) {
    if (aside == ds.GetLayer(i)->GetName()) {
      if (ds.DeleteLayer(i) != OGRERR_NONE) b.fail("cannot drop the old table '" + old_name + "'");
      break;
    }
  }
}

void upgrade_tables(GeoPackageBackend& b, int from) {
  for (const schema::Table& t : schema::tables()) {
    if (t.since > from) {
      for (const char* name : {t.name, t.former}) {
        if (name != nullptr && has_table(b, name)) {
          throw UpgradeStop{"a table '" + std::string(name) +
                            "' is in the way (made by another program?)"};
        }
      }
      create_table(b, t, t.name);
      create_unique_indexes(b, t, t.name);
    } else if (t.changed_in > from) {
      rebuild(b, t, from);
      fill_new_columns(b, t, from);
    } else {
      add_new_columns(b, t, from);
      fill_new_columns(b, t, from);
    }
  }
  if (b.query("SELECT value FROM wijkatlas_project WHERE key = 'uuid'").empty()) {
    b.execute("INSERT INTO wijkatlas_project (key, value) VALUES ('uuid', " +
              std::string(sqlite_uuid) + ")");
  }
  b.execute("UPDATE wijkatlas_project SET value = " + sql_literal(std::to_string(format_version)) +
            " WHERE key = 'format_version'");
}

// GDAL's row counts (gpkg_ogr_contents) are kept by triggers that GDAL drops and re-creates
// around each writing session, which two writers at once break: a store has none.
void drop_feature_counts(Backend& b) {
  for (const auto& name :
       b.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE "
               "'trigger_insert_feature_count_%' OR name LIKE 'trigger_delete_feature_count_%')")) {
    if (name) b.execute("DROP TRIGGER " + identifier(*name));
  }
  b.execute("DROP TABLE IF EXISTS gpkg_ogr_contents");
}

}  // namespace

void GeoPackageBackend::upgrade(int from) {
  const support::QuietGdalErrors quiet;
  bool upgraded = false;
  try {
    WriteTransaction transaction(*this);
    from = stored_format(*this);  // another process may have upgraded it meanwhile
    if (from < format_version) {
      upgrade_tables(*this, from);
      dataset_->FlushCache(false);  // GDAL's deferred writes, while its tables are as it knows them
      drop_feature_counts(*this);
      transaction.commit();
      upgraded = true;
    }
  } catch (const UpgradeStop& stop) {
    raise(ErrorKind::upgrade_failed, location_,
          "cannot upgrade the store from format " + std::to_string(from) + " to " +
              std::to_string(format_version) + " (it is left unchanged): " + stop.reason);
  } catch (const store_error& e) {
    if (e.kind() == ErrorKind::locked) throw;
    raise(ErrorKind::upgrade_failed, location_,
          "cannot upgrade the store from format " + std::to_string(from) + " to " +
              std::to_string(format_version) + " (it is left unchanged): " + e.text());
  }
  if (upgraded) {
    dataset_.reset();
    db_ = nullptr;
    use_write_ahead_log(path_);
  }
  reopen();
}

}  // namespace wijkatlas::store::detail
