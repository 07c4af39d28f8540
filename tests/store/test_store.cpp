// The project store through its API, on every backend: created and opened by location, sheets
// recorded, ingests transactional and idempotent, versions kept, the current sketches grouped
// per sheet, and every failure a store_error of a known kind.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/equals.hpp>
#include <cstdlib>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::CategoryChoice;
using sketch::InkCategory;

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string location(const std::string& name = "p") const {
    return GetParam().location(dir_, name);
  }
  ProjectStore create(const std::string& name = "p") const {
    return ProjectStore::create(location(name), "npao", quick());
  }

  TempDir dir_;
};

template <class F>
ErrorKind kind_thrown(F&& f) {
  try {
    f();
  } catch (const store_error& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no store_error thrown";
  return ErrorKind::bad_value;
}

TEST_P(StoreTest, CreateIsSeparateFromOpen) {
  EXPECT_EQ(kind_thrown([&] { ProjectStore::open(location()); }), ErrorKind::not_found)
      << "opening never creates";
  {
    ProjectStore store = ProjectStore::create(location(), "wijkplatform-oost");
    EXPECT_EQ(store.project(), "wijkplatform-oost");
    EXPECT_EQ(store.location(), location());
    EXPECT_EQ(store.sheet_count(), 0u);
  }
  EXPECT_EQ(ProjectStore::open(location()).project(), "wijkplatform-oost");
  EXPECT_EQ(kind_thrown([&] { ProjectStore::create(location(), "npao"); }),
            ErrorKind::already_exists);
  EXPECT_EQ(ProjectStore::open(location()).project(), "wijkplatform-oost")
      << "the refused create changed nothing";
  EXPECT_EQ(ProjectStore::open_or_create(location(), "npao").project(), "wijkplatform-oost");
  EXPECT_EQ(ProjectStore::open_or_create(location("nieuw"), "npao").project(), "npao");
}

TEST_P(StoreTest, ErrorsKeepTheExitCodesOfTheirKind) {
  try {
    ProjectStore::open(location());
    FAIL();
  } catch (const io_error& e) {  // exit 3: input missing or wrong
    EXPECT_CONTAINS(std::string(e.what()), location());
    EXPECT_CONTAINS(std::string(e.what()), "no project store here");
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << "a library names no option";
  }
  create();
  try {
    ProjectStore::create(location(), "npao");
    FAIL();
  } catch (const output_error& e) {  // exit 4
    const auto* s = dynamic_cast<const store_error*>(&e);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->kind(), ErrorKind::already_exists);
    try {
      s->rethrow_with_hint("choose another name");
    } catch (const output_error& hinted) {
      EXPECT_EQ(std::string(hinted.what()), std::string(e.what()) + ": choose another name");
    }
  }
  EXPECT_EQ(to_string(ErrorKind::locked), "locked");
}

TEST_P(StoreTest, RecordsAndFindsSheets) {
  ProjectStore store = create();
  store.record_sheet({a_sheet(), "Klarendal", "Blokgesprek Hommelstraat", ""});
  const auto found = store.find_sheet("K7Q-4M2");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->area, "Klarendal");
  EXPECT_EQ(found->session, "Blokgesprek Hommelstraat");
  EXPECT_EQ(found->printed_at.size(), 20u) << found->printed_at;  // 2026-11-23T18:10:00Z
  EXPECT_EQ(found->printed_at.back(), 'Z');
  EXPECT_EQ(found->previous_session, "");
  EXPECT_EQ(sketch::encode_payload(found->sheet), sketch::encode_payload(a_sheet()));
  EXPECT_FALSE(store.find_sheet("AAA-AAA").has_value());
  EXPECT_EQ(kind_thrown([&] {
              store.record_sheet({a_sheet(), "", "", ""});
            }),
            ErrorKind::duplicate)
      << "an id is recorded once";
  EXPECT_EQ(kind_thrown([&] {
              store.record_sheet({a_sheet("BBB-BBB", "ander"), "", "", ""});
            }),
            ErrorKind::foreign_project);
  EXPECT_EQ(store.sheet_count(), 1u);

  store.record_sheet(
      {a_sheet("CCC-CCC"), "", "Ronde twee", "2026-11-23T18:10:00Z", "Blokgesprek Hommelstraat"});
  const auto second = ProjectStore::open(location()).find_sheet("CCC-CCC");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->printed_at, "2026-11-23T18:10:00Z") << "a given time is kept to the second";
  EXPECT_EQ(second->previous_session, "Blokgesprek Hommelstraat");
}

TEST_P(StoreTest, IngestIsIdempotentAndVersioned) {
  ProjectStore store = create();
  const IngestOutcome first =
      store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100)}));
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.features, 1u);
  EXPECT_EQ(first.superseded, 0u);
  const IngestOutcome again =
      store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100)}));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.ingest_id, first.ingest_id);
  EXPECT_EQ(again.earlier_file, "foto_aaaa.jpg");
  EXPECT_EQ(again.earlier_at.size(), 20u) << again.earlier_at;
  EXPECT_EQ(store.current_sheets(CategoryChoice::all()).sketches, 1u);
  // The sheet was not printed from this store: its QR description is recorded with the photo.
  EXPECT_TRUE(store.find_sheet("K7Q-4M2").has_value());

  // A second photo of the same sheet: a new version; the first is kept, marked superseded.
  const IngestOutcome second =
      store.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100),
                                        square(InkCategory::idee, 191300, 443300)}));
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.superseded, 1u);
  const SketchSheets current = store.current_sheets(CategoryChoice::all());
  EXPECT_EQ(current.sketches, 2u) << "only the current version counts";
  ASSERT_EQ(current.sheets.size(), 1u);
  EXPECT_EQ(store.current_sheets(InkCategory::idee).sketches, 1u);
  EXPECT_EQ(store.ingest(photo_batch("cccc", {})).version, 3);
  EXPECT_EQ(store.current_sheets(CategoryChoice::all()).sketches, 0u);
}

TEST_P(StoreTest, ForeignProjectSheetIsRefusedAndNothingStored) {
  ProjectStore store = create();
  IngestBatch b = photo_batch("dddd", {square(InkCategory::probleem, 191100, 443100)});
  b.sheet->project = "rotterdam-zuid";
  try {
    store.ingest(b);
    FAIL() << "expected data_error";
  } catch (const data_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "rotterdam-zuid");
    EXPECT_CONTAINS(std::string(e.what()), "npao");
  }
  EXPECT_TRUE(store.sessions().empty());
  EXPECT_EQ(store.sheet_count(), 0u);
}

TEST_P(StoreTest, CurrentSheetsGroupMarksPerSheetWithItsExtent) {
  ProjectStore store = create();
  store.record_sheet({a_sheet(), "", "Blokgesprek", ""});
  store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                    dot(InkCategory::idee, 191200, 443200)}));
  IngestBatch other = photo_batch("bbbb", {square(InkCategory::probleem, 191110, 443110)});
  other.sheet = a_sheet("M9T-2QX");
  other.session = "Tafel 3";
  store.ingest(other);
  store.ingest(
      drawing_batch("tafel3.geojson", "eeee", {square(InkCategory::probleem, 191500, 443500, 40)}));

  const SketchSheets all = store.current_sheets(InkCategory::probleem);
  EXPECT_EQ(all.sketches, 3u);
  ASSERT_EQ(all.sheets.size(), 3u);
  EXPECT_EQ(all.digital_drawings, 1u);
  EXPECT_EQ(all.sheets[0].id, "K7Q-4M2") << "in the order they were stored";
  EXPECT_EQ(all.sheets[1].id, "M9T-2QX");
  EXPECT_EQ(all.sheets[2].id, "tekening I-eeee");
  EXPECT_TRUE(all.sheets[2].coverage.empty())
      << "a drawing of no sheet: its marks are its coverage";
  geo::Polygon extent;
  extent.outer() = {
      {191000, 443000}, {191725, 443000}, {191725, 443617.5}, {191000, 443617.5}, {191000, 443000}};
  EXPECT_TRUE(boost::geometry::equals(all.sheets[0].coverage, geo::MultiPolygon{extent}));
  ASSERT_EQ(all.sheets[0].marks.size(), 1u);
  EXPECT_TRUE(boost::geometry::equals(
      std::get<geo::MultiPolygon>(all.sheets[0].marks[0]),
      std::get<geo::MultiPolygon>(square(InkCategory::probleem, 191100, 443100).geometry)));

  const SketchSheets of_session = store.current_sheets(CategoryChoice::all(), "Blokgesprek");
  EXPECT_EQ(of_session.sketches, 2u);
  ASSERT_EQ(of_session.sheets.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<geo::Point>(of_session.sheets[0].marks[1]));
  EXPECT_EQ(store.current_sheets(InkCategory::fijne_plek).sketches, 0u);
  EXPECT_EQ(store.current_sheets(CategoryChoice::all(), "Nergens").sheets.size(), 0u);
  EXPECT_EQ(store.sessions(), (std::vector<std::string>{"Blokgesprek", "Tafel 3"}));
}

TEST_P(StoreTest, GeometriesComeBackExactly) {
  ProjectStore store = create();
  geo::Polygon holed;
  holed.outer() = {{191000.123456789, 443000.987654321},
                   {191100.5, 443000.25},
                   {191100.5, 443100.75},
                   {191000.123456789, 443000.987654321}};
  holed.inners().push_back(
      {{191050, 443020}, {191060, 443030}, {191070, 443020}, {191050, 443020}});
  geo::MultiLineString line{{{191000.1, 443000.2}, {191300.3, 443100.4}, {191400.5, 443050.6}}};
  IngestBatch b = drawing_batch("vormen.geojson", "ffff", {});
  b.marks.push_back(
      {InkCategory::idee, sketch::MarkKind::area, geo::MultiPolygon{holed}, 1, 0, 1, {}, {}});
  b.marks.push_back({InkCategory::idee, sketch::MarkKind::line, line, 0, 1, 1, {}, {}});
  b.marks.push_back(dot(InkCategory::idee, 191234.5678, 443987.6543));
  store.ingest(b);
  const SketchSheets back = ProjectStore::open(location()).current_sheets(InkCategory::idee);
  ASSERT_EQ(back.sheets.size(), 1u);
  ASSERT_EQ(back.sheets[0].marks.size(), 3u);
  const auto& polygon = std::get<geo::MultiPolygon>(back.sheets[0].marks[0]);
  ASSERT_EQ(polygon.size(), 1u);
  EXPECT_EQ(polygon[0].outer()[0].x(), 191000.123456789)
      << "coordinates are stored as the doubles they are";
  EXPECT_EQ(polygon[0].inners().size(), 1u);
  EXPECT_TRUE(
      boost::geometry::equals(std::get<geo::MultiLineString>(back.sheets[0].marks[1]), line));
  EXPECT_EQ(std::get<geo::Point>(back.sheets[0].marks[2]).y(), 443987.6543);
}

TEST_P(StoreTest, DigitalDrawingsAreVersionedByFileName) {
  ProjectStore store = create();
  EXPECT_EQ(
      store.ingest(drawing_batch("tafel3.geojson", "a1", {dot(InkCategory::idee, 191000, 443000)}))
          .version,
      1);
  const IngestOutcome edited =
      store.ingest(drawing_batch("tafel3.geojson", "a2", {dot(InkCategory::idee, 191001, 443000)}));
  EXPECT_EQ(edited.version, 2);
  EXPECT_EQ(edited.superseded, 1u);
  EXPECT_EQ(
      store.ingest(drawing_batch("tafel4.geojson", "a3", {dot(InkCategory::idee, 191000, 443000)}))
          .version,
      1);
  const SketchSheets current = store.current_sheets(InkCategory::idee);
  EXPECT_EQ(current.sketches, 2u);
  EXPECT_EQ(current.digital_drawings, 2u);
}

// CI starts a PostgreSQL server (scripts/test.sh): the PostGIS backend never skips there.
TEST(StoreBackends, PostgisRunsInCi) {
  EXPECT_FALSE(postgis_required_but_missing())
      << "CI=true but WIJKATLAS_TEST_PG is not set: run the tests through scripts/test.sh";
  if (std::getenv("WIJKATLAS_TEST_PG") != nullptr) {
    EXPECT_EQ(backends().size(), 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
