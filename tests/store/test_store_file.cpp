// The GeoPackage store's file, read with SQLite itself: the schema a new store has, the values
// as they are kept, nothing half-written, and every unusable file refused before anything is
// written. Independent of the store's own reading code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "store_file.hpp"
#include "store_test_support.hpp"
#include "wijkatlas/store/versions.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using wijkatlas::test::execute_sql;
using wijkatlas::test::query_number;
using wijkatlas::test::query_text;
using wijkatlas::test::StoreLock;
namespace fs = std::filesystem;

std::string declared_type(const fs::path& store, const std::string& table,
                          const std::string& column) {
  return query_text(
      store, "SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'");
}

std::string bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(StoreFile, ANewStoreHasTheSchemaOfItsFormat) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore::create(path.string(), "npao");
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 1u) << "no temporary file is left behind";
  EXPECT_EQ(query_text(path, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_number(path, "PRAGMA application_id"), 0x47504B47) << "a GeoPackage";
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal") << "readers never wait for a writer";
  EXPECT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "6");
  EXPECT_EQ(query_text(path, "SELECT value FROM wijkatlas_project WHERE key = 'project'"), "npao");
  EXPECT_EQ(query_text(path, "SELECT length(value) FROM wijkatlas_project WHERE key = 'uuid'"),
            "36");
  for (const char* table : {"sheets", "ingests", "sketches", "spots", "status_changes"}) {
    EXPECT_EQ(
        query_number(path, std::string("SELECT COUNT(*) FROM gpkg_contents WHERE table_name = '") +
                               table + "'"),
        1)
        << table;
    EXPECT_EQ(declared_type(path, table, "uuid"), "TEXT") << table;
    EXPECT_EQ(
        query_number(path, std::string("SELECT COUNT(*) FROM pragma_index_list('") + table +
                               "') WHERE \"unique\" = 1 AND name = '" + table + "_uuid_unique'"),
        1)
        << table;
  }
  for (const char* dutch : {"plekken", "statuswijzigingen"}) {
    EXPECT_EQ(query_number(path, std::string("SELECT COUNT(*) FROM sqlite_master WHERE name = '") +
                                     dutch + "'"),
              0);
  }
  EXPECT_EQ(
      query_number(
          path,
          "SELECT COUNT(*) FROM pragma_table_info('spots') WHERE name IN "
          "('session', 'category', 'n_total', 'n_label', 'area_m2', 'status_note', 'status_by', "
          "'status_changed_at', 'created_at')"),
      9);
  EXPECT_EQ(declared_type(path, "sheets", "printed_at"), "DATETIME");
  EXPECT_EQ(declared_type(path, "sketches", "status_changed_at"), "DATETIME");
  EXPECT_EQ(declared_type(path, "sketches", "superseded"), "BOOLEAN");
  EXPECT_EQ(
      query_number(
          path,
          "SELECT COUNT(*) FROM pragma_index_list('ingests') WHERE name = 'ingests_sha256_unique'"),
      1);
  EXPECT_EQ(
      query_number(path, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'sketches'"),
      28992);
  EXPECT_EQ(
      query_text(path,
                 "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'spots'"),
      "MULTIPOLYGON");
  EXPECT_EQ(
      query_number(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'rtree_sketches_geom'"),
      1);
  // GDAL's row counts, kept by triggers that two writers at once break, are not used.
  EXPECT_EQ(query_number(
                path,
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents' OR name LIKE "
                "'trigger_%_feature_count_%'"),
            0);
}

TEST(StoreFile, SaysTheSqliteItRunsWith) {
  const geo::LibraryVersions versions = library_versions();
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].first, "SQLite");
  EXPECT_EQ(versions[0].second, query_text(":memory:", "SELECT sqlite_version()"));
}

TEST(StoreFile, RowsAreKeptWithStableIdsNumbersAndTimes) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  {
    ProjectStore store = ProjectStore::create(path.string(), "npao");
    store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                      square(InkCategory::idee, 191300, 443300)}));
    store.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100)}));
    store.set_status(
        {"S3", sketch::Status::opgepakt, "gedaan", std::nullopt, "planner", std::nullopt});
  }
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 3);
  EXPECT_EQ(query_number(path,
                         "SELECT COUNT(DISTINCT uuid) FROM sketches WHERE length(uuid) = 36 AND "
                         "substr(uuid, 15, 1) = '4'"),
            3);
  EXPECT_EQ(
      query_text(path,
                 "SELECT group_concat(number) FROM (SELECT number FROM sketches ORDER BY number)"),
      "1,2,3");
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches WHERE superseded = 0"), 1);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests WHERE superseded = 1 AND version = 1"),
            1);
  EXPECT_EQ(query_number(path,
                         "SELECT COUNT(*) FROM sketches WHERE version = 1 AND category = 'idee' "
                         "AND kind = 'vlak'"),
            1);
  EXPECT_EQ(
      query_number(
          path, "SELECT COUNT(*) FROM sketches WHERE length(crop_png) = 4 AND crop_xmin = 191100"),
      2);
  EXPECT_EQ(
      query_number(path, "SELECT COUNT(*) FROM sheets WHERE id = 'K7Q-4M2' AND printed_at IS NULL"),
      1)
      << "recorded from the photo: printed elsewhere, when is not known";
  // Times are GeoPackage date-times: ISO 8601 with milliseconds, UTC.
  EXPECT_EQ(
      query_number(
          path,
          "SELECT COUNT(*) FROM ingests WHERE ingested_at GLOB "
          "'[2-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].000Z'"),
      2);
  EXPECT_EQ(
      query_text(
          path,
          "SELECT status || '|' || status_note || '|' || status_by FROM sketches WHERE number = 3"),
      "opgepakt|gedaan|planner");
  EXPECT_EQ(
      query_text(
          path,
          "SELECT target_uuid = (SELECT uuid FROM sketches WHERE number = 3) FROM status_changes"),
      "1")
      << "the log names the row by its stable id too";
  // Privacy: without keeping the photo no photo is stored.
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests WHERE photo IS NOT NULL"), 0);
}

TEST(StoreFile, PhotoKeptOnlyWhenAsked) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore store = ProjectStore::create(path.string(), "npao");
  IngestBatch b = photo_batch("eeee", {square(InkCategory::fijne_plek, 191100, 443100)});
  b.photo = {0xff, 0xd8, 0xff, 0xe0, 0x00};
  store.ingest(b);
  EXPECT_EQ(query_number(path, "SELECT length(photo) FROM ingests"), 5);
}

TEST(StoreFile, FailureHalfwayStoresNothing) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore::create(path.string(), "npao");
  // A trigger that refuses the second feature, as a full disk or a crash would.
  execute_sql(path,
              "CREATE TRIGGER refuse BEFORE INSERT ON sketches WHEN NEW.category = 'idee' "
              "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
  ProjectStore store = ProjectStore::open(path.string());
  try {
    store.ingest(photo_batch("cccc", {square(InkCategory::probleem, 191100, 443100),
                                      square(InkCategory::idee, 191300, 443300)}));
    FAIL() << "expected output_error";
  } catch (const output_error& e) {
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::write_failed);
    EXPECT_CONTAINS(std::string(e.what()), "refused by test");
    EXPECT_CONTAINS(std::string(e.what()), "nothing was stored");
  }
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests"), 0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sheets"), 0);
  // The store is usable afterwards.
  EXPECT_FALSE(
      store.ingest(photo_batch("dddd", {square(InkCategory::probleem, 191100, 443100)})).duplicate);
}

TEST(StoreFile, ALockHeldPastTheTimeoutIsAClearOutputError) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore open_before = ProjectStore::create(path.string(), "npao", quick());
  const StoreLock lock(path);
  try {
    ProjectStore::open(path.string(), quick());
    FAIL() << "expected output_error";
  } catch (const output_error& e) {
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::locked);
    EXPECT_CONTAINS(std::string(e.what()), "locked by another program");
    EXPECT_CONTAINS(std::string(e.what()), "stayed locked for 0.2 s");
  }
  // A reader does not need the lock (WAL); a writer waits, then gives up.
  OpenOptions reader = quick();
  reader.check_writable = false;
  EXPECT_EQ(ProjectStore::open(path.string(), reader).sheet_count(), 0u);
  try {
    open_before.record_sheet({a_sheet(), "", "", ""});
    FAIL() << "expected output_error";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::locked);
  }
  EXPECT_EQ(open_before.sheet_count(), 0u);
}

TEST(StoreFile, UnusableFilesAreRefusedAndLeftAsTheyWere) {
  TempDir dir;
  const auto kind = [](const fs::path& p) {
    try {
      ProjectStore::open(p.string(), quick());
    } catch (const store_error& e) {
      return e.kind();
    }
    return ErrorKind::conflict;  // opened: not expected
  };
  dir.write("empty.gpkg", "");
  dir.write("notes.gpkg",
            "this is not a database, just some text long enough to look like a file header\n");
  EXPECT_EQ(kind(dir / "empty.gpkg"), ErrorKind::not_a_store);
  EXPECT_EQ(kind(dir / "notes.gpkg"), ErrorKind::not_a_store);
  EXPECT_THROW(ProjectStore::open((dir / "empty.gpkg").string()), io_error);
  EXPECT_EQ(fs::file_size(dir / "empty.gpkg"), 0u);
  // A plain SQLite database, and a GeoPackage of something else (the CBS areas): not a store,
  // and not touched (not even switched to WAL).
  sqlite3* plain = nullptr;
  sqlite3_open((dir / "plain.sqlite").c_str(), &plain);
  sqlite3_exec(plain, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(plain);
  EXPECT_EQ(kind(dir / "plain.sqlite"), ErrorKind::not_a_store);
  const auto other = dir / "gebieden.gpkg";
  fs::copy_file(wijkatlas::test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), other);
  const std::string before = bytes(other);
  try {
    ProjectStore::open(other.string());
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "not a wijkatlas project store");
  }
  EXPECT_EQ(bytes(other), before);
  EXPECT_EQ(kind(dir.path()), ErrorKind::bad_location);
  EXPECT_THROW(ProjectStore::open(dir.path().string()), usage_error);
  EXPECT_EQ(kind(dir / "nergens.gpkg"), ErrorKind::not_found);
  EXPECT_FALSE(fs::exists(dir / "nergens.gpkg"));
  EXPECT_EQ(kind("PG:dbname=wijkatlas"), ErrorKind::bad_location) << "names no project schema";

  // A store of a newer wijkatlas.
  const auto newer = dir / "nieuwer.gpkg";
  ProjectStore::create(newer.string(), "npao");
  execute_sql(newer, "UPDATE wijkatlas_project SET value = '99' WHERE key = 'format_version'");
  EXPECT_EQ(kind(newer), ErrorKind::newer_format);

  // Creating never replaces a file.
  const std::string notes = bytes(dir / "notes.gpkg");
  try {
    ProjectStore::create((dir / "notes.gpkg").string(), "npao");
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::already_exists);
  }
  EXPECT_EQ(bytes(dir / "notes.gpkg"), notes);
}

TEST(StoreFile, AReadOnlyStoreIsSaidBeforeAnyWrite) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore::create(path.string(), "npao");
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  try {
    ProjectStore::open(path.string());
    FAIL();
  } catch (const output_error& e) {
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::read_only);
  }
}

}  // namespace
}  // namespace wijkatlas::store::test
