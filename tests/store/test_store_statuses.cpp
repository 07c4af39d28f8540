// Round two through the store's API, on every backend: the sketches of a session with their
// statuses, spots kept and replaced, statuses set on spots and sketches and refused for ids
// the store does not know.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/equals.hpp>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using sketch::Status;

class StoreStatusTest : public ::testing::TestWithParam<Backend> {
 protected:
  StoreStatusTest()
      : store_(ProjectStore::create(GetParam().location(dir_, "p"), "npao", quick())) {
    store_.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                       dot(InkCategory::idee, 191200, 443200)}));
  }

  static sketch::SpotRecord spot(const std::string& id, const std::string& session,
                                 InkCategory category, int n) {
    sketch::SpotRecord s;
    s.id = id;
    s.session = session;
    s.category = category;
    s.n = n;
    s.N = 3;
    s.min_n = 2;
    s.geometry = std::get<geo::MultiPolygon>(square(category, 191100, 443100, 10.0 * n).geometry);
    s.area_m2 = 100.0 * n * n;
    return s;
  }

  TempDir dir_;
  ProjectStore store_;
};

TEST_P(StoreStatusTest, SketchesOfASessionCarryNumbersAndStatuses) {
  const auto rows = store_.sketch_statuses("Blokgesprek");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, "S1");
  EXPECT_EQ(rows[1].id, "S2");
  EXPECT_EQ(rows[0].sheet_id, "K7Q-4M2");
  EXPECT_EQ(rows[0].category, InkCategory::probleem);
  EXPECT_EQ(rows[1].kind, sketch::MarkKind::point);
  EXPECT_EQ(rows[0].status.status, Status::nieuw);
  EXPECT_TRUE(rows[0].status.changed_at.empty());
  EXPECT_TRUE(store_.sketch_statuses("Tafel 9").empty());

  // A new photo of the sheet: its sketches get the next numbers; the old ones are not current.
  store_.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100)}));
  const auto now = store_.sketch_statuses("Blokgesprek");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].id, "S3");
}

TEST_P(StoreStatusTest, StatusOfASketchIsSetAndKept) {
  sketch::StatusChange change{"s2",         Status::geen_actie, "particulier terrein",
                              std::nullopt, "planner Oost",     std::nullopt};
  const StatusSet set = store_.set_status(change);
  EXPECT_EQ(set.id, "S2");
  EXPECT_EQ(set.kind, "schets");
  EXPECT_EQ(set.status.status, Status::geen_actie);
  EXPECT_EQ(set.status.changed_at.size(), 20u);
  const auto rows = store_.sketch_statuses("Blokgesprek");
  EXPECT_EQ(rows[1].status.status, Status::geen_actie);
  EXPECT_EQ(rows[1].status.note, "particulier terrein");
  EXPECT_EQ(rows[1].status.by, "planner Oost");
  EXPECT_EQ(rows[1].status.changed_at, set.status.changed_at);

  store_.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100)}));
  try {
    store_.set_status({"S1", Status::opgepakt, std::nullopt, std::nullopt, "", std::nullopt});
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_current);
  }
  try {
    store_.set_status({"S99", Status::opgepakt, std::nullopt, std::nullopt, "", std::nullopt});
    FAIL();
  } catch (const data_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "no sketch S99");
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::unknown_id);
  }
}

TEST_P(StoreStatusTest, SpotsAreReplacedPerSessionAndKeepTheirStatuses) {
  EXPECT_TRUE(store_.spots("Blokgesprek").empty());
  store_.replace_spots("Blokgesprek",
                       {spot("blokgesprek-P01", "Blokgesprek", InkCategory::probleem, 3),
                        spot("blokgesprek-P02", "Blokgesprek", InkCategory::idee, 2)});
  store_.replace_spots("Tafel 3", {spot("tafel-3-P01", "Tafel 3", InkCategory::fijne_plek, 2)});
  auto spots = store_.spots("Blokgesprek");
  ASSERT_EQ(spots.size(), 2u);
  EXPECT_EQ(spots[0].id, "blokgesprek-P01");
  EXPECT_EQ(spots[0].category, InkCategory::probleem);
  EXPECT_EQ(spots[0].n, 3);
  EXPECT_EQ(spots[0].N, 3);
  EXPECT_EQ(spots[0].min_n, 2);
  EXPECT_DOUBLE_EQ(spots[0].area_m2, 900);
  EXPECT_TRUE(
      boost::geometry::equals(spots[0].geometry, spot("x", "", InkCategory::probleem, 3).geometry));
  EXPECT_EQ(spots[0].created_at.size(), 20u);

  // Typed ids may differ in case; a linked initiative keeps its place.
  sketch::StatusChange change{
      "BLOKGESPREK-p02",
      Status::opgepakt,
      "Lantaarnpalen geplaatst",
      sketch::LinkedInitiative{"VB-003", "Speelstraat", geo::Point(191150, 443150)},
      "planner Oost",
      std::nullopt};
  const StatusSet set = store_.set_status(change);
  EXPECT_EQ(set.id, "blokgesprek-P02");
  EXPECT_EQ(set.kind, "plek");
  spots = store_.spots("Blokgesprek");
  const sketch::StatusInfo& s = spots[1].status;
  EXPECT_EQ(s.status, Status::opgepakt);
  ASSERT_TRUE(s.initiative.has_value());
  EXPECT_EQ(s.initiative->id, "VB-003");
  ASSERT_TRUE(s.initiative->location.has_value());
  EXPECT_EQ(s.initiative->location->x(), 191150);
  // What is not given is kept; an initiative with an empty id removes it.
  store_.set_status({"blokgesprek-P02", Status::in_behandeling, std::nullopt,
                     sketch::LinkedInitiative{}, "planner", std::nullopt});
  spots = store_.spots("Blokgesprek");
  EXPECT_EQ(spots[1].status.note, "Lantaarnpalen geplaatst");
  EXPECT_FALSE(spots[1].status.initiative.has_value());

  // Made again: the statuses given with the new spots are stored, the old spots are gone.
  sketch::SpotRecord carried = spot("blokgesprek-P01", "Blokgesprek", InkCategory::idee, 2);
  carried.status = spots[1].status;
  store_.replace_spots("Blokgesprek", {carried});
  spots = store_.spots("Blokgesprek");
  ASSERT_EQ(spots.size(), 1u);
  EXPECT_EQ(spots[0].status.status, Status::in_behandeling);
  EXPECT_EQ(spots[0].status.changed_at, carried.status.changed_at);
  EXPECT_EQ(store_.spots("Tafel 3").size(), 1u) << "another session's spots stay";

  try {
    store_.replace_spots("Blokgesprek", {spot("tafel-3-P01", "Blokgesprek", InkCategory::idee, 2)});
    FAIL();
  } catch (const data_error& e) {
    EXPECT_CONTAINS(std::string(e.what()), "already used by a spot of session 'Tafel 3'");
    EXPECT_EQ(dynamic_cast<const store_error&>(e).kind(), ErrorKind::duplicate);
  }
  EXPECT_EQ(store_.spots("Blokgesprek").size(), 1u) << "the refused replacement changed nothing";
  try {
    store_.set_status(
        {"tafel-P09", Status::opgepakt, std::nullopt, std::nullopt, "", std::nullopt});
    FAIL();
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unknown_id);
    EXPECT_CONTAINS(std::string(e.what()), "no spot or sketch with id 'tafel-P09'");
  }
}

TEST_P(StoreStatusTest, EveryStatusGivenIsKeptInOrderWithTheInitiative) {
  EXPECT_TRUE(store_.status_history("S1").empty()) << "never set";
  store_.set_status({"S1", Status::in_behandeling, "buurtteam kijkt", std::nullopt, "planner Oost",
                     std::nullopt});
  store_.set_status({"s1", Status::opgepakt, "lantaarn geplaatst",
                     sketch::LinkedInitiative{"VB-003", "Licht in de Geitenkamp", std::nullopt},
                     "Team Leefomgeving", std::nullopt});
  const std::vector<StatusHistoryEntry> history = store_.status_history("s1");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].status, Status::in_behandeling);
  EXPECT_EQ(history[0].note, "buurtteam kijkt");
  EXPECT_FALSE(history[0].initiative);
  EXPECT_EQ(history[0].changed_by, "planner Oost");
  EXPECT_EQ(history[1].status, Status::opgepakt);
  EXPECT_EQ(history[1].note, "lantaarn geplaatst");
  ASSERT_TRUE(history[1].initiative);
  EXPECT_EQ(history[1].initiative->id, "VB-003");
  EXPECT_EQ(history[1].initiative->name, "Licht in de Geitenkamp");
  EXPECT_LE(history[0].changed_at, history[1].changed_at);
  EXPECT_TRUE(store_.status_history("S2").empty()) << "another sketch's history is its own";
  EXPECT_THROW(store_.status_history("S99"), store_error);
  EXPECT_THROW(store_.status_history("geen-plek-P01"), store_error);
}

TEST_P(StoreStatusTest, ASketchReadFromAPhotoKeepsItsCropAndWhereItCameFrom) {
  sketch::InkMark mark = square(InkCategory::fijne_plek, 191300, 443300);
  mark.confidence = 0.82;
  mark.crop_png = {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
  mark.crop_extent = geo::Box({191290, 443290}, {191330, 443330});
  store_.ingest(photo_batch("cccc", {mark}));  // the sheet's next photo: S3 is current
  const SketchProvenance p = store_.sketch_provenance("s3");
  EXPECT_EQ(p.id, "S3");
  EXPECT_EQ(p.sheet_id, "K7Q-4M2");
  EXPECT_EQ(p.source, "foto");
  EXPECT_NEAR(p.confidence, 0.82, 1e-9);
  EXPECT_EQ(p.crop_png, mark.crop_png);
  EXPECT_NEAR(p.crop_extent.min_corner().x(), 191290, 1e-6);
  EXPECT_NEAR(p.crop_extent.max_corner().y(), 443330, 1e-6);
  // The sketches of the earlier photo are no longer current; an id that never was is unknown.
  for (const char* id : {"S1", "S40", "P1"}) {
    try {
      store_.sketch_provenance(id);
      ADD_FAILURE() << id;
    } catch (const store_error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::unknown_id) << id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreStatusTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
