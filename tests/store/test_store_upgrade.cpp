// Stores of older formats (tests/fixtures/store_v1: format 1; store_v3: format 3 with spots and
// statuses) upgraded in place to the current format: every row kept, Dutch names English, stable
// ids and sketch numbers added, times as date-time fields; a failed upgrade leaves the store as it
// was; two processes upgrading at once end with one upgraded store.
#include <gtest/gtest.h>

#include "store_file.hpp"
#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::CategoryChoice;
using sketch::InkCategory;
using wijkatlas::test::execute_sql;
using wijkatlas::test::query_number;
using wijkatlas::test::query_text;
namespace fs = std::filesystem;

fs::path fixture(const TempDir& dir, const std::string& name) {
  const auto store = dir / (name + ".gpkg");
  fs::copy_file(
      wijkatlas::test::source_file("tests/fixtures/store_" + name + "/project_" + name + ".gpkg"),
      store);
  return store;
}

long long columns(const fs::path& store, const std::string& table) {
  return query_number(store, "SELECT COUNT(*) FROM pragma_table_info('" + table + "')");
}

TEST(StoreUpgrade, FormatOneKeepsEveryRowAndGainsIdsNumbersAndTimes) {
  TempDir dir;
  const auto path = fixture(dir, "v1");
  ASSERT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "1");
  const std::string printed =
      query_text(path, "SELECT printed_at FROM sheets WHERE id = '9EQ-72Y'");
  ASSERT_EQ(printed, "2026-11-23T22:16:27Z");
  const std::string fids = query_text(path, "SELECT group_concat(fid) FROM sketches");

  ProjectStore store = ProjectStore::open(path.string());
  EXPECT_EQ(store.project(), "npao");
  EXPECT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "6");
  EXPECT_EQ(query_text(path, "SELECT length(value) FROM wijkatlas_project WHERE key = 'uuid'"),
            "36");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sheets"), 3);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests"), 3);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 8);
  EXPECT_EQ(query_text(path, "SELECT group_concat(number) FROM sketches"), fids) << "S6 stays S6";
  EXPECT_EQ(query_number(path, "SELECT COUNT(DISTINCT uuid) FROM sketches WHERE length(uuid) = 36"),
            8);
  EXPECT_EQ(query_number(path, "SELECT COUNT(DISTINCT uuid) FROM sheets WHERE length(uuid) = 36"),
            3);
  EXPECT_EQ(query_text(path, "SELECT printed_at FROM sheets WHERE id = '9EQ-72Y'"),
            "2026-11-23T22:16:27.000Z");
  EXPECT_EQ(
      query_text(path, "SELECT type FROM pragma_table_info('sheets') WHERE name = 'printed_at'"),
      "DATETIME");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM spots"), 0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM status_changes"), 0);
  // The same schema as a new store, column for column.
  const auto fresh = dir / "nieuw.gpkg";
  ProjectStore::create(fresh.string(), "npao");
  for (const char* table :
       {"wijkatlas_project", "sheets", "ingests", "sketches", "spots", "status_changes"}) {
    EXPECT_EQ(
        query_text(
            path, std::string("SELECT group_concat(name || ' ' || type) FROM pragma_table_info('") +
                      table + "')"),
        query_text(fresh, std::string(
                              "SELECT group_concat(name || ' ' || type) FROM pragma_table_info('") +
                              table + "')"))
        << table;
  }
  EXPECT_EQ(query_number(path,
                         "SELECT COUNT(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents' OR "
                         "name LIKE 'wijkatlas_format%'"),
            0);
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text(path, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM rtree_sketches_geom"), 8)
      << "the spatial index covers every sketch";

  // Through the API, as before the upgrade.
  EXPECT_EQ(store.sessions(), std::vector<std::string>{"Blokgesprek Hommelstraat"});
  EXPECT_EQ(store.find_sheet("9EQ-72Y")->printed_at, printed);
  const SketchSheets probleem = store.current_sheets(InkCategory::probleem);
  EXPECT_EQ(probleem.sheets.size(), 3u);
  EXPECT_EQ(probleem.sketches, 4u);
  // New sketches continue the numbers.
  store.ingest(drawing_batch("nog een.geojson", "9999", {dot(InkCategory::idee, 191950, 444700)}));
  EXPECT_EQ(store.sketch_statuses("Tafel 3").front().id, "S9");
}

TEST(StoreUpgrade, FormatThreeKeepsSpotsStatusesAndTheirHistory) {
  TempDir dir;
  const auto path = fixture(dir, "v3");
  ASSERT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "3");
  const std::string changed = query_text(
      path, "SELECT gewijzigd_op FROM plekken WHERE id = 'blokgesprek-hommelstraat-P01'");
  const long long x = query_number(
      path,
      "SELECT CAST(initiatief_x AS INT) FROM plekken WHERE id = 'blokgesprek-hommelstraat-P01'");

  ProjectStore store = ProjectStore::open(path.string());
  EXPECT_EQ(
      query_number(
          path,
          "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('plekken', 'statuswijzigingen')"),
      0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM spots"), 3);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM spots WHERE min_n = 2"), 3);
  EXPECT_EQ(
      query_text(
          path,
          "SELECT category || ' ' || n_label FROM spots WHERE id = 'blokgesprek-hommelstraat-P01'"),
      "probleem 3 van 3");
  EXPECT_EQ(
      query_text(path,
                 "SELECT group_concat(target_kind || ' ' || target_id || ' ' || status || ' ' || "
                 "changed_by, '|') "
                 "FROM status_changes"),
      "plek blokgesprek-hommelstraat-P01 opgepakt planner Oost|schets S6 geen actie planner Oost");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM status_changes WHERE target_uuid IS NULL"), 2)
      << "changes logged before format 4 name their row by its id only";
  EXPECT_EQ(query_text(path, "SELECT previous_session FROM sheets WHERE id = 'PGS-QX0'"),
            "Blokgesprek Hommelstraat");

  const auto spots = store.spots("Blokgesprek Hommelstraat");
  ASSERT_EQ(spots.size(), 3u);
  const sketch::StatusInfo& s = spots[0].status;
  EXPECT_EQ(s.status, sketch::Status::opgepakt);
  EXPECT_EQ(s.note, "Lantaarnpalen geplaatst");
  EXPECT_EQ(s.by, "planner Oost");
  EXPECT_EQ(s.changed_at, changed) << "the time, to the second";
  ASSERT_TRUE(s.initiative && s.initiative->location);
  EXPECT_EQ(s.initiative->id, "VB-003");
  EXPECT_EQ(static_cast<long long>(s.initiative->location->x()), x);
  EXPECT_NEAR(spots[0].area_m2, 6200, 0.01);
  EXPECT_EQ(spots[1].category, InkCategory::fijne_plek);
  const auto sketches = store.sketch_statuses("Blokgesprek Hommelstraat");
  ASSERT_EQ(sketches.size(), 8u);
  EXPECT_EQ(sketches[5].id, "S6");
  EXPECT_EQ(sketches[5].status.status, sketch::Status::geen_actie);
  EXPECT_EQ(store.find_sheet("PGS-QX0")->previous_session, "Blokgesprek Hommelstraat");
}

TEST(StoreUpgrade, AFailedUpgradeLeavesTheStoreAsItWas) {
  TempDir dir;
  const auto path = fixture(dir, "v3");
  // A table of the new name made by hand (in QGIS, say): the rebuilt spots table cannot be made.
  execute_sql(path, "CREATE TABLE spots (x TEXT)");
  try {
    ProjectStore::open(path.string());
    FAIL() << "expected output_error";
  } catch (const output_error& e) {
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::upgrade_failed);
    EXPECT_CONTAINS(std::string(e.what()),
                    "cannot upgrade the store from format 3 to 6 (it is left unchanged)");
  }
  EXPECT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "3");
  EXPECT_EQ(columns(path, "sheets"), 12) << "the renamed and new columns are rolled back";
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM plekken"), 3);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM statuswijzigingen"), 2);
  EXPECT_EQ(
      query_number(path, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'wijkatlas_format%'"),
      0);
  EXPECT_EQ(query_text(path, "PRAGMA integrity_check"), "ok");
  // Without the obstacle it upgrades.
  execute_sql(path, "DROP TABLE spots");
  EXPECT_EQ(ProjectStore::open(path.string()).spots("Blokgesprek Hommelstraat").size(), 3u);
}

TEST(StoreUpgrade, TwoProcessesOpeningAnOldStoreAtOnceUpgradeItOnce) {
  TempDir dir;
  const auto path = fixture(dir, "v3");
  const auto codes = run_at_once(3, [&](int) {
    ProjectStore store = ProjectStore::open(path.string());
    return static_cast<int>(store.sketch_statuses("Blokgesprek Hommelstraat").size());
  });
  EXPECT_EQ(codes, (std::vector<int>{8, 8, 8}));
  EXPECT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "6");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 8);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM spots"), 3);
}

}  // namespace
}  // namespace wijkatlas::store::test
