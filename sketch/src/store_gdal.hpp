#pragma once
// The store's GDAL side: RAII for the dataset, quiet GDAL errors, a transaction that rolls back
// unless committed, and WKT for geometries. Not public.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <initializer_list>
#include <string>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::sketch::detail {

// GDAL's messages go into its last-error slot, not to stderr; our exceptions carry them.
class QuietGdal {
 public:
  QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string gdal_message(const std::string& fallback);

// Throws output_error naming the store: "locked by another program" when SQLite said busy or
// locked, else `what` with GDAL's message.
[[noreturn]] void fail_write(const std::filesystem::path& store, const std::string& what);

// All writes of one call in one SQLite transaction; rolled back when destroyed uncommitted.
class Transaction {
 public:
  Transaction(GDALDataset& ds, const std::filesystem::path& path);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  GDALDataset& ds_;
  std::filesystem::path path_;
  bool open_ = false;
};

// Runs an SQL statement that returns no rows (UPDATE); throws through fail_write.
void execute(GDALDataset& ds, const std::filesystem::path& path, const std::string& sql);

// 'text' with quotes doubled, for attribute filters and SQL.
std::string quoted(const std::string& text);

std::string to_wkt(const geo::Geometry& geometry);
std::string to_wkt(const geo::Box& box);
OGRGeometry* ogr_from_wkt(const std::string& wkt);  // caller owns; nullptr for an empty WKT

struct FieldSpec {
  const char* name;
  OGRFieldType type;
  bool unique = false;
};

// Creates a table (EPSG:28992 and a spatial index when it has geometry) with its fields;
// throws output_error naming `target`.
OGRLayer* create_table(GDALDataset& ds, const std::filesystem::path& target, const char* name, OGRwkbGeometryType type,
                       std::initializer_list<FieldSpec> fields);
// Adds fields to an existing table (ALTER TABLE ... ADD COLUMN); throws output_error.
void add_fields(OGRLayer& layer, const std::filesystem::path& target, std::initializer_list<FieldSpec> fields);

// The tables and fields format 2 added to format 1 (store_upgrade.cpp): used for new stores
// and to upgrade old ones, so both end with the same schema.
void add_round_two_schema(GDALDataset& ds, const std::filesystem::path& path);
// The field format 3 added to format 2: plekken.min_n.
void add_spot_threshold_schema(GDALDataset& ds, const std::filesystem::path& path);
// Upgrades a store of format `from` to store_format_version in one transaction, or leaves it
// untouched. Throws output_error.
void upgrade_store(GDALDataset& ds, const std::filesystem::path& path, int from);

// Now as ISO 8601 UTC, "2026-11-23T18:10:00Z".
std::string utc_now();

// Checks the SQLite file can be locked for writing (waiting a moment for a brief lock held by
// another wijkatlas). Throws output_error "locked" or io_error "not a GeoPackage".
void check_writable(const std::filesystem::path& path);

}  // namespace wijkatlas::sketch::detail
