// A store of format 4 (before rows carried who, when and a version) upgraded in place to
// format 5 on both backends: every row kept at version 1, the bookkeeping filled where the row
// knew it (created_at from printed_at, ingested_at, changed_at), a history table, and the same
// columns as a new store. The format-4 store is made as wijkatlas of format 4 left it: a store
// of today with format 5's columns and table dropped (they were added at the end, so what is
// left is column for column a format-4 store).
#include <gtest/gtest.h>

#include "store_file.hpp"
#include "store_sql.hpp"
#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using sketch::Status;

// A statement that returns nothing (DROP, ALTER, UPDATE).
void run(const std::string& where, const std::string& sql) {
  first_value(where, sql);
}

// The columns of a table, "name type" in order. On PostgreSQL without the geometry column,
// which GDAL puts last when it makes a table and an added column cannot follow; its name and
// type are compared apart.
std::string columns(const std::string& where, const std::string& table) {
  if (on_postgis(where)) {
    return first_value(where,
                       "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY "
                       "ordinal_position) FROM information_schema.columns WHERE table_schema = '" +
                           schema_of(where) + "' AND table_name = '" + table +
                           "' AND column_name <> 'geom'") +
           " | " +
           first_value(
               where,
               "SELECT type || ' ' || srid FROM public.geometry_columns WHERE f_table_schema = '" +
                   schema_of(where) + "' AND f_table_name = '" + table + "'");
  }
  return first_value(
      where, "SELECT group_concat(name || ' ' || type) FROM pragma_table_info('" + table + "')");
}

void to_format_4(const std::string& where) {
  for (const char* table : {"sheets", "ingests", "sketches", "spots", "status_changes"}) {
    for (const char* column :
         {"created_at", "created_by", "updated_at", "updated_by", "row_version"}) {
      if (std::string(table) == "spots" && std::string(column) == "created_at") continue;
      run(where, std::string("ALTER TABLE ") + table + " DROP COLUMN " + column);
    }
  }
  run(where, "DROP TABLE history");
  if (!on_postgis(where)) run(where, "DELETE FROM gpkg_contents WHERE table_name = 'history'");
  // Format 6's tables (store import), made since.
  for (const char* table : {"areas", "indicators", "initiatives", "assets", "imports"}) {
    run(where, std::string("DROP TABLE ") + table);
    if (!on_postgis(where)) {
      for (const char* meta : {"gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions"})
        run(where,
            std::string("DELETE FROM ") + meta + " WHERE lower(table_name) = '" + table + "'");
      run(where, std::string("DROP TABLE IF EXISTS rtree_") + table + "_geom");
    }
  }
  run(where, "UPDATE wijkatlas_project SET value = '4' WHERE key = 'format_version'");
}

class StoreFormat4Test : public ::testing::TestWithParam<Backend> {
 protected:
  TempDir dir_;
};

TEST_P(StoreFormat4Test, IsUpgradedInPlaceKeepingEveryRowAtVersionOne) {
  const std::string where = GetParam().location(dir_, "v4");
  {
    OpenOptions o = quick();
    o.by = "planner Oost";
    ProjectStore store = ProjectStore::create(where, "npao", o);
    store.record_sheet({a_sheet(), "Presikhaaf", "Blokgesprek", "", ""});
    store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                      dot(InkCategory::idee, 191200, 443200)}));
    sketch::StatusChange c;
    c.id = "S1";
    c.status = Status::opgepakt;
    c.note = "Lantaarnpalen geplaatst";
    store.set_status(c);
  }
  to_format_4(where);
  ASSERT_EQ(first_value(where, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "4");
  ASSERT_EQ(first_value(where, "SELECT COUNT(*) FROM sketches"), "2");

  ProjectStore store = ProjectStore::open(where, quick());
  EXPECT_EQ(first_value(where, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            std::to_string(format_version));
  const auto rows = store.sketch_statuses("Blokgesprek");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].version, 1);
  EXPECT_EQ(rows[1].version, 1);
  EXPECT_EQ(rows[0].status.status, Status::opgepakt);
  EXPECT_EQ(rows[0].status.note, "Lantaarnpalen geplaatst");
  EXPECT_EQ(first_value(where, "SELECT COUNT(*) FROM sheets WHERE created_at = printed_at"), "1");
  EXPECT_EQ(first_value(where, "SELECT COUNT(*) FROM ingests WHERE created_at = ingested_at"), "1");
  EXPECT_EQ(first_value(where, "SELECT COUNT(*) FROM status_changes WHERE created_by = changed_by"),
            "1");
  EXPECT_TRUE(store.history_since(long_ago).empty()) << "no history from before format 5";

  // The same schema as a new store, column for column and type for type.
  const std::string fresh = GetParam().location(dir_, "nieuw");
  ProjectStore::create(fresh, "npao");
  for (const char* table :
       {"wijkatlas_project", "sheets", "ingests", "sketches", "spots", "status_changes", "history"})
    EXPECT_EQ(columns(where, table), columns(fresh, table)) << table;

  // And it works as one: a compare-and-set change with its history.
  sketch::StatusChange c;
  c.id = "S1";
  c.status = Status::geen_actie;
  c.based_on = 1;
  c.by = "wijkplatform";
  EXPECT_EQ(store.set_status(c).version, 2);
  const auto history = store.history_since(long_ago);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].field, "status");
  EXPECT_EQ(history[0].old_value, "opgepakt");
  EXPECT_EQ(history[0].changed_by, "wijkplatform");
  c.based_on = 1;
  EXPECT_THROW(store.set_status(c), data_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreFormat4Test, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
