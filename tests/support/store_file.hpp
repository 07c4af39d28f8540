#pragma once
// The project store's file read with SQLite itself, independently of wijkatlas and GDAL:
// counting rows, reading values, test set-up statements, and a lock held as QGIS would.
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace wijkatlas::test {

// The value of a one-number query, e.g. "SELECT COUNT(*) FROM sketches"; -1 on no row.
long long query_number(const std::filesystem::path& store, const std::string& sql);
// The text of a one-value query; "" for NULL or no row.
std::string query_text(const std::filesystem::path& store, const std::string& sql);
// Runs statements (test set-up: triggers that fail on purpose).
void execute_sql(const std::filesystem::path& store, const std::string& sql);

// Holds an exclusive SQLite transaction on the store for its lifetime.
class StoreLock {
 public:
  explicit StoreLock(const std::filesystem::path& store);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace wijkatlas::test
