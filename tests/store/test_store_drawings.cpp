// Drawings made on the meeting viewer's screen (issue 14), on every backend: stored once per
// client id as a sketch of channel "scherm" with its own ingest, read back with the note, counted
// as one drawing each by the overlap's reader, changed as a compare-and-set; a stale change is a
// conflict naming the move, and a scanned sketch cannot be changed this way.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;

NewDrawing square_drawing(const std::string& id, double x, double y) {
  NewDrawing d;
  d.client_id = id;
  d.session = "Tafel scherm";
  d.category = InkCategory::probleem;
  d.geometry = square(InkCategory::probleem, x, y, 50).geometry;
  d.note = "Donker pad";
  return d;
}

class StoreDrawingsTest : public ::testing::TestWithParam<Backend> {
 protected:
  StoreDrawingsTest() : where_(GetParam().location(dir_, "p")) {
    OpenOptions o = quick();
    o.by = "scherm";
    ProjectStore::create(where_, "npao", o);
  }
  ProjectStore open() const {
    OpenOptions o = quick();
    o.by = "scherm";
    return ProjectStore::open(where_, o);
  }
  TempDir dir_;
  std::string where_;
};

TEST_P(StoreDrawingsTest, ADrawingIsStoredOncePerClientIdAndReadBackWithItsNote) {
  ProjectStore store = open();
  const Drawing first = store.add_drawing(square_drawing("p-een", 191000, 443000));
  EXPECT_FALSE(first.repeated);
  EXPECT_EQ(first.id, "S1");
  EXPECT_EQ(first.kind, sketch::MarkKind::area);
  EXPECT_EQ(first.version, 1);
  const Drawing again = store.add_drawing(square_drawing("p-een", 191000, 443000));
  EXPECT_TRUE(again.repeated);
  EXPECT_EQ(again.id, "S1");

  NewDrawing point;
  point.client_id = "p-twee";
  point.session = "Tafel scherm";
  point.category = InkCategory::idee;
  point.geometry = geo::Point(191030, 443030);
  store.add_drawing(point);

  const std::vector<Drawing> all = store.drawings("Tafel scherm");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].client_id, "p-een");
  EXPECT_EQ(all[0].note, "Donker pad");
  EXPECT_EQ(all[1].kind, sketch::MarkKind::point);
  EXPECT_TRUE(store.drawings("andere sessie").empty());
  // The overlap's reader: each drawing is a drawing of its own, the category's only.
  const SketchSheets sheets = store.current_sheets(InkCategory::probleem, "Tafel scherm");
  EXPECT_EQ(sheets.sheets.size(), 1u);
  EXPECT_EQ(sheets.digital_drawings, 1u);
  EXPECT_EQ(store.current_sheets(sketch::CategoryChoice::all(), "Tafel scherm").sheets.size(), 2u);
  // And the status listing shows the note.
  const auto rows = store.sketch_statuses("Tafel scherm");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].status.note, "Donker pad");
}

TEST_P(StoreDrawingsTest, AChangeBasedOnAnOldVersionIsAConflictNamingTheMove) {
  ProjectStore a = open();
  ProjectStore b = open();  // a second connection, as a second worker or process
  NewDrawing point;
  point.client_id = "p-punt";
  point.session = "Tafel scherm";
  point.geometry = geo::Point(191100, 443100);
  const Drawing made = a.add_drawing(point);

  DrawingChange move{made.id, 1, geo::Geometry(geo::Point(191120, 443100)), {}, {}};
  const Drawing moved = a.change_drawing(move);
  EXPECT_EQ(moved.version, 2);
  EXPECT_EQ(std::get<geo::Point>(moved.geometry).x(), 191120);

  DrawingChange stale{made.id, 1, {}, InkCategory::idee, {}};
  try {
    b.change_drawing(stale);
    FAIL() << "a change based on version 1 was written over version 2";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_CONTAINS(std::string(e.text()), "now version 2");
    EXPECT_CONTAINS(std::string(e.text()), "punt bij (191100, 443100)");
    EXPECT_CONTAINS(std::string(e.text()), "punt bij (191120, 443100)");
  }
  const std::vector<Drawing> now = b.drawings();
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].category, InkCategory::probleem);
  EXPECT_EQ(now[0].version, 2);
}

TEST_P(StoreDrawingsTest, AScannedSketchOrAnUnknownOneCannotBeChangedHere) {
  ProjectStore store = open();
  store.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191000, 443000)}));
  DrawingChange c{"S1", 1, {}, InkCategory::idee, {}};
  try {
    store.change_drawing(c);
    FAIL() << "a scanned sketch was changed as a drawing";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_current);
  }
  c.id = "S42";
  try {
    store.change_drawing(c);
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unknown_id);
  }
  NewDrawing bad = square_drawing("../x", 191000, 443000);
  EXPECT_THROW(store.add_drawing(bad), store_error);
  EXPECT_TRUE(store.drawings().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDrawingsTest, ::testing::ValuesIn(backends()),
                         backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
