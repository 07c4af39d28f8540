#pragma once
// The GeoPackage backend: one SQLite file. GDAL's GPKG driver reads and writes the rows; the
// SQLite connection underneath it (GDAL hands it out) does what GDAL cannot: result codes to
// classify failures, a busy timeout, and a write lock taken when a transaction starts. The
// store runs in WAL mode so that readers never wait for a writer.
#include <sqlite3.h>

#include <filesystem>

#include "backend.hpp"

namespace wijkatlas::store::detail {

class GeoPackageBackend final : public Backend {
 public:
  // Over an open GDAL dataset of the GeoPackage at `path`.
  GeoPackageBackend(std::string location, std::filesystem::path path, OpenOptions options,
                    GDALDatasetUniquePtr dataset);
  ~GeoPackageBackend() override;

  const std::string& location() const override { return location_; }
  GDALDataset& dataset() override { return *dataset_; }
  std::vector<std::string> table_options(bool has_geometry) const override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;
  std::int64_t execute(const std::string& sql) override;
  std::vector<std::optional<std::string>> query(const std::string& sql) override;
  [[noreturn]] void fail(const std::string& what) override;
  void upgrade(int from) override;

  // Closes and opens the dataset again: GDAL caches the tables it saw when it opened.
  void reopen();
  // A transaction without the write lock, for a store nobody else can see yet (creation).
  void begin_private();

  // Throws the store_error for SQLite result code `rc`.
  [[noreturn]] void raise_sqlite(int rc, const std::string& what, const std::string& message) const;

 private:
  std::string location_;
  std::filesystem::path path_;
  OpenOptions options_;
  GDALDatasetUniquePtr dataset_;
  sqlite3* db_ = nullptr;  // GDAL's connection, owned by the dataset
};

// Checks a GeoPackage store file before GDAL opens it: exists, is a file, SQLite, a GeoPackage,
// writable and not locked (with options.check_writable). Throws store_error.
void probe_geopackage(const std::string& location, const std::filesystem::path& path,
                      const OpenOptions& options);

// Opens GDAL's GPKG driver on `path` in update mode and sets the connection up.
std::unique_ptr<GeoPackageBackend> open_geopackage(const std::string& location,
                                                   const std::filesystem::path& path,
                                                   const OpenOptions& options);

// Sets the journal mode of a closed GeoPackage to WAL (readers never wait for a writer). Does
// nothing when another connection holds the file open in a way that prevents it.
void use_write_ahead_log(const std::filesystem::path& path);

// The message for a store another writer kept locked past the busy timeout.
std::string locked_message(const OpenOptions& options);

}  // namespace wijkatlas::store::detail
