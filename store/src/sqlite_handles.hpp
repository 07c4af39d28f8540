#pragma once
// RAII for the SQLite connection under a GeoPackage store and its statements.
#include <sqlite3.h>

#include <memory>

namespace wijkatlas::store {

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
using SqliteConnection = std::unique_ptr<sqlite3, SqliteCloser>;

struct StatementCloser {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

}  // namespace wijkatlas::store
