#pragma once
// The SQLite connection under a GeoPackage store and its statements (support's RAII).
#include "wijkatlas/support/sqlite_handles.hpp"

namespace wijkatlas::store {

using support::SqliteConnection;
using support::Statement;

}  // namespace wijkatlas::store
