#include "wijkatlas/store/store_file.hpp"

#include <string>

#include "pg_backend.hpp"
#include "schema.hpp"
#include "sqlite_handles.hpp"

namespace wijkatlas::store {

bool is_store_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  const SqliteConnection db(raw);
  if (opened != SQLITE_OK) return false;
  sqlite3_stmt* raw_statement = nullptr;
  const std::string query = std::string(
                                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                "name = '") +
                            schema::project::table + "'";
  if (sqlite3_prepare_v2(db.get(), query.c_str(), -1, &raw_statement, nullptr) != SQLITE_OK)
    return false;  // not an SQLite file at all
  const Statement statement(raw_statement);
  return sqlite3_step(statement.get()) == SQLITE_ROW;
}

bool is_postgresql_location(std::string_view location) {
  return detail::names_postgresql(location);
}

std::string absolute_location(const std::string& location) {
  if (location.empty() || is_postgresql_location(location)) return location;
  return std::filesystem::absolute(location).string();
}

}  // namespace wijkatlas::store
