// To the buurthuis and back (issue 13), through the store's API on every backend: a copy takes
// every row with its version and says where it came from; edits on both sides merge per row;
// a row changed on both sides (or removed on one, changed on the other) is a conflict that
// names what each side did, when and by whom, and nothing of it is written until ours or
// theirs decides; removed on both is fine; a second push finds nothing to do.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "store_test_support.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/store/sync.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::InkCategory;
using sketch::Status;

sketch::StatusChange change(const std::string& id, Status status, const std::string& note = "") {
  sketch::StatusChange c;
  c.id = id;
  c.status = status;
  if (!note.empty()) c.note = note;
  return c;
}

std::optional<sketch::SketchStatusRow> sketch_row(ProjectStore& store, const std::string& id,
                                                  const std::string& session = "Blokgesprek") {
  for (const auto& row : store.sketch_statuses(session))
    if (row.id == id) return row;
  return std::nullopt;
}

std::size_t count(const std::vector<HistoryEntry>& entries, const std::string& field,
                  const std::string& row_id) {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(),
                    [&](const HistoryEntry& e) { return e.field == field && e.row_id == row_id; }));
}

sketch::SpotRecord a_spot(const std::string& id) {
  sketch::SpotRecord spot;
  spot.id = id;
  spot.session = "Blokgesprek";
  spot.n = 2;
  spot.N = 3;
  spot.geometry =
      std::get<geo::MultiPolygon>(square(InkCategory::probleem, 191100, 443100).geometry);
  return spot;
}

class StoreSyncTest : public ::testing::TestWithParam<Backend> {
 protected:
  StoreSyncTest()
      : store_(GetParam().location(dir_, "p")), laptop_((dir_ / "laptop.gpkg").string()) {
    ProjectStore store = ProjectStore::create(store_, "npao", as("tafel"));
    store.ingest(photo_batch("aaaa", {square(InkCategory::probleem, 191100, 443100),
                                      dot(InkCategory::idee, 191200, 443200)}));
    store.replace_spots("Blokgesprek", {a_spot("blokgesprek-P01")});
  }

  CopyResult copy(const std::string& to) {
    CopyRequest r;
    r.from = store_;
    r.to = to;
    r.options = as("buurthuis");
    return copy_project(r);
  }

  PushResult push(std::vector<std::string> ours = {}, std::vector<std::string> theirs = {}) {
    PushRequest r;
    r.laptop = laptop_;
    r.to = store_;
    r.ours = std::move(ours);
    r.theirs = std::move(theirs);
    r.options = as("planner Oost");
    return store::push(r);
  }

  TempDir dir_;
  std::string store_;
  std::string laptop_;
};

TEST_P(StoreSyncTest, ACopyTakesEveryRowWithItsVersionAndSaysWhereItCameFrom) {
  {
    ProjectStore store = ProjectStore::open(store_, as("planner Oost"));
    store.set_status(change("S1", Status::opgepakt));
  }
  const CopyResult copied = copy(laptop_);
  EXPECT_EQ(copied.rows.at("sketches"), 2u);
  EXPECT_EQ(copied.rows.at("spots"), 1u);
  EXPECT_EQ(copied.rows.at("sheets"), 1u);
  EXPECT_EQ(copied.rows.at("ingests"), 1u);
  EXPECT_EQ(copied.rows.at("status_changes"), 1u);
  ProjectStore laptop = ProjectStore::open(laptop_, quick());
  ProjectStore store = ProjectStore::open(store_, quick());
  EXPECT_EQ(laptop.project(), "npao");
  ASSERT_EQ(laptop.sketch_statuses("Blokgesprek").size(), 2u);
  EXPECT_EQ(laptop.version_of("S1"), 2);
  EXPECT_EQ(sketch_row(laptop, "S1")->status.by, "planner Oost") << "who changed it, as it was";
  const auto spot = laptop.spots("Blokgesprek").front();
  EXPECT_DOUBLE_EQ(geo::area(spot.geometry), 400.0) << "its geometry, in RD";
  EXPECT_EQ(spot.version, store.spots("Blokgesprek").front().version);
  EXPECT_EQ(laptop.history_since(long_ago).size(), store.history_since(long_ago).size());
  const auto origin = copy_origin(laptop_);
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->from, store.location());
  EXPECT_EQ(origin->copied_by, "buurthuis");
  EXPECT_EQ(origin->copied_at, copied.copied_at);
  EXPECT_EQ(origin->from.find("password"), std::string::npos);
  EXPECT_FALSE(copy_origin(store_)) << "the store itself is no copy";
  // Never over an existing store.
  try {
    copy(laptop_);
    FAIL() << "copied over an existing store";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::already_exists);
  }
}

TEST_P(StoreSyncTest, ACopyGoesToAnyBackendAndOneWijkTakesWhatTouchesIt) {
  {
    ProjectStore store = ProjectStore::open(store_, quick());
    // A drawing far from the sheet, in another wijk.
    store.ingest(drawing_batch("ver.geojson", "ver", {dot(InkCategory::idee, 195000, 440000)}));
  }
  const std::string second = GetParam().location(dir_, "kopie");
  EXPECT_EQ(copy(second).rows.at("sketches"), 3u) << "the whole project";
  CopyRequest r;
  r.from = second;  // a copy of a copy, from the param backend to a GeoPackage
  r.to = laptop_;
  geo::Polygon around_the_sheet;
  around_the_sheet.outer() = {
      {191000, 443000}, {191300, 443000}, {191300, 443300}, {191000, 443300}, {191000, 443000}};
  r.area = geo::MultiPolygon{around_the_sheet};
  r.area_name = "Presikhaaf";
  const CopyResult copied = copy_project(r);
  EXPECT_EQ(copied.rows.at("sketches"), 2u) << "the sheet whole, not the far drawing";
  EXPECT_EQ(copied.rows.at("ingests"), 1u);
  EXPECT_EQ(copied.rows.at("spots"), 1u);
  EXPECT_EQ(copy_origin(laptop_)->area_name, "Presikhaaf");
  ProjectStore laptop = ProjectStore::open(laptop_, quick());
  EXPECT_TRUE(laptop.sketch_statuses("Tafel 3").empty());
  for (const HistoryEntry& e : laptop.history_since(long_ago)) EXPECT_NE(e.row_id, "S3");
}

TEST_P(StoreSyncTest, EditsOnBothSidesToDifferentRowsMergeAndASecondPushIsANoOp) {
  copy(laptop_);
  {
    ProjectStore laptop = ProjectStore::open(laptop_, as("buurthuis"));
    laptop.set_status(change("S1", Status::opgepakt, "gemeld bij de gemeente"));
    laptop.ingest(
        drawing_batch("tafel.geojson", "tafel", {dot(InkCategory::idee, 191150, 443150)}));
    laptop.set_status(change("S3", Status::in_behandeling));
    laptop.delete_sketch("S2", 1);
  }
  {
    ProjectStore store = ProjectStore::open(store_, as("wijkplatform"));
    store.set_status(change("blokgesprek-P01", Status::geen_actie));
    store.ingest(
        drawing_batch("kantoor.geojson", "kantoor", {dot(InkCategory::idee, 191160, 443160)}));
  }
  const PushResult pushed = push();
  EXPECT_TRUE(pushed.conflicts.empty());
  EXPECT_EQ(pushed.updated, 1u) << "S1";
  EXPECT_EQ(pushed.removed, 1u) << "S2";
  EXPECT_EQ(pushed.inserted, 4u) << "the laptop's ingest, its sketch, two status changes";
  ASSERT_EQ(pushed.renumbered.size(), 1u);
  EXPECT_EQ(pushed.renumbered.at("S3"), "S4") << "the store's own drawing has S3";

  ProjectStore store = ProjectStore::open(store_, quick());
  const auto s1 = sketch_row(store, "S1");
  ASSERT_TRUE(s1);
  EXPECT_EQ(s1->status.status, Status::opgepakt);
  EXPECT_EQ(s1->status.note, "gemeld bij de gemeente");
  EXPECT_EQ(s1->status.by, "buurthuis");
  EXPECT_EQ(s1->version, 2);
  EXPECT_FALSE(sketch_row(store, "S2")) << "removed";
  EXPECT_EQ(store.spots("Blokgesprek").front().status.status, Status::geen_actie)
      << "the store's own change stays";
  const auto tafel = store.sketch_statuses("Tafel 3");
  ASSERT_EQ(tafel.size(), 2u);
  EXPECT_EQ(tafel[1].id, "S4");
  EXPECT_EQ(tafel[1].status.status, Status::in_behandeling);
  const auto history = store.history_since(long_ago);
  const auto s1_status = std::find_if(history.begin(), history.end(), [](const HistoryEntry& e) {
    return e.row_id == "S1" && e.field == "status";
  });
  ASSERT_NE(s1_status, history.end());
  EXPECT_EQ(s1_status->changed_by, "buurthuis") << "the original author, not the pusher";
  EXPECT_EQ(count(history, "(via push)", "S1"), 1u);
  EXPECT_EQ(count(history, "(verwijderd)", "S2"), 1u);
  EXPECT_EQ(count(history, "(nieuw)", "S4"), 1u);
  EXPECT_EQ(count(history, "status", "S4"), 1u);
  const auto via = std::find_if(history.begin(), history.end(),
                                [](const HistoryEntry& e) { return e.field == "(via push)"; });
  EXPECT_EQ(via->changed_by, "planner Oost");
  EXPECT_CONTAINS(*via->new_value, "push van " + laptop_);

  // The laptop now knows the numbers the store gave, and a second push has nothing to do.
  ProjectStore laptop = ProjectStore::open(laptop_, quick());
  EXPECT_EQ(laptop.sketch_statuses("Tafel 3").front().id, "S4");
  EXPECT_FALSE(copy_origin(laptop_)->last_push.empty());
  const std::size_t entries = history.size();
  const PushResult again = push();
  EXPECT_TRUE(again.wrote_nothing());
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(store.history_since(long_ago).size(), entries);
}

TEST_P(StoreSyncTest, TheSameRowChangedOnBothSidesIsAConflictAndNothingOfItIsWritten) {
  copy(laptop_);
  {
    ProjectStore laptop = ProjectStore::open(laptop_, as("buurthuis"));
    laptop.set_status(change("S1", Status::opgepakt, "op de laptop"));
    laptop.set_status(change("S2", Status::in_behandeling));
  }
  {
    ProjectStore store = ProjectStore::open(store_, as("wijkplatform"));
    store.set_status(change("S1", Status::geen_actie, "op kantoor"));
  }
  const PushResult pushed = push();
  ASSERT_EQ(pushed.conflicts.size(), 1u);
  const PushConflict& c = pushed.conflicts.front();
  EXPECT_EQ(c.table, "sketches");
  EXPECT_EQ(c.row_id, "S1");
  EXPECT_EQ(c.kind, ConflictKind::both_changed);
  EXPECT_EQ(c.base_version, 1);
  const auto field = [](const std::vector<HistoryEntry>& changes, const std::string& name) {
    return std::find_if(changes.begin(), changes.end(),
                        [&](const HistoryEntry& e) { return e.field == name; });
  };
  const auto mine = field(c.laptop_changes, "status");
  ASSERT_NE(mine, c.laptop_changes.end());
  EXPECT_EQ(mine->old_value, "nieuw");
  EXPECT_EQ(mine->new_value, "opgepakt");
  EXPECT_EQ(mine->changed_by, "buurthuis");
  EXPECT_FALSE(mine->changed_at.empty());
  const auto theirs = field(c.store_changes, "status");
  ASSERT_NE(theirs, c.store_changes.end());
  EXPECT_EQ(theirs->new_value, "geen actie");
  EXPECT_EQ(theirs->changed_by, "wijkplatform");
  EXPECT_EQ(pushed.updated, 1u) << "S2, changed on the laptop only, merges";

  {
    ProjectStore store = ProjectStore::open(store_, quick());
    EXPECT_EQ(sketch_row(store, "S1")->status.note, "op kantoor") << "nothing of S1 written";
    EXPECT_EQ(sketch_row(store, "S1")->version, 2);
    EXPECT_EQ(sketch_row(store, "S2")->status.status, Status::in_behandeling);
    ProjectStore laptop = ProjectStore::open(laptop_, quick());
    EXPECT_EQ(sketch_row(laptop, "S1")->status.note, "op de laptop") << "the laptop as it was";
  }
  // Pushed again without a decision: the same conflict, nothing else.
  const PushResult again = push();
  EXPECT_EQ(again.conflicts.size(), 1u);
  EXPECT_TRUE(again.wrote_nothing());

  // --theirs: the store's row stays and goes to the laptop; then nothing is left to push.
  const PushResult decided = push({}, {"S1"});
  EXPECT_TRUE(decided.conflicts.empty());
  EXPECT_EQ(decided.kept_theirs, 1u);
  ProjectStore laptop = ProjectStore::open(laptop_, quick());
  EXPECT_EQ(sketch_row(laptop, "S1")->status.note, "op kantoor");
  EXPECT_EQ(sketch_row(laptop, "S1")->version, 2);
  EXPECT_TRUE(push().wrote_nothing());
  EXPECT_TRUE(push().conflicts.empty());
}

TEST_P(StoreSyncTest, OursWritesTheLaptopsRowAsOneMoreVersionLoggedAsTheLaptopsChange) {
  copy(laptop_);
  {
    ProjectStore laptop = ProjectStore::open(laptop_, as("buurthuis"));
    laptop.set_status(change("S1", Status::opgepakt, "op de laptop"));
  }
  {
    ProjectStore store = ProjectStore::open(store_, as("wijkplatform"));
    store.set_status(change("S1", Status::geen_actie, "op kantoor"));
  }
  const PushResult decided = push({"all"});
  EXPECT_TRUE(decided.conflicts.empty());
  EXPECT_EQ(decided.took_ours, 1u);
  ProjectStore store = ProjectStore::open(store_, quick());
  const auto s1 = sketch_row(store, "S1");
  EXPECT_EQ(s1->status.note, "op de laptop");
  EXPECT_EQ(s1->status.status, Status::opgepakt);
  EXPECT_EQ(s1->version, 3) << "one more than the store's own change";
  const auto history = store.history_since(long_ago);
  const auto last_note = std::find_if(history.begin(), history.end(), [](const HistoryEntry& e) {
    return e.row_id == "S1" && e.field == "status_note" && e.version == 3;
  });
  ASSERT_NE(last_note, history.end());
  EXPECT_EQ(last_note->old_value, "op kantoor");
  EXPECT_EQ(last_note->new_value, "op de laptop");
  EXPECT_EQ(last_note->changed_by, "buurthuis");
  EXPECT_EQ(last_note->version, 3);
  EXPECT_EQ(ProjectStore::open(laptop_, quick()).version_of("S1"), 3);
  EXPECT_TRUE(push().wrote_nothing());
}

TEST_P(StoreSyncTest, RemovedOnBothIsFineRemovedOnOneAndChangedOnTheOtherIsAConflict) {
  {
    ProjectStore store = ProjectStore::open(store_, quick());
    store.ingest(photo_batch(
        "bbbb",
        {square(InkCategory::probleem, 191100, 443100), dot(InkCategory::idee, 191200, 443200),
         dot(InkCategory::idee, 191210, 443210), dot(InkCategory::idee, 191220, 443220)}));
  }
  // S3..S6 are current; S1 and S2 superseded.
  copy(laptop_);
  {
    ProjectStore laptop = ProjectStore::open(laptop_, as("buurthuis"));
    laptop.delete_sketch("S3", 1);                                // and in the store: fine
    laptop.delete_sketch("S4", 1);                                // the store changed it
    laptop.set_status(change("S5", Status::opgepakt, "laptop"));  // the store removed it
  }
  {
    ProjectStore store = ProjectStore::open(store_, as("wijkplatform"));
    store.delete_sketch("S3", 1);
    store.set_status(change("S4", Status::geen_actie));
    store.delete_sketch("S5", 1);
  }
  const PushResult pushed = push();
  ASSERT_EQ(pushed.conflicts.size(), 2u);
  std::map<std::string, ConflictKind> kinds;
  for (const PushConflict& c : pushed.conflicts) kinds[c.row_id] = c.kind;
  EXPECT_EQ(kinds.at("S4"), ConflictKind::removed_on_laptop);
  EXPECT_EQ(kinds.at("S5"), ConflictKind::removed_in_store);
  {
    ProjectStore store = ProjectStore::open(store_, quick());
    EXPECT_TRUE(sketch_row(store, "S4")) << "not removed without a decision";
    EXPECT_FALSE(sketch_row(store, "S5")) << "not brought back without a decision";
  }
  // S4: the store's change stays (and the laptop gets S4 back); S5: the laptop's change wins.
  const PushResult decided = push({"S5"}, {"S4"});
  EXPECT_TRUE(decided.conflicts.empty());
  ProjectStore store = ProjectStore::open(store_, quick());
  EXPECT_EQ(sketch_row(store, "S4")->status.status, Status::geen_actie);
  ASSERT_EQ(store.sketch_statuses("Blokgesprek").size(), 3u) << "S4, S6 and the laptop's S5";
  const auto back = store.sketch_statuses("Blokgesprek").back();
  EXPECT_EQ(back.id, "S7") << "numbers are never given again";
  EXPECT_EQ(back.status.note, "laptop");
  EXPECT_EQ(decided.renumbered.at("S5"), "S7");
  ProjectStore laptop = ProjectStore::open(laptop_, quick());
  EXPECT_EQ(sketch_row(laptop, "S4")->status.status, Status::geen_actie);
  EXPECT_TRUE(push().wrote_nothing());
  EXPECT_TRUE(push().conflicts.empty());
}

TEST_P(StoreSyncTest, TheSameFileIngestedOnBothSidesIsStoredOnce) {
  copy(laptop_);
  const IngestBatch same =
      drawing_batch("zelfde.geojson", "zelfde", {dot(InkCategory::idee, 191150, 443150)});
  ProjectStore::open(laptop_, quick()).ingest(same);
  ProjectStore::open(store_, quick()).ingest(same);
  const PushResult pushed = push();
  EXPECT_TRUE(pushed.conflicts.empty());
  EXPECT_EQ(pushed.inserted, 0u);
  EXPECT_EQ(pushed.already_there, 1u);
  ProjectStore store = ProjectStore::open(store_, quick());
  EXPECT_EQ(store.sketch_statuses("Tafel 3").size(), 1u);
  EXPECT_TRUE(push().wrote_nothing());
}

TEST_P(StoreSyncTest, APushOfNoCopyOrToAnotherProjectIsRefused) {
  try {
    PushRequest r;
    r.laptop = store_;
    r.to = (dir_ / "ander.gpkg").string();
    ProjectStore::create(r.to, "npao");
    store::push(r);
    FAIL() << "pushed a store that is no copy";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_a_store);
  }
  copy(laptop_);
  PushRequest r;
  r.laptop = laptop_;
  r.to = (dir_ / "ander.gpkg").string();
  try {
    store::push(r);
    FAIL() << "pushed into another project's store";
  } catch (const store_error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::foreign_project);
  }
  r.to = store_;
  r.ours = {"S1"};
  r.theirs = {"s1"};
  EXPECT_THROW(store::push(r), usage_error);
}

TEST_P(StoreSyncTest, APushKilledMidTransactionLeavesTheStoreAsItWasAndCanBeDoneAgain) {
  copy(laptop_);
  constexpr std::size_t files = 3, marks_per_file = 2000;
  {
    ProjectStore laptop = ProjectStore::open(laptop_, as("buurthuis"));
    for (std::size_t i = 0; i < files; ++i) {
      std::vector<sketch::InkMark> marks;
      for (std::size_t m = 0; m < marks_per_file; ++m)
        marks.push_back(dot(InkCategory::idee, 191000.0 + static_cast<double>(m % 100),
                            443000.0 + static_cast<double>(m / 100)));
      const std::string name = "groot" + std::to_string(i);
      laptop.ingest(drawing_batch(name + ".geojson", name, marks));
    }
  }
  const std::size_t history_before =
      ProjectStore::open(store_, quick()).history_since(long_ago).size();
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      push();
    } catch (...) {
    }
    ::_exit(0);
  }
  // A write of ours that cannot get the store's lock: the push is inside its transaction.
  bool killed = false;
  {
    OpenOptions probe_options;
    probe_options.busy_timeout = std::chrono::milliseconds(1);
    probe_options.check_writable = false;
    ProjectStore probe = ProjectStore::open(store_, probe_options);
    for (int attempt = 0; attempt < 5000 && !killed; ++attempt) {
      try {
        probe.record_sheet({a_sheet("P" + std::to_string(attempt)), "", "Proef", "", ""});
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      } catch (const store_error& e) {
        if (e.kind() != ErrorKind::locked) throw;
        // Let it get to its writes (it reads both sides first), then kill it before it commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0) << "the push ended before the kill";
        ::kill(child, SIGKILL);
        killed = true;
      }
    }
  }
  int status = 0;
  if (!killed) ::kill(child, SIGKILL);
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(killed) << "the push never held the store's lock";
  EXPECT_TRUE(WIFSIGNALED(status));

  ProjectStore store = ProjectStore::open(store_, quick());
  EXPECT_TRUE(store.sketch_statuses("Tafel 3").empty()) << "nothing of the push in the store";
  const auto history = store.history_since(long_ago);
  EXPECT_EQ(static_cast<std::size_t>(
                std::count_if(history.begin(), history.end(),
                              [](const HistoryEntry& e) { return e.changed_by == "buurthuis"; })),
            0u);
  EXPECT_GE(history.size(), history_before) << "the probe's sheets only";
  EXPECT_TRUE(copy_origin(laptop_)->last_push.empty()) << "the laptop as it was";

  const PushResult again = push();
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(again.inserted, files + files * marks_per_file);
  EXPECT_EQ(store.sketch_statuses("Tafel 3").size(), files * marks_per_file);
  EXPECT_TRUE(push().wrote_nothing());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSyncTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
