// A drawing withdrawn (issue 13): a sketch removed as a compare-and-set on its version, on every
// backend, with two real connections or processes. update/delete and delete/update: the second
// writer gets a conflict that says what happened, and nothing is written; delete/delete: the
// second is told the sketch was removed already (when, by whom), and nothing is written either.
#include <gtest/gtest.h>

#include <algorithm>

#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using sketch::Status;

sketch::StatusChange change(const std::string& id, Status status, long long based_on) {
  sketch::StatusChange c;
  c.id = id;
  c.status = status;
  c.based_on = based_on;
  return c;
}

std::size_t count(const std::vector<HistoryEntry>& entries, const std::string& field,
                  const std::string& row_id) {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [&](const HistoryEntry& e) {
        return e.table == "sketches" && e.field == field && e.row_id == row_id;
      }));
}

std::vector<std::string> ids(ProjectStore& store) {
  std::vector<std::string> out;
  for (const auto& row : store.sketch_statuses("Blokgesprek")) out.push_back(row.id);
  return out;
}

class StoreDeleteTest : public ::testing::TestWithParam<Backend> {
 protected:
  StoreDeleteTest() : where_(GetParam().location(dir_, "p")) {
    ProjectStore store = ProjectStore::create(where_, "npao", as("tafel"));
    store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                      dot(InkCategory::idee, 191200, 443200)}));
  }
  TempDir dir_;
  std::string where_;
};

TEST_P(StoreDeleteTest, ASketchRemovedIsGoneWithItsRemovalInTheHistoryAndItsNumberNotGivenAgain) {
  ProjectStore store = ProjectStore::open(where_, as("planner Oost"));
  const SketchRemoval removal = store.delete_sketch("s2", 1);
  EXPECT_EQ(removal.id, "S2");
  EXPECT_FALSE(removal.already_removed);
  EXPECT_EQ(removal.version, 2);
  EXPECT_EQ(removal.removed_by, "planner Oost");
  EXPECT_EQ(ids(store), (std::vector<std::string>{"S1"}));
  EXPECT_EQ(store.current_sheets(sketch::CategoryChoice::all()).sketches, 1u);
  const auto history = store.history_since(long_ago);
  ASSERT_EQ(count(history, "(verwijderd)", "S2"), 1u);
  const auto entry = std::find_if(history.begin(), history.end(),
                                  [](const HistoryEntry& e) { return e.field == "(verwijderd)"; });
  EXPECT_EQ(entry->old_value, "S2");
  EXPECT_FALSE(entry->new_value);
  EXPECT_EQ(entry->changed_by, "planner Oost");
  EXPECT_EQ(entry->version, 2);

  // The next drawing gets S3, not S2 again: a change based on the removed S2 cannot reach it.
  store.ingest(drawing_batch("later.geojson", "later", {dot(InkCategory::idee, 191300, 443300)}));
  EXPECT_EQ(store.sketch_statuses("Tafel 3").front().id, "S3");
  EXPECT_THROW(store.set_status(change("S2", Status::opgepakt, 1)), data_error);

  try {
    store.delete_sketch("S99", 1);
    FAIL() << "no error";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unknown_id);
  }
  EXPECT_THROW(store.delete_sketch("P01", 1), data_error);
}

TEST_P(StoreDeleteTest, UpdateThenDeleteOfTheSameVersionTheDeleteIsTheConflictAndNothingIsRemoved) {
  ProjectStore first = ProjectStore::open(where_, as("planner Oost"));
  ProjectStore second = ProjectStore::open(where_, as("wijkplatform"));
  const long long seen = second.version_of("S1");
  first.set_status(change("S1", Status::opgepakt, seen));
  try {
    second.delete_sketch("S1", seen);
    FAIL() << "no conflict";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.subject(), "schets S1");
    const std::string message = e.what();
    EXPECT_CONTAINS(message, "changed since version 1 was read: now version 2");
    EXPECT_CONTAINS(message, "by planner Oost");
    EXPECT_CONTAINS(message, "status 'nieuw' -> 'opgepakt'");
    EXPECT_CONTAINS(message, "nothing was written");
  }
  ProjectStore reader = ProjectStore::open(where_, quick());
  EXPECT_EQ(ids(reader), (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(reader.sketch_statuses("Blokgesprek")[0].status.status, Status::opgepakt);
  EXPECT_EQ(count(reader.history_since(long_ago), "(verwijderd)", "S1"), 0u);
  // Read again, the removal goes through.
  EXPECT_EQ(second.delete_sketch("S1", second.version_of("S1")).version, 3);
}

TEST_P(StoreDeleteTest, DeleteThenUpdateOfTheSameVersionTheUpdateIsTheConflictAndSaysItWasRemoved) {
  ProjectStore first = ProjectStore::open(where_, as("planner Oost"));
  ProjectStore second = ProjectStore::open(where_, as("wijkplatform"));
  const long long seen = second.version_of("S1");
  first.delete_sketch("S1", seen);
  try {
    second.set_status(change("S1", Status::opgepakt, seen));
    FAIL() << "no conflict";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.subject(), "schets S1");
    const std::string message = e.what();
    EXPECT_CONTAINS(message, "it was removed 20");
    EXPECT_CONTAINS(message, "by planner Oost");
    EXPECT_CONTAINS(message, "nothing was written");
    // The facts a front end words itself: gone since, when, by whom, from which version.
    ASSERT_TRUE(e.conflict());
    EXPECT_EQ(e.conflict()->based_on, seen);
    EXPECT_EQ(e.conflict()->now_version, 0);
    EXPECT_EQ(e.conflict()->changed_by, "planner Oost");
    EXPECT_EQ(e.conflict()->changed_at.substr(0, 2), "20");
  }
  ProjectStore reader = ProjectStore::open(where_, quick());
  EXPECT_EQ(ids(reader), (std::vector<std::string>{"S2"}));
  const auto history = reader.history_since(long_ago);
  EXPECT_EQ(count(history, "status", "S1"), 0u) << "the refused change left no history";
  EXPECT_EQ(count(history, "(verwijderd)", "S1"), 1u);
}

TEST_P(StoreDeleteTest, DeleteThenDeleteTheSecondIsToldItWasRemovedAlreadyAndWritesNothing) {
  ProjectStore first = ProjectStore::open(where_, as("planner Oost"));
  ProjectStore second = ProjectStore::open(where_, as("wijkplatform"));
  const long long seen = second.version_of("S1");
  const SketchRemoval done = first.delete_sketch("S1", seen);
  const SketchRemoval again = second.delete_sketch("S1", seen);
  EXPECT_TRUE(again.already_removed);
  EXPECT_EQ(again.removed_by, "planner Oost");
  EXPECT_EQ(again.removed_at, done.removed_at);
  EXPECT_EQ(again.version, done.version);
  ProjectStore reader = ProjectStore::open(where_, quick());
  const auto history = reader.history_since(long_ago);
  EXPECT_EQ(count(history, "(verwijderd)", "S1"), 1u);
  for (const HistoryEntry& e : history) EXPECT_NE(e.changed_by, "wijkplatform");
}

TEST_P(StoreDeleteTest, TwoProcessesRemovingOneSketchAtOnceOneRemovesItAndTheOtherIsTold) {
  constexpr int removed = 0, told = 1;
  auto codes = run_at_once(2, [&](int i) {
    ProjectStore store = ProjectStore::open(where_, as("laptop " + std::to_string(i)));
    return store.delete_sketch("S1", 1).already_removed ? told : removed;
  });
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<int>{removed, told}));
  ProjectStore reader = ProjectStore::open(where_, quick());
  EXPECT_EQ(ids(reader), (std::vector<std::string>{"S2"}));
  EXPECT_EQ(count(reader.history_since(long_ago), "(verwijderd)", "S1"), 1u);
}

TEST_P(StoreDeleteTest, TwoProcessesOneRemovingOneChangingAtOnceOneWinsAndTheOtherIsTold) {
  constexpr int written = 0, conflicted = 5;
  auto codes = run_at_once(2, [&](int i) {
    ProjectStore store = ProjectStore::open(where_, as("laptop " + std::to_string(i)));
    try {
      if (i == 0)
        store.delete_sketch("S1", 1);
      else
        store.set_status(change("S1", Status::opgepakt, 1));
      return written;
    } catch (const store_error& e) {
      return e.kind() == ErrorKind::conflict ? conflicted : 98;
    }
  });
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<int>{written, conflicted}));
  ProjectStore reader = ProjectStore::open(where_, quick());
  const auto history = reader.history_since(long_ago);
  const std::size_t removals = count(history, "(verwijderd)", "S1");
  const std::size_t changes = count(history, "status", "S1");
  EXPECT_EQ(removals + changes, 1u) << "one of the two, never both";
  EXPECT_EQ(ids(reader).size(), removals == 1 ? 1u : 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDeleteTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
