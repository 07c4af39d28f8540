#include "detail/sqlite_file.hpp"

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::detail {
namespace {

std::string quoted(const std::string& text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}

}  // namespace

std::string sql_identifier(const std::string& name) {
  return quoted(name, '"');
}
std::string sql_literal(const std::string& text) {
  return quoted(text, '\'');
}

SqliteFile::SqliteFile(const std::filesystem::path& path, std::string task, std::string table)
    : path_(path.string()), task_(std::move(task)), table_(std::move(table)) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(db);
  if (rc != SQLITE_OK) fail("cannot open the file");
}

void SqliteFile::fail(const std::string& what) const {
  throw output_error(
      path_,
      task_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_.get()) : "SQLite gave no reason"),
      table_);
}

std::size_t SqliteFile::max_bound_values() const {
  return static_cast<std::size_t>(sqlite3_limit(db_.get(), SQLITE_LIMIT_VARIABLE_NUMBER, -1));
}

void SqliteFile::begin_unjournaled(int cache_mib) {
  execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -" +
          std::to_string(cache_mib * 1024) + "; BEGIN");
}

void SqliteFile::execute(const std::string& sql) const {
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    fail("cannot write");
}

support::Statement SqliteFile::prepare(const std::string& sql) const {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
    fail("cannot prepare a statement");
  return support::Statement(s);
}

void SqliteFile::step(sqlite3_stmt* statement) const {
  if (sqlite3_step(statement) != SQLITE_DONE) fail("cannot write");
  sqlite3_reset(statement);
}

std::string SqliteFile::text(const std::string& sql) const {
  const support::Statement s = prepare(sql);
  if (sqlite3_step(s.get()) != SQLITE_ROW) fail("cannot read");
  const auto* value = sqlite3_column_text(s.get(), 0);
  return value != nullptr ? reinterpret_cast<const char*>(value) : "";
}

std::string SqliteFile::primary_key(const std::string& table) const {
  return text("SELECT name FROM pragma_table_info(" + sql_literal(table) + ") WHERE pk = 1");
}

}  // namespace wijkatlas::geo::detail
