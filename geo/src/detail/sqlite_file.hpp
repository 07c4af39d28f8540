#pragma once
// A GeoPackage written straight through SQLite after GDAL has made and closed it (a spatial
// index packed in one go, the rows of point layers and generated tables): a file no one else
// has open. Every failure is an output_error naming the file, the table, what was being done
// and SQLite's reason.
#include <filesystem>
#include <string>

#include "wijkatlas/support/sqlite_handles.hpp"

namespace wijkatlas::geo::detail {

class SqliteFile {
 public:
  // Opens `path` for writing; `task` names the work in error messages ("spatial index") and
  // `table` the table it is for. The connection is used by one thread only, so SQLite need not
  // lock it on every call.
  SqliteFile(const std::filesystem::path& path, std::string task, std::string table);

  // For a temporary file that is thrown away if anything fails: no journal, no syncing, a page
  // cache of `cache_mib`, and one transaction (commit() ends it).
  void begin_unjournaled(int cache_mib);
  void commit() const { execute("COMMIT"); }

  void execute(const std::string& sql) const;
  support::Statement prepare(const std::string& sql) const;
  // Runs a statement that returns no rows, and resets it for the next values.
  void step(sqlite3_stmt* statement) const;
  // The first column of the first row of a query ("" if NULL).
  std::string text(const std::string& sql) const;
  // The name of `table`'s primary key column (a GeoPackage feature table's fid).
  std::string primary_key(const std::string& table) const;

  [[noreturn]] void fail(const std::string& what) const;

  // How many values one statement may bind (SQLITE_LIMIT_VARIABLE_NUMBER of this build).
  std::size_t max_bound_values() const;

 private:
  std::string path_, task_, table_;
  support::SqliteConnection db_;
};

// An SQL identifier in double quotes, and a string literal in single quotes.
std::string sql_identifier(const std::string& name);
std::string sql_literal(const std::string& text);

}  // namespace wijkatlas::geo::detail
