// The two tables of a copy's bookkeeping, described like the store's own (schema.hpp) so that
// they are made alike on every backend, but outside the store's format: only copies have them.
#include "sync_tables.hpp"

#include <array>

#include "rows.hpp"
#include "schema.hpp"
#include "schema_build.hpp"

namespace wijkatlas::store::detail::sync {
namespace {

constexpr auto text_type = schema::Type::text;
constexpr std::array origin_columns{
    schema::Column{schema::project::key, text_type},
    schema::Column{schema::project::value, text_type},
};
constexpr std::array<const char*, 1> origin_unique{schema::project::key};
constexpr std::array rows_columns{
    schema::Column{rows::table_name, text_type},
    schema::Column{rows::row_uuid, text_type},
    schema::Column{rows::base_version, schema::Type::integer},
};
constexpr std::array<const char*, 1> rows_unique{rows::row_uuid};

constexpr std::array tables{
    schema::Table{origin_table, nullptr, 5, 5, schema::Shape::none, origin_columns, origin_unique},
    schema::Table{rows_table, nullptr, 5, 5, schema::Shape::none, rows_columns, rows_unique},
};

std::string quoted(const char* name) {
  return "\"" + std::string(name) + "\"";
}

}  // namespace

bool is_pushed(std::string_view table) {
  for (const char* t : {schema::sheets::table, schema::ingests::table, schema::sketches::table,
                        schema::spots::table, schema::status_changes::table})
    if (table == t) return true;
  return false;
}

void create_tables(Backend& backend) {
  for (const schema::Table& t : tables) {
    create_table(backend, t, t.name);
    create_unique_indexes(backend, t, t.name);
  }
}

bool is_copy(Backend& backend) {
  return backend.dataset().GetLayerByName(origin_table) != nullptr &&
         backend.dataset().GetLayerByName(rows_table) != nullptr;
}

std::map<std::string, std::string> read_origin(Backend& backend) {
  std::map<std::string, std::string> out;
  Rows origin(backend, origin_table);
  origin.each("", [&](OGRFeature& f) {
    out[text(f, schema::project::key)] = text(f, schema::project::value);
  });
  return out;
}

void set_origin(Backend& backend, const std::string& key, const std::string& value) {
  const std::string table = quoted(origin_table);
  if (backend.execute("UPDATE " + table + " SET " + quoted(schema::project::value) + " = " +
                      sql_literal(value) + " WHERE " + quoted(schema::project::key) + " = " +
                      sql_literal(key)) == 0) {
    backend.execute("INSERT INTO " + table + " (" + quoted(schema::project::key) + ", " +
                    quoted(schema::project::value) + ") VALUES (" + sql_literal(key) + ", " +
                    sql_literal(value) + ")");
  }
}

std::map<std::string, Base> read_bases(Backend& backend) {
  std::map<std::string, Base> out;
  Rows bases(backend, rows_table);
  bases.each("", [&](OGRFeature& f) {
    out[text(f, rows::row_uuid)] = {text(f, rows::table_name),
                                    f.GetFieldAsInteger64(rows::base_version)};
  });
  return out;
}

void insert_base(Backend& backend, const std::string& table, const std::string& uuid,
                 long long version) {
  backend.execute("INSERT INTO " + quoted(rows_table) + " (" + quoted(rows::table_name) + ", " +
                  quoted(rows::row_uuid) + ", " + quoted(rows::base_version) + ") VALUES (" +
                  sql_literal(table) + ", " + sql_literal(uuid) + ", " + std::to_string(version) +
                  ")");
}

void set_base(Backend& backend, const std::string& table, const std::string& uuid,
              long long version) {
  if (backend.execute("UPDATE " + quoted(rows_table) + " SET " + quoted(rows::base_version) +
                      " = " + std::to_string(version) + " WHERE " + quoted(rows::row_uuid) + " = " +
                      sql_literal(uuid)) == 0)
    insert_base(backend, table, uuid, version);
}

void drop_base(Backend& backend, const std::string& uuid) {
  backend.execute("DELETE FROM " + quoted(rows_table) + " WHERE " + quoted(rows::row_uuid) + " = " +
                  sql_literal(uuid));
}

std::string project_uuid(Backend& backend) {
  const auto value = backend.query(
      "SELECT " + quoted(schema::project::value) + " FROM " + quoted(schema::project::table) +
      " WHERE " + quoted(schema::project::key) + " = " + sql_literal(schema::project::key_uuid));
  return value.empty() || !value.front() ? "" : *value.front();
}

}  // namespace wijkatlas::store::detail::sync
