// The GeoPackage backend: opening and checking the file, transactions that take SQLite's write
// lock at once, and failures classified by SQLite's result codes.
#include "gpkg_backend.hpp"

#include <algorithm>
#include <memory>

#include "sqlite_handles.hpp"
#include "wijkatlas/geo/write_failure.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store::detail {
namespace fs = std::filesystem;
namespace {

// GeoPackage application ids: 'GPKG', and 'GP10'/'GP11' of GeoPackage 1.0 and 1.1.
constexpr int gpkg_application_ids[] = {0x47504B47, 0x47503130, 0x47503131};

bool is_locked(int rc) {
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") +
         " s";
}

std::string sqlite_message(sqlite3* db, int rc) {
  return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

// The kind of a failure from SQLite's (extended) result code.
ErrorKind kind_of(int rc) {
  if (is_locked(rc)) return ErrorKind::locked;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    return ErrorKind::duplicate;
  switch (rc & 0xff) {
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return ErrorKind::read_only;
    case SQLITE_NOTADB:
      return ErrorKind::not_a_store;
    default:
      return ErrorKind::write_failed;
  }
}

}  // namespace

std::string locked_message(const OpenOptions& options) {
  return "the store is locked by another program (QGIS, another wijkatlas?) and stayed locked "
         "for " +
         seconds(options.busy_timeout) + ": close it there and try again; nothing was stored";
}

void probe_geopackage(const std::string& location, const fs::path& path,
                      const OpenOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) raise(ErrorKind::not_found, location, "no project store here");
  if (fs::is_directory(status))
    raise(ErrorKind::bad_location, location, "is a directory, not a GeoPackage file");
  if (fs::file_size(path, ec) == 0)
    raise(ErrorKind::not_a_store, location,
          "the store is an empty file (0 bytes), not a GeoPackage");

  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const SqliteConnection db(raw);
  if (opened != SQLITE_OK) {
    raise(kind_of(opened), location, "cannot open the store: " + sqlite_message(raw, opened));
  }
  sqlite3_busy_timeout(db.get(), static_cast<int>(options.busy_timeout.count()));
  sqlite3_stmt* raw_statement = nullptr;
  const int prepared =
      sqlite3_prepare_v2(db.get(), "PRAGMA application_id", -1, &raw_statement, nullptr);
  const Statement statement(raw_statement);
  const int step =
      prepared == SQLITE_OK ? sqlite3_step(statement.get()) : sqlite3_extended_errcode(db.get());
  if ((step & 0xff) == SQLITE_NOTADB)
    raise(ErrorKind::not_a_store, location, "not a GeoPackage (not even an SQLite file)");
  // Another program holding an exclusive lock even against readers (a store in rollback mode).
  if (is_locked(step)) raise(ErrorKind::locked, location, locked_message(options));
  // A store in WAL mode is read through its -shm file, which SQLite must be able to grow.
  if ((step & 0xff) == SQLITE_IOERR)
    raise(kind_of(step), location,
          "cannot read the store: " +
              geo::write_failure_reason(path, sqlite_message(db.get(), step)));
  if (step != SQLITE_ROW)
    raise(kind_of(step), location, "cannot read the store: " + sqlite_message(db.get(), step));
  const int application_id = sqlite3_column_int(statement.get(), 0);
  sqlite3_reset(statement.get());  // ends its read, before the write lock is tried
  if (std::find(std::begin(gpkg_application_ids), std::end(gpkg_application_ids), application_id) ==
      std::end(gpkg_application_ids)) {
    raise(ErrorKind::not_a_store, location, "an SQLite database, but not a GeoPackage");
  }
  if (!options.check_writable) return;
  // SQLite quietly opens a write-protected file read-only; say so now, not at the first write.
  if (sqlite3_db_readonly(db.get(), "main") == 1)
    raise(ErrorKind::read_only, location, "the store is read-only: check its permissions");
  const int begin = sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (begin != SQLITE_OK) {
    const int rc = sqlite3_extended_errcode(db.get());
    if (is_locked(rc)) raise(ErrorKind::locked, location, locked_message(options));
    if (kind_of(rc) == ErrorKind::read_only)
      raise(ErrorKind::read_only, location, "the store is read-only: check its permissions");
    raise(kind_of(rc), location,
          "cannot lock the store for writing: " + sqlite_message(db.get(), rc));
  }
  sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unique_ptr<GeoPackageBackend> open_geopackage(const std::string& location,
                                                   const fs::path& path,
                                                   const OpenOptions& options) {
  support::ensure_gdal_registered();
  const support::QuietGdalErrors quiet;
  const char* drivers[] = {"GPKG", nullptr};
  CPLErrorReset();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
  if (!ds) {
    raise(ErrorKind::not_a_store, location,
          "not a GeoPackage GDAL can open (" + support::last_gdal_error("no reason given") + ")");
  }
  return std::make_unique<GeoPackageBackend>(location, path, options, std::move(ds));
}

void use_write_ahead_log(const fs::path& path) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const SqliteConnection db(raw);
  if (opened == SQLITE_OK)
    sqlite3_exec(db.get(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
}

GeoPackageBackend::GeoPackageBackend(std::string location, fs::path path, OpenOptions options,
                                     GDALDatasetUniquePtr dataset)
    : location_(std::move(location)),
      path_(std::move(path)),
      options_(options),
      dataset_(std::move(dataset)) {
  db_ = static_cast<sqlite3*>(dataset_->GetInternalHandle("SQLITE_HANDLE"));
  if (db_ == nullptr)
    raise(ErrorKind::not_a_store, location_, "GDAL gives no SQLite connection for this GeoPackage");
  // Two local writers wait for each other instead of failing at once.
  sqlite3_busy_timeout(db_, static_cast<int>(options_.busy_timeout.count()));
}

GeoPackageBackend::~GeoPackageBackend() {
  // GDAL writes what it deferred when the dataset closes: quietly, the transactions are done.
  const support::QuietGdalErrors quiet;
  dataset_.reset();
}

std::vector<std::string> GeoPackageBackend::table_options(bool has_geometry) const {
  std::vector<std::string> options{"FID=fid"};
  if (has_geometry) options.insert(options.end(), {"GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"});
  return options;
}

void GeoPackageBackend::begin() {
  // No read statement of GDAL's may keep an older snapshot open into the transaction.
  for (int i = 0; i < dataset_->GetLayerCount(); ++i) dataset_->GetLayer(i)->ResetReading();
  CPLErrorReset();
  if (dataset_->StartTransaction(FALSE) != OGRERR_NONE) fail("cannot start a transaction");
  // The write lock now, before the transaction reads anything: SQLite takes it at the first
  // write otherwise, and a deferred transaction that read before another writer committed
  // fails at once (SQLITE_BUSY_SNAPSHOT) instead of waiting. This statement waits up to the
  // busy timeout.
  const std::string lock =
      "UPDATE wijkatlas_project SET value = value WHERE key = 'format_version'";
  const int rc = sqlite3_exec(db_, lock.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = sqlite3_errmsg(db_);
    rollback();
    raise_sqlite(code, "cannot lock the store for writing", message);
  }
}

void GeoPackageBackend::begin_private() {
  CPLErrorReset();
  if (dataset_->StartTransaction(FALSE) != OGRERR_NONE) fail("cannot start a transaction");
}

void GeoPackageBackend::commit() {
  CPLErrorReset();
  // What GDAL defers (a new table's spatial index, gpkg_contents' extent) is written now, in
  // this transaction, not later outside it.
  dataset_->FlushCache(false);
  if (CPLGetLastErrorType() >= CE_Failure) {
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = support::last_gdal_error("GDAL gave no reason");
    rollback();
    raise_sqlite(code, "cannot finish writing", message);
  }
  if (dataset_->CommitTransaction() != OGRERR_NONE) {
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = support::last_gdal_error(sqlite3_errmsg(db_));
    rollback();
    raise_sqlite(code, "cannot commit", message);
  }
}

void GeoPackageBackend::rollback() noexcept {
  const support::QuietGdalErrors quiet;
  // GDAL's rollback even when SQLite has rolled back already (it does so by itself on a full
  // disk or an I/O error): GDAL then forgets the R*Tree entries it deferred, which it would
  // otherwise write when the dataset closes, outside any transaction, for rows that were never
  // stored (the next ingest then failed: "UNIQUE constraint failed: rtree_sketches_geom.id").
  (void)dataset_->RollbackTransaction();
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::int64_t GeoPackageBackend::execute(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  const std::string text = message != nullptr ? message : "";
  sqlite3_free(message);
  if (rc != SQLITE_OK) raise_sqlite(sqlite3_extended_errcode(db_), "cannot change the store", text);
  return sqlite3_changes64(db_);
}

std::vector<std::optional<std::string>> GeoPackageBackend::query(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr);
  const Statement statement(raw);
  if (rc != SQLITE_OK)
    raise_sqlite(sqlite3_extended_errcode(db_), "cannot read the store", sqlite3_errmsg(db_));
  std::vector<std::optional<std::string>> out;
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    const auto* value = sqlite3_column_text(statement.get(), 0);
    out.push_back(value != nullptr
                      ? std::optional<std::string>(reinterpret_cast<const char*>(value))
                      : std::nullopt);
  }
  if (rc != SQLITE_DONE)
    raise_sqlite(sqlite3_extended_errcode(db_), "cannot read the store", sqlite3_errmsg(db_));
  return out;
}

void GeoPackageBackend::fail(const std::string& what) {
  raise_sqlite(sqlite3_extended_errcode(db_), what, support::last_gdal_error(sqlite3_errmsg(db_)));
}

void GeoPackageBackend::raise_sqlite(int rc, const std::string& what,
                                     const std::string& message) const {
  const ErrorKind kind = kind_of(rc);
  if (kind == ErrorKind::locked) raise(kind, location_, locked_message(options_));
  if ((rc & 0xff) == SQLITE_FULL)
    raise(kind, location_, what + ": the disk is full; nothing was stored");
  // SQLite says "disk I/O error" for a write refused by a file size limit (EFBIG) too.
  if ((rc & 0xff) == SQLITE_IOERR) {
    const fs::path wal = path_.string() + "-wal";
    std::error_code ec;
    raise(kind, location_,
          what + ": " + geo::write_failure_reason(fs::exists(wal, ec) ? wal : path_, message) +
              "; nothing was stored");
  }
  raise(kind, location_, what + ": " + message + "; nothing was stored");
}

void GeoPackageBackend::reopen() {
  {
    const support::QuietGdalErrors quiet;
    dataset_.reset();
  }
  db_ = nullptr;
  std::unique_ptr<GeoPackageBackend> fresh = open_geopackage(location_, path_, options_);
  dataset_ = std::move(fresh->dataset_);
  db_ = fresh->db_;
  fresh->db_ = nullptr;
}

}  // namespace wijkatlas::store::detail
