#include "detail/gpkg_bulk_rows.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <boost/geometry/algorithms/expand.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <type_traits>
#include <variant>

#include "detail/sqlite_file.hpp"
#include "wijkatlas/support/text.hpp"

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
          if (x.year < 0 || x.year > 9999) return sqlite3_bind_null(statement, at);
          char text[16];
          std::snprintf(text, sizeof text, "%04d-%02d-%02d", x.year, x.month, x.day);
          return sqlite3_bind_text(statement, at, text, -1, SQLITE_TRANSIENT);
        }
      },
      value);
}

// A point as a GeoPackage geometry blob, as GDAL writes one: the header ("GP", version 0,
// flags: little-endian, no envelope; the srs_id) and the point in little-endian WKB.
using PointBlob = std::array<unsigned char, 29>;
PointBlob point_blob(const Point& p, std::int32_t srs_id) {
  PointBlob blob{'G', 'P', 0, 0x01};
  auto put = [&](std::size_t at, const auto& value) {
    // Little-endian byte order is what this writes; the machines wijkatlas runs on are.
    static_assert(std::endian::native == std::endian::little);
    std::memcpy(blob.data() + at, &value, sizeof value);
  };
  put(4, srs_id);
  blob[8] = 0x01;            // WKB: little endian
  put(9, std::uint32_t{1});  // Point
  put(13, p.x());
  put(21, p.y());
  return blob;
}

// A value as the column's type, as GDAL converts a value set in a field of another type:
// numbers between integer and real (a real cut to an integer), numbers and dates to text, text
// to a number where it is one. What has no value of the type (text that is no number, a number
// as a date, NaN as an integer) is NULL, where GDAL would write 0 or nothing.
std::optional<double> number_in(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return support::parse_number(*text);
  return as_number(value);
}

Value as_column_type(Value value, FieldType type) {
  if (std::holds_alternative<std::monostate>(value)) return value;
  switch (type) {
    case FieldType::integer: {
      if (std::holds_alternative<std::int64_t>(value)) return value;
      const std::optional<double> number = number_in(value);
      if (!number || !(std::abs(*number) < 9.2e18)) return Value{};
      return static_cast<std::int64_t>(*number);
    }
    case FieldType::real: {
      if (std::holds_alternative<double>(value)) return value;
      const std::optional<double> number = number_in(value);
      return number ? Value{*number} : Value{};
    }
    case FieldType::text:
      return std::holds_alternative<std::string>(value) ? value : Value{to_text(value)};
    case FieldType::date:
      if (std::holds_alternative<Date>(value) || std::holds_alternative<std::string>(value))
        return value;
      return Value{};
  }
  return value;
}

}  // namespace

std::int64_t append_gpkg_rows(const std::filesystem::path& path, const BulkTable& table,
                              std::size_t rows,
                              const std::function<void(std::size_t, BulkRow&)>& row) {
  SqliteFile db(path, "rows", table.name);
  const std::string name = sql_identifier(table.name);
  const std::string fid_column = db.primary_key(table.name);
  const std::int64_t first_fid = std::stoll(
      db.text("SELECT coalesce(max(" + sql_identifier(fid_column) + "), 0) + 1 FROM " + name));
  if (rows == 0) return first_fid;
  // The points' srs_id as GDAL registered the table (a new GeoPackage numbers its systems by
  // their EPSG codes, but the table says which).
  const std::int32_t srs_id =
      table.point_column.empty()
          ? 0
          : std::stoi(db.text("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = "
                              "lower(" +
                              sql_literal(table.name) + ")"));
  // Rows are only appended: a small cache does, and a large one would be fresh memory to fill.
  db.begin_unjournaled(16);
  // GDAL counts a table's features with a trigger that updates gpkg_ogr_contents on every
  // insert: set aside while the rows go in, the count raised once, and then made again as GDAL
  // made it.
  const std::string counter = "trigger_insert_feature_count_" + table.name;
  const std::string counter_sql = db.text(
      "SELECT coalesce(max(sql), '') FROM sqlite_master WHERE type = 'trigger' AND name = " +
      sql_literal(counter));
  if (!counter_sql.empty()) db.execute("DROP TRIGGER " + sql_identifier(counter));
  // GDAL leaves the count of a table it wrote no rows to NULL (unknown): counted here, where
  // the table is new and small, not after the millions of rows.
  const bool has_counts =
      db.text("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents'") != "0";
  const std::int64_t rows_before =
      has_counts ? std::stoll(db.text("SELECT count(*) FROM " + name)) : 0;

  // Many rows per statement: GDAL's tables number their rows with AUTOINCREMENT, which reads
  // and writes sqlite_sequence once per statement, and a statement has its own start and end.
  const bool with_points = !table.point_column.empty();
  const std::size_t width = table.columns.size() + (with_points ? 2 : 1);  // and the fid
  const std::size_t per_statement = std::clamp<std::size_t>(db.max_bound_values() / width, 1, 128);
  auto make_insert = [&](std::size_t count) {
    std::string names = sql_identifier(fid_column), row_slots = "(?", slots;
    if (with_points) {
      names += ", " + sql_identifier(table.point_column);
      row_slots += ", ?";
    }
    for (const BulkColumn& column : table.columns) {
      names += ", " + sql_identifier(column.name);
      row_slots += ", ?";
    }
    row_slots += ")";
    for (std::size_t k = 0; k < count; ++k) slots += (k == 0 ? "" : ", ") + row_slots;
    return db.prepare("INSERT INTO " + name + " (" + names + ") VALUES " + slots);
  };
  const support::Statement full = make_insert(per_statement);
  std::vector<BulkRow> made(per_statement);
  std::vector<PointBlob> blobs(per_statement);
  Box extent;
  bool any_point = false;
  for (std::size_t first = 0; first < rows; first += per_statement) {
    const std::size_t count = std::min(per_statement, rows - first);
    support::Statement last;  // the rows left after the full statements
    if (count < per_statement) last = make_insert(count);
    sqlite3_stmt* insert = count < per_statement ? last.get() : full.get();
    auto fail = [&] {
      db.fail("cannot write " + (count == 1 ? "row " + std::to_string(first + 1)
                                            : "rows " + std::to_string(first + 1) + " to " +
                                                  std::to_string(first + count)));
    };
    auto bind = [&](int at, int rc) {
      if (rc != SQLITE_OK) fail();
      return at + 1;
    };
    int at = 1;
    for (std::size_t k = 0; k < count; ++k) {
      BulkRow& r = made[k];
      r.values.resize(table.columns.size());
      r.point.reset();
      row(first + k, r);
      at = bind(at,
                sqlite3_bind_int64(insert, at, first_fid + static_cast<std::int64_t>(first + k)));
      if (with_points) {
        if (r.point) {
          blobs[k] = point_blob(*r.point, srs_id);
          at = bind(at, sqlite3_bind_blob(insert, at, blobs[k].data(),
                                          static_cast<int>(blobs[k].size()), SQLITE_STATIC));
          if (!any_point) extent = Box(*r.point, *r.point);
          boost::geometry::expand(extent, *r.point);
          any_point = true;
        } else {
          at = bind(at, sqlite3_bind_null(insert, at));
        }
      }
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        Value& value = r.values[c];
        value = as_column_type(std::move(value), table.columns[c].type);
        at = bind(at, bind_value(insert, at, value));
      }
    }
    if (sqlite3_step(insert) != SQLITE_DONE) fail();
    sqlite3_reset(insert);
  }
  if (has_counts) {
    db.execute("UPDATE gpkg_ogr_contents SET feature_count = " +
               std::to_string(rows_before + static_cast<std::int64_t>(rows)) +
               " WHERE lower(table_name) = lower(" + sql_literal(table.name) + ")");
  }
  if (any_point) {
    // Readers (GDAL, QGIS) take a layer's extent from here; NULL until now, or the extent of
    // rows already there.
    const support::Statement update = db.prepare(
        "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?1), ?1), "
        "min_y = min(coalesce(min_y, ?2), ?2), max_x = max(coalesce(max_x, ?3), ?3), "
        "max_y = max(coalesce(max_y, ?4), ?4) WHERE lower(table_name) = lower(?5)");
    sqlite3_bind_double(update.get(), 1, extent.min_corner().x());
    sqlite3_bind_double(update.get(), 2, extent.min_corner().y());
    sqlite3_bind_double(update.get(), 3, extent.max_corner().x());
    sqlite3_bind_double(update.get(), 4, extent.max_corner().y());
    sqlite3_bind_text(update.get(), 5, table.name.c_str(), -1, SQLITE_TRANSIENT);
    db.step(update.get());
  }
  if (!counter_sql.empty()) db.execute(counter_sql);
  db.commit();
  return first_fid;
}

}  // namespace wijkatlas::geo::detail
