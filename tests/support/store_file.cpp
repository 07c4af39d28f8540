#include "store_file.hpp"

#include <gtest/gtest.h>

namespace wijkatlas::test {

namespace {
struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      ADD_FAILURE() << "cannot open " << path;
  }
  ~Db() { sqlite3_close(db); }
};
}  // namespace

long long query_number(const std::filesystem::path& store, const std::string& sql) {
  Db d(store);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(d.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(d.db);
    return -1;
  }
  long long value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

std::string query_text(const std::filesystem::path& store, const std::string& sql) {
  Db d(store);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(d.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(d.db);
    return {};
  }
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return value;
}

void execute_sql(const std::filesystem::path& store, const std::string& sql) {
  Db d(store);
  char* message = nullptr;
  if (sqlite3_exec(d.db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK)
    ADD_FAILURE() << sql << ": " << message;
  sqlite3_free(message);
}

StoreLock::StoreLock(const std::filesystem::path& store) {
  sqlite3_open_v2(store.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
  char* message = nullptr;
  if (sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, &message) != SQLITE_OK)
    ADD_FAILURE() << "cannot lock: " << message;
  sqlite3_free(message);
}

StoreLock::~StoreLock() {
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

}  // namespace wijkatlas::test
