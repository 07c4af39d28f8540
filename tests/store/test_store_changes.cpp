// No lost updates (issue 13), on every backend, with real connections and processes: every row
// says who made and changed it when and has a version; a change is a compare-and-set on that
// version, so of two changes based on the same version one is written and the other is a
// conflict that names what changed, when and by whom; the history keeps every change.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using sketch::Status;

constexpr int written = 0, conflicted = 5;

sketch::StatusChange change(const std::string& id, Status status, std::optional<long long> based_on,
                            const std::string& by = "") {
  sketch::StatusChange c;
  c.id = id;
  c.status = status;
  c.based_on = based_on;
  c.by = by;
  return c;
}

std::size_t count(const std::vector<HistoryEntry>& entries, const std::string& table,
                  const std::string& field) {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(),
                    [&](const HistoryEntry& e) { return e.table == table && e.field == field; }));
}

class StoreChangesTest : public ::testing::TestWithParam<Backend> {
 protected:
  StoreChangesTest() : where_(GetParam().location(dir_, "p")) {
    ProjectStore store = ProjectStore::create(where_, "npao", as("tafel Presikhaaf 12-3"));
    store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                      dot(InkCategory::idee, 191200, 443200)}));
  }
  TempDir dir_;
  std::string where_;
};

TEST_P(StoreChangesTest, EveryRowSaysWhoMadeItAndHasVersionOne) {
  ProjectStore store = ProjectStore::open(where_, quick());
  const auto rows = store.sketch_statuses("Blokgesprek");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].version, 1);
  EXPECT_EQ(store.version_of("S2"), 1);
  const auto history = store.history_since(long_ago);
  EXPECT_EQ(count(history, "sheets", "(nieuw)"), 1u);
  EXPECT_EQ(count(history, "ingests", "(nieuw)"), 1u);
  EXPECT_EQ(count(history, "sketches", "(nieuw)"), 2u);
  for (const HistoryEntry& e : history) {
    EXPECT_EQ(e.changed_by, "tafel Presikhaaf 12-3");
    EXPECT_EQ(e.changed_at.size(), 20u) << e.changed_at;
  }
  EXPECT_EQ(history.back().row_id, "S2");
}

TEST_P(StoreChangesTest, TwoConnectionsChangingOneRowTheSecondGetsAConflictAndTheFirstStays) {
  ProjectStore first = ProjectStore::open(where_, as("planner Oost"));
  ProjectStore second = ProjectStore::open(where_, as("wijkplatform"));
  const long long seen_first = first.sketch_statuses("Blokgesprek")[0].version;
  const long long seen_second = second.sketch_statuses("Blokgesprek")[0].version;
  ASSERT_EQ(seen_first, seen_second);

  sketch::StatusChange done = change("S1", Status::opgepakt, seen_first);
  done.note = "Lantaarnpalen geplaatst";
  const StatusSet set = first.set_status(done);
  EXPECT_EQ(set.version, seen_first + 1);
  try {
    second.set_status(change("S1", Status::geen_actie, seen_second));
    FAIL() << "no conflict";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.subject(), "schets S1");
    const std::string message = e.what();
    EXPECT_CONTAINS(message, "changed since version 1 was read: now version 2");
    EXPECT_CONTAINS(message, "by planner Oost");
    EXPECT_CONTAINS(message, "status 'nieuw' -> 'opgepakt'");
    EXPECT_CONTAINS(message, "status_note '' -> 'Lantaarnpalen geplaatst'");
    EXPECT_CONTAINS(message, "nothing was written");
  }
  EXPECT_THROW(second.set_status(change("S1", Status::geen_actie, seen_second)), data_error);

  ProjectStore reader = ProjectStore::open(where_, quick());
  const auto row = reader.sketch_statuses("Blokgesprek")[0];
  EXPECT_EQ(row.status.status, Status::opgepakt) << "the first change is kept";
  EXPECT_EQ(row.status.note, "Lantaarnpalen geplaatst");
  EXPECT_EQ(row.version, 2);
  const auto history = reader.history_since(long_ago);
  EXPECT_EQ(count(history, "sketches", "status"), 1u) << "the refused change left no history";

  // Read again, the second one's change goes through.
  EXPECT_EQ(second.set_status(change("S1", Status::geen_actie, second.version_of("S1"))).version,
            3);
}

TEST_P(StoreChangesTest, TwoConnectionsChangingDifferentRowsBothStay) {
  ProjectStore first = ProjectStore::open(where_, as("planner Oost"));
  ProjectStore second = ProjectStore::open(where_, as("wijkplatform"));
  first.set_status(change("S1", Status::opgepakt, 1));
  second.set_status(change("S2", Status::in_behandeling, 1));
  const auto rows = ProjectStore::open(where_, quick()).sketch_statuses("Blokgesprek");
  EXPECT_EQ(rows[0].status.status, Status::opgepakt);
  EXPECT_EQ(rows[0].status.by, "planner Oost");
  EXPECT_EQ(rows[1].status.status, Status::in_behandeling);
  EXPECT_EQ(rows[1].status.by, "wijkplatform");
}

TEST_P(StoreChangesTest, TwoProcessesSettingOneSpotAtOnceOneWinsAndTheOtherIsTold) {
  {
    ProjectStore store = ProjectStore::open(where_, quick());
    sketch::SpotRecord spot;
    spot.id = "blokgesprek-P01";
    spot.session = "Blokgesprek";
    spot.n = 2;
    spot.N = 3;
    spot.geometry =
        std::get<geo::MultiPolygon>(square(InkCategory::probleem, 191100, 443100).geometry);
    store.replace_spots("Blokgesprek", {spot});
  }
  for (int trial = 0; trial < 3; ++trial) {
    const long long seen = ProjectStore::open(where_, quick()).version_of("blokgesprek-P01");
    auto codes = run_at_once(2, [&](int i) {
      ProjectStore store = ProjectStore::open(where_, as("planner " + std::to_string(i)));
      try {
        // Two statuses that differ from each other and from the one the spot has.
        const Status mine = trial % 2 == 0 ? (i == 0 ? Status::opgepakt : Status::geen_actie)
                                           : (i == 0 ? Status::in_behandeling : Status::nieuw);
        store.set_status(change("blokgesprek-P01", mine, seen));
        return written;
      } catch (const store_error& e) {
        return e.kind() == ErrorKind::conflict ? conflicted : 98;
      }
    });
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(codes, (std::vector<int>{written, conflicted})) << "trial " << trial;
    ProjectStore store = ProjectStore::open(where_, quick());
    EXPECT_EQ(store.version_of("blokgesprek-P01"), seen + 1) << "one change, not two";
    const auto spot = store.spots("Blokgesprek").front();
    const auto history = store.history_since(long_ago);
    const auto last = std::find_if(history.rbegin(), history.rend(),
                                   [](const HistoryEntry& e) { return e.field == "status"; });
    ASSERT_NE(last, history.rend());
    EXPECT_EQ(*last->new_value, sketch::to_string(spot.status.status)) << "the winner's value";
    EXPECT_EQ(last->changed_by, spot.status.by);
    EXPECT_EQ(count(history, "spots", "status"), static_cast<std::size_t>(trial + 1));
  }
}

TEST_P(StoreChangesTest, TwoProcessesInsertingAtOnceBothStay) {
  const auto codes = run_at_once(2, [&](int i) {
    ProjectStore store = ProjectStore::open(where_, as("laptop " + std::to_string(i)));
    SheetRecord r{a_sheet("SH" + std::to_string(i)), "Presikhaaf", "Tafel", "", ""};
    store.record_sheet(r);
    store.ingest(drawing_batch("t" + std::to_string(i) + ".geojson", "t" + std::to_string(i),
                               {dot(InkCategory::idee, 191000, 443000)}));
    return written;
  });
  EXPECT_EQ(codes, (std::vector<int>{written, written}));
  ProjectStore store = ProjectStore::open(where_, quick());
  EXPECT_EQ(store.sheet_count(), 3u);
  EXPECT_EQ(store.sketch_statuses("Tafel 3").size(), 2u);
  const auto history = store.history_since(long_ago);
  EXPECT_EQ(count(history, "sheets", "(nieuw)"), 3u);
  EXPECT_EQ(count(history, "sketches", "(nieuw)"), 4u);
}

TEST_P(StoreChangesTest, ASpotMadeAgainContinuesItsVersionSoAnOldReadConflicts) {
  ProjectStore store = ProjectStore::open(where_, as("planner Oost"));
  sketch::SpotRecord spot;
  spot.id = "blokgesprek-P01";
  spot.session = "Blokgesprek";
  spot.geometry =
      std::get<geo::MultiPolygon>(square(InkCategory::probleem, 191100, 443100).geometry);
  store.replace_spots("Blokgesprek", {spot});
  EXPECT_EQ(store.version_of("blokgesprek-P01"), 1);
  store.replace_spots("Blokgesprek", {spot});
  EXPECT_EQ(store.version_of("blokgesprek-P01"), 2);
  EXPECT_THROW(store.set_status(change("blokgesprek-P01", Status::opgepakt, 1)), data_error);
  const auto history = store.history_since(long_ago);
  EXPECT_EQ(count(history, "spots", "(verwijderd)"), 1u);
  EXPECT_EQ(count(history, "spots", "(nieuw)"), 2u);
}

TEST_P(StoreChangesTest, ALaterPhotoSupersedesWithHistoryAndTheLogStartsAtASession) {
  ProjectStore store = ProjectStore::open(where_, as("planner Oost"));
  store.set_status(change("S1", Status::in_behandeling, 1));
  const auto moment = store.session_moment("planner Oost");
  ASSERT_TRUE(moment);
  EXPECT_EQ(store.session_moment("Blokgesprek").has_value(), true) << "its ingest";
  EXPECT_FALSE(store.session_moment("Tafel 99"));

  ProjectStore later = ProjectStore::open(where_, as("wijkplatform"));
  // Times are whole seconds: a later change is in a later second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  later.ingest(photo_batch("bbbb", {square(InkCategory::probleem, 191100, 443100)}));
  const auto since = later.history_since(*moment);
  ASSERT_FALSE(since.empty());
  for (const HistoryEntry& e : since) EXPECT_EQ(e.changed_by, "wijkplatform");
  EXPECT_EQ(count(since, "sketches", "superseded"), 2u);
  EXPECT_EQ(count(since, "ingests", "superseded"), 1u);
  EXPECT_EQ(count(since, "sketches", "(nieuw)"), 1u);
  const auto superseded = std::find_if(since.begin(), since.end(), [](const HistoryEntry& e) {
    return e.field == "superseded" && e.row_id == "S1";
  });
  ASSERT_NE(superseded, since.end());
  EXPECT_EQ(superseded->old_value, "nee");
  EXPECT_EQ(superseded->new_value, "ja");
  EXPECT_EQ(superseded->version, 3) << "S1: made, status set, superseded";
  EXPECT_THROW(later.history_since("gisteren"), data_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreChangesTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
