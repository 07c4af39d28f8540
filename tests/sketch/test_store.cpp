// The project store: sheets recorded, ingests transactional and idempotent, versions kept,
// and every kind of unusable store refused with a clear message before anything is written.
#include <gtest/gtest.h>

#include <fstream>

#include "sheet_test_support.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::test::TempDir;

SheetInfo a_sheet(const std::string& id = "K7Q-4M2", const std::string& project = "npao") {
  SheetInfo s;
  s.id = id;
  s.project = project;
  s.extent = geo::Box({191000, 443000}, {191725, 443617.5});
  s.scale = 2500;
  s.paper = "A3";
  s.orientation = "landscape";
  s.page_width_mm = 420;
  s.page_height_mm = 297;
  s.frame = {25, 25, 290, 247};
  return s;
}

InkMark square(InkCategory category, double x, double y) {
  geo::Polygon p;
  for (const auto& [dx, dy] : {std::pair{0.0, 0.0}, {20.0, 0.0}, {20.0, 20.0}, {0.0, 20.0}, {0.0, 0.0}}) {
    p.outer().emplace_back(x + dx, y + dy);
  }
  return {category, MarkKind::area, geo::MultiPolygon{p}, 400, 0, 0.9, {0x89, 0x50, 0x4e, 0x47}, geo::Box({x, y}, {x + 20, y + 20})};
}

IngestBatch photo_batch(const std::string& hash, std::vector<InkMark> marks) {
  IngestBatch b;
  b.file_name = "foto_" + hash + ".jpg";
  b.content_sha256 = hash;
  b.sheet = a_sheet();
  b.session = "Blokgesprek";
  b.source = SketchSource::foto;
  b.marks = std::move(marks);
  return b;
}

TEST(Store, RecordsAndFindsSheets) {
  TempDir dir;
  ProjectStore store = ProjectStore::open(dir / "p.gpkg");
  EXPECT_EQ(store.project(), "npao");
  store.record_sheet({a_sheet(), "Klarendal", "Blokgesprek Hommelstraat", ""});
  const auto found = store.find_sheet("K7Q-4M2");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->area, "Klarendal");
  EXPECT_EQ(found->session, "Blokgesprek Hommelstraat");
  EXPECT_FALSE(found->printed_at.empty());
  EXPECT_EQ(encode_payload(found->sheet), encode_payload(a_sheet()));
  EXPECT_FALSE(store.find_sheet("AAA-AAA").has_value());
  EXPECT_THROW(store.record_sheet({a_sheet(), "", "", ""}), data_error) << "an id is recorded once";
  EXPECT_THROW(store.record_sheet({a_sheet("BBB-BBB", "ander"), "", "", ""}), data_error) << "another project's sheet";
  EXPECT_EQ(store.sheet_count(), 1u);
}

TEST(Store, IngestIsIdempotentAndVersioned) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore store = ProjectStore::open(path);
  const IngestOutcome first = store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100)}));
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.features, 1u);
  const IngestOutcome again = store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100)}));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.ingest_id, first.ingest_id);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 1);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests"), 1);
  // A second photo of the same sheet: a new version; the first is kept, marked superseded.
  const IngestOutcome second = store.ingest(
      photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100), square(InkCategory::idee, 191300, 443300)}));
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.superseded, 1u);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 3);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches WHERE superseded = 0"), 2);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests WHERE superseded = 1"), 1);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches WHERE version = 2 AND category = 'idee' AND kind = 'vlak'"), 1);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches WHERE length(crop_png) = 4 AND crop_xmin = 191100"), 2);
  // The sheet was not printed from this store: its QR description is recorded with the photo.
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sheets WHERE id = 'K7Q-4M2'"), 1);
  // Privacy: without --keep-photo no photo is stored.
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests WHERE photo IS NOT NULL"), 0);
}

TEST(Store, PhotoKeptOnlyWhenAsked) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore store = ProjectStore::open(path);
  IngestBatch b = photo_batch("eeee", {square(InkCategory::fijne_plek, 191100, 443100)});
  b.photo = {0xff, 0xd8, 0xff, 0xe0, 0x00};
  store.ingest(b);
  EXPECT_EQ(query_number(path, "SELECT length(photo) FROM ingests"), 5);
}

TEST(Store, FailureHalfwayStoresNothing) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore::open(path);
  // A trigger that refuses the second feature, as a full disk or a crash would.
  execute_sql(path, "CREATE TRIGGER refuse BEFORE INSERT ON sketches WHEN NEW.category = 'idee' "
                    "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
  ProjectStore store = ProjectStore::open(path);
  EXPECT_THROW(store.ingest(photo_batch("cccc", {square(InkCategory::probleem, 191100, 443100), square(InkCategory::idee, 191300, 443300)})),
               output_error);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sketches"), 0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM ingests"), 0);
  EXPECT_EQ(query_number(path, "SELECT COUNT(*) FROM sheets"), 0);
}

TEST(Store, ForeignProjectSheetIsRefused) {
  TempDir dir;
  ProjectStore store = ProjectStore::open(dir / "p.gpkg");
  IngestBatch b = photo_batch("dddd", {square(InkCategory::probleem, 191100, 443100)});
  b.sheet->project = "rotterdam-zuid";
  try {
    store.ingest(b);
    FAIL() << "expected data_error";
  } catch (const data_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "rotterdam-zuid");
    EXPECT_CONTAINS(std::string(e.what()), "npao");
  }
  EXPECT_EQ(query_number(dir / "p.gpkg", "SELECT COUNT(*) FROM ingests"), 0);
}

TEST(Store, LockedStoreIsAClearOutputError) {
  TempDir dir;
  const auto path = dir / "p.gpkg";
  ProjectStore::open(path);
  const StoreLock lock(path);
  try {
    ProjectStore::open(path);
    FAIL() << "expected output_error";
  } catch (const output_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "locked by another program");
  }
}

TEST(Store, UnusableFilesAreRefused) {
  TempDir dir;
  dir.write("empty.gpkg", "");
  dir.write("notes.gpkg", "this is not a database, just some text long enough to look like a file header\n");
  EXPECT_THROW(ProjectStore::open(dir / "empty.gpkg"), io_error);
  EXPECT_THROW(ProjectStore::open(dir / "notes.gpkg"), io_error);
  // A GeoPackage of something else (the CBS areas) is not a project store, and stays untouched.
  const auto other = dir / "gebieden.gpkg";
  std::filesystem::copy_file(wijkatlas::test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), other);
  const auto size = std::filesystem::file_size(other);
  try {
    ProjectStore::open(other);
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "not a wijkatlas project store");
  }
  EXPECT_EQ(std::filesystem::file_size(other), size);
  EXPECT_EQ(std::filesystem::file_size(dir / "empty.gpkg"), 0u);
}

TEST(Store, Sha256OfAFile) {
  TempDir dir;
  // The NIST test vector for "abc".
  EXPECT_EQ(sha256_file(dir.write("abc.txt", "abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_THROW(sha256_file(dir / "missing.jpg"), io_error);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
