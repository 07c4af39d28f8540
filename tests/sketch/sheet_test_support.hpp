#pragma once
// Helpers for the drawing-sheet tests: the command run in-process, outside tools (poppler),
// and direct SQLite access to the store (counting rows, holding a lock like QGIS would).
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace wijkatlas::sketch::test {

using wijkatlas::test::CliRun;
using wijkatlas::test::run_wijkatlas;

// Standard output of a shell command; fails the test when it exits non-zero.
std::string command_output(const std::string& command);
std::string quoted(const std::filesystem::path& path);

// The value of a one-number query, e.g. "SELECT COUNT(*) FROM sketches".
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

#define EXPECT_CONTAINS(text, needle) EXPECT_NE((text).find(needle), std::string::npos) << "in: " << (text)

}  // namespace wijkatlas::sketch::test
