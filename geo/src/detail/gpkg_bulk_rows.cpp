#include "detail/gpkg_bulk_rows.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>

#include "detail/sqlite_file.hpp"

namespace wijkatlas::geo::detail {
namespace {

// Binds `value` as GDAL's GeoPackage driver stores it (dates as ISO 8601 text). Text is bound
// without a copy: the values live until the row has been stepped.
int bind_value(sqlite3_stmt* statement, int at, const Value& value) {
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return sqlite3_bind_null(statement, at);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return sqlite3_bind_int64(statement, at, x);
        } else if constexpr (std::is_same_v<T, double>) {
          return sqlite3_bind_double(statement, at, x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return sqlite3_bind_text(statement, at, x.data(), static_cast<int>(x.size()),
                                   SQLITE_STATIC);
        } else {
          char text[16];
          std::snprintf(text, sizeof text, "%04d-%02d-%02d", x.year, x.month, x.day);
          return sqlite3_bind_text(statement, at, text, -1, SQLITE_TRANSIENT);
        }
      },
      value);
}

// SQLite's default limit on the values bound to one statement (SQLITE_MAX_VARIABLE_NUMBER).
constexpr std::size_t max_values = 32766;

}  // namespace

void append_gpkg_rows(const std::filesystem::path& path, const std::string& table,
                      const std::vector<BulkColumn>& columns, std::size_t rows,
                      const std::function<void(std::size_t, std::vector<Value>&)>& row) {
  if (rows == 0) return;
  SqliteFile db(path, "table " + table);
  // Rows are only appended: a small cache does, and a large one would be fresh memory to fill.
  db.begin_unjournaled(16);
  // GDAL counts a table's features with a trigger that updates gpkg_ogr_contents on every
  // insert: set aside while the rows go in, the count raised once, and then made again as GDAL
  // made it.
  const std::string counter = "trigger_insert_feature_count_" + table;
  const std::string counter_sql = db.text(
      "SELECT coalesce(max(sql), '') FROM sqlite_master WHERE type = 'trigger' AND name = " +
      sql_literal(counter));
  if (!counter_sql.empty()) db.execute("DROP TRIGGER " + sql_identifier(counter));
  // GDAL leaves the count of a table it wrote no rows to NULL (unknown): counted here, where
  // the table is new and small, not after the millions of rows.
  const bool has_counts =
      db.text("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents'") != "0";
  const std::int64_t rows_before =
      has_counts ? std::stoll(db.text("SELECT count(*) FROM " + sql_identifier(table))) : 0;

  // Many rows per statement: GDAL's tables number their rows with AUTOINCREMENT, which reads
  // and writes sqlite_sequence once per statement, and a statement has its own start and end.
  const std::size_t width = columns.size();
  const std::size_t per_statement =
      width == 0 ? 1 : std::clamp<std::size_t>(max_values / width, 1, 128);
  auto make_insert = [&](std::size_t count) {
    if (width == 0) return db.prepare("INSERT INTO " + sql_identifier(table) + " DEFAULT VALUES");
    std::string names, row_slots = "(", slots;
    for (const BulkColumn& column : columns) {
      names += (names.empty() ? "" : ", ") + sql_identifier(column.name);
      row_slots += row_slots.size() == 1 ? "?" : ", ?";
    }
    row_slots += ")";
    for (std::size_t k = 0; k < count; ++k) slots += (k == 0 ? "" : ", ") + row_slots;
    return db.prepare("INSERT INTO " + sql_identifier(table) + " (" + names + ") VALUES " + slots);
  };
  const support::Statement full = make_insert(per_statement);
  std::vector<std::vector<Value>> values(per_statement, std::vector<Value>(width));
  for (std::size_t first = 0; first < rows; first += per_statement) {
    const std::size_t count = std::min(per_statement, rows - first);
    support::Statement last;  // the rows left after the full statements
    if (count < per_statement) last = make_insert(count);
    sqlite3_stmt* insert = count < per_statement ? last.get() : full.get();
    const std::string which =
        count == 1 ? "row " + std::to_string(first + 1)
                   : "rows " + std::to_string(first + 1) + " to " + std::to_string(first + count);
    for (std::size_t k = 0; k < count; ++k) {
      std::vector<Value>& row_values = values[k];
      row(first + k, row_values);
      for (std::size_t c = 0; c < width; ++c) {
        if (columns[c].type == FieldType::integer) {
          // Beyond 64 bits (or NaN) the number stays as it is: SQLite keeps it as a real.
          const auto* number = std::get_if<double>(&row_values[c]);
          if (number != nullptr && std::abs(*number) < 9.2e18)
            row_values[c] = static_cast<std::int64_t>(*number);
        }
        if (bind_value(insert, static_cast<int>(k * width + c + 1), row_values[c]) != SQLITE_OK)
          db.fail("cannot write " + which);
      }
    }
    if (sqlite3_step(insert) != SQLITE_DONE) db.fail("cannot write " + which);
    sqlite3_reset(insert);
  }
  if (has_counts) {
    db.execute("UPDATE gpkg_ogr_contents SET feature_count = " +
               std::to_string(rows_before + static_cast<std::int64_t>(rows)) +
               " WHERE lower(table_name) = lower(" + sql_literal(table) + ")");
  }
  if (!counter_sql.empty()) db.execute(counter_sql);
  db.commit();
}

}  // namespace wijkatlas::geo::detail
