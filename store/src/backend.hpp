#pragma once
// The seam between the store's logic and a database. The logic reads and writes rows through
// OGR (dataset()) and runs plain statements through execute/query; a backend owns the
// connection, its transactions and locking, and turns the database's result codes into
// ErrorKind. Two backends: GeoPackage (gpkg_backend.cpp) and PostGIS (pg_backend.cpp: GDAL's
// PostgreSQL driver for rows and statements, an advisory lock per project for begin()).
#include <gdal_priv.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/store/error.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::store::detail {

class Backend {
 public:
  virtual ~Backend() = default;

  // The location as given, for messages.
  virtual const std::string& location() const = 0;
  virtual GDALDataset& dataset() = 0;

  // Layer creation options for a new table.
  virtual std::vector<std::string> table_options(bool has_geometry) const = 0;
  // Whether the rows' uuid columns get the database's own uuid type (else text).
  virtual bool typed_uuids() const { return false; }

  // A write transaction that holds the store's write lock from its first moment: what it
  // reads decides what it writes, and no other writer commits in between. Waits for another
  // writer up to the busy timeout, then throws locked.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // A statement that returns no rows; returns the number of rows it changed.
  virtual std::int64_t execute(const std::string& sql) = 0;
  // The first column of every row of a query (nullopt for NULL).
  virtual std::vector<std::optional<std::string>> query(const std::string& sql) = 0;

  // Throws the store_error for the operation that just failed on this connection, classified
  // from the database's own result code; `what` says what was being done.
  [[noreturn]] virtual void fail(const std::string& what) = 0;

  // Brings a store of format `from` to format_version in one transaction, or leaves it as it
  // was and throws upgrade_failed. Another process may have upgraded it meanwhile: then this
  // only reopens.
  virtual void upgrade(int from) = 0;
};

// A backend over the existing store at `location`. Throws not_found, bad_location,
// not_a_store, locked, read_only.
std::unique_ptr<Backend> open_backend(std::string_view location, const OpenOptions& options);

// Builds a new store with `build` (inside one transaction) and publishes it at `location` all
// at once, never over an existing store or file (already_exists); then opens it.
std::unique_ptr<Backend> create_backend(std::string_view location, const OpenOptions& options,
                                        const std::function<void(Backend&)>& build);

// RAII for Backend::begin/commit: rolled back when left without commit().
class WriteTransaction {
 public:
  explicit WriteTransaction(Backend& backend) : backend_(backend) { backend_.begin(); }
  ~WriteTransaction() {
    if (open_) backend_.rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit() {
    open_ = false;  // a failed commit has ended the transaction too
    backend_.commit();
  }

 private:
  Backend& backend_;
  bool open_ = true;
};

// 'text' with quotes doubled, for SQL and attribute filters (SQLite and PostgreSQL alike).
std::string sql_literal(std::string_view text);

}  // namespace wijkatlas::store::detail
