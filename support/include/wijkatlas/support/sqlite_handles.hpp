#pragma once
// RAII for a SQLite connection and its statements (the GeoPackages written and read straight
// through SQLite, where GDAL would be slower or cannot do it).
#include <sqlite3.h>

#include <memory>

namespace wijkatlas::support {

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
using SqliteConnection = std::unique_ptr<sqlite3, SqliteCloser>;

struct StatementCloser {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

}  // namespace wijkatlas::support
