// kill -9 at random moments (issue 15) of `ingest`, `status --set`, `join`, `atlas` and
// `store import`: the
// store passes its integrity check and every recorded ingest has all its sketches; an output is
// the earlier whole file or the new whole file, never part of one; the hidden temporary file a
// killed run leaves is removed by the next run that writes the same output; running again
// completes without duplicates. Each test takes a few seconds: a handful of trials, each killed
// somewhere within the time a whole run takes.
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <optional>
#include <random>
#include <set>

#include "fault_fixtures.hpp"
#include "store_file.hpp"

namespace wijkatlas::test {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class Killed : public ::testing::Test {
 protected:
  // A moment within a run of `full` length, printed with any failure that follows.
  milliseconds random_moment(milliseconds full) {
    std::uniform_int_distribution<long> within(0, full.count());
    const milliseconds at(within(random_));
    trace_ += std::to_string(at.count()) + " ms ";
    return at;
  }
  // Runs `args` and kills it (SIGKILL) `after` the start unless it finished before.
  ChildResult run_killed(const std::vector<std::string>& args, milliseconds after) {
    ChildOptions options;
    options.signal = SIGKILL;
    options.signal_after = after;
    return run_program(args, options);
  }
  // Kills `args` (which write in `dir`) a random moment within `window` after the first hidden
  // temporary file appears: in the middle of writing an output.
  ChildResult run_killed_while_writing(const std::vector<std::string>& args, const fs::path& dir,
                                       milliseconds window) {
    const milliseconds delay = window.count() == 0 ? window : random_moment(window);
    std::optional<std::chrono::steady_clock::time_point> seen;
    ChildOptions options;
    options.signal = SIGKILL;
    options.signal_when = [&] {
      if (!seen && !hidden_temporary_files(dir).empty()) seen = std::chrono::steady_clock::now();
      return seen && std::chrono::steady_clock::now() - *seen >= delay;
    };
    return run_program(args, options);
  }
  // How long a whole run of `args` writes: from its first hidden temporary file in `dir` to
  // its end.
  static milliseconds writing_time(const std::vector<std::string>& args, const fs::path& dir) {
    std::optional<std::chrono::steady_clock::time_point> seen;
    ChildOptions options;
    options.signal_when = [&] {
      if (!seen && !hidden_temporary_files(dir).empty()) seen = std::chrono::steady_clock::now();
      return false;
    };
    const ChildResult r = run_program(args, options);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(seen) << "no temporary file seen";
    return seen ? std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - *seen)
                : milliseconds(0);
  }
  std::string trace() const { return "killed after: " + trace_; }

  TempDir dir_;

 private:
  std::mt19937 random_{std::random_device{}()};
  std::string trace_;
};

// Every ingest has as many sketches as it says it has, and no file is recorded twice.
void expect_store_whole(const fs::path& store) {
  EXPECT_EQ(query_text(store, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM ingests i WHERE features != (SELECT COUNT(*) FROM "
                         "sketches s WHERE s.ingest_id = i.id)"),
            0);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM ingests"), 0);
  EXPECT_EQ(
      query_number(store,
                   "SELECT COUNT(*) FROM sketches s WHERE NOT EXISTS (SELECT 1 FROM ingests i "
                   "WHERE i.id = s.ingest_id)"),
      0);
}

TEST_F(Killed, IngestLeavesEveryRecordedFileWhole) {
  constexpr int files = 3, points = 300;
  std::vector<std::string> args{"ingest", "-q", "--store", (dir_ / "project.gpkg").string()};
  for (int i = 0; i < files; ++i) {
    const std::string name = "tafel" + std::to_string(i) + ".geojson";
    args.push_back(dir_.write(name, drawing_with_points(points, i)).string());
  }
  const fs::path store = dir_ / "project.gpkg";
  // How long a whole run takes, in a store of its own.
  std::vector<std::string> timing = args;
  timing[3] = (dir_ / "proef.gpkg").string();
  const ChildResult whole = run_program(timing);
  ASSERT_EQ(whole.code, 0) << whole.err;
  for (int trial = 0; trial < 4; ++trial) {
    run_killed(args, random_moment(whole.took));
    if (!fs::exists(store)) continue;  // killed before the store was made
    SCOPED_TRACE(trace());
    expect_store_whole(store);
  }
  const ChildResult again = run_program(args);
  ASSERT_EQ(again.code, 0) << trace() << again.err;
  expect_store_whole(store);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), files) << trace();
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), files * points) << trace();
}

TEST_F(Killed, StatusSetChangesAStatusWholeOrNotAtAll) {
  const fs::path store = dir_ / "project.gpkg";
  fs::copy_file(source_file("tests/fixtures/store_v1/project_v1.gpkg"), store);
  const std::string spot = "blokgesprek-hommelstraat-P01";
  ASSERT_EQ(run_program({"status", "-q", "--store", store.string(), "--session",
                         "Blokgesprek Hommelstraat"})
                .code,
            0);
  const auto set = [&](int trial) {
    const std::string word = trial % 2 == 0 ? "opgepakt" : "in behandeling";
    return std::vector<std::string>{"status",       "-q",     "--store",
                                    store.string(), "--set",  spot,
                                    word,           "--note", "poging " + std::to_string(trial)};
  };
  const ChildResult whole = run_program(set(0));
  ASSERT_EQ(whole.code, 0) << whole.err;
  std::set<std::string> possible{"opgepakt|poging 0"};
  for (int trial = 1; trial <= 5; ++trial) {
    const std::string word = trial % 2 == 0 ? "opgepakt" : "in behandeling";
    possible.insert(word + "|poging " + std::to_string(trial));
    run_killed(set(trial), random_moment(whole.took));
    SCOPED_TRACE(trace());
    EXPECT_EQ(query_text(store, "PRAGMA integrity_check"), "ok");
    const std::string now = query_text(
        store, "SELECT status || '|' || status_note FROM spots WHERE id = '" + spot + "'");
    EXPECT_TRUE(possible.count(now)) << now;
  }
  expect_store_whole(store);
  const ChildResult again = run_program(set(7));
  ASSERT_EQ(again.code, 0) << trace() << again.err;
  EXPECT_EQ(
      query_text(store, "SELECT status || '|' || status_note FROM spots WHERE id = '" + spot + "'"),
      "in behandeling|poging 7");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE id = '" + spot + "'"), 1);
}

// The join's GeoPackage is the earlier whole file or none; every killed run's temporary file is
// gone after the next whole run.
TEST_F(Killed, JoinOutputIsWholeOrAbsent) {
  const fs::path gpkg = dir_ / "koppeling.gpkg";
  const std::vector<std::string> args{"join", "-q", "-o", gpkg.string()};
  const fs::path timing = dir_ / "proef";
  fs::create_directory(timing);
  const std::vector<std::string> timing_args{"join", "-q", "-o", (timing / "proef.gpkg").string()};
  const ChildResult whole = run_program(timing_args);
  ASSERT_EQ(whole.code, 0) << whole.err;
  const milliseconds writing = writing_time(timing_args, timing);
  // A third of the trials anywhere in a run, the others while it writes.
  int left = 0;  // trials that left a temporary file
  for (int trial = 0; trial < 6; ++trial) {
    if (trial % 3 == 0) {
      run_killed(args, random_moment(whole.took));
    } else {
      // Early in the writing more often: a run under load writes slower or faster than the one
      // measured; the first such trial right as the temporary file appears.
      run_killed_while_writing(args, dir_.path(), trial == 1 ? milliseconds(0) : writing / 4);
    }
    SCOPED_TRACE(trace());
    left += hidden_temporary_files(dir_.path()).empty() ? 0 : 1;
    if (!fs::exists(gpkg)) continue;
    EXPECT_EQ(query_text(gpkg, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(query_number(gpkg, "SELECT COUNT(*) FROM buurten"), 83);
  }
  EXPECT_GT(left, 0) << "no run was killed while it wrote: " << trace();
  const ChildResult again = run_program(args);
  ASSERT_EQ(again.code, 0) << trace() << again.err;
  EXPECT_EQ(hidden_temporary_files(dir_.path()), std::vector<fs::path>{}) << trace();
  EXPECT_EQ(query_number(gpkg, "SELECT COUNT(*) FROM buurten"), 83);
}

// The atlas PDF and its PNGs are each the whole file of a finished run, or absent.
TEST_F(Killed, AtlasFilesAreWholeOrAbsent) {
  const auto args_for = [&](const std::string& name) {
    return atlas_args(dir_, dir_ / (name + ".pdf"), dir_ / name, 75);
  };
  const ChildResult whole = run_program(args_for("proef"));
  ASSERT_EQ(whole.code, 0) << whole.err;
  const std::string reference = file_bytes(dir_ / "proef.pdf");
  std::map<std::string, std::string> reference_pngs;
  for (const auto& entry : fs::directory_iterator(dir_ / "proef"))
    reference_pngs[entry.path().filename().string()] = file_bytes(entry.path());
  ASSERT_EQ(reference_pngs.size(), 6u);
  const auto args = args_for("atlas");
  for (int trial = 0; trial < 4; ++trial) {
    run_killed(args, random_moment(whole.took));
    SCOPED_TRACE(trace());
    if (fs::exists(dir_ / "atlas.pdf")) {
      EXPECT_TRUE(file_bytes(dir_ / "atlas.pdf") == reference);
    }
    if (!fs::exists(dir_ / "atlas")) continue;
    for (const auto& entry : fs::directory_iterator(dir_ / "atlas")) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(".")) continue;  // a killed run's temporary file
      EXPECT_TRUE(file_bytes(entry.path()) == reference_pngs[name]) << name;
    }
  }
  const ChildResult again = run_program(args);
  ASSERT_EQ(again.code, 0) << trace() << again.err;
  EXPECT_EQ(hidden_temporary_files(dir_.path()), std::vector<fs::path>{}) << trace();
  EXPECT_TRUE(file_bytes(dir_ / "atlas.pdf") == reference);
}

// Every imported part is whole: as many rows in its table as its record in `imports` says, and
// no rows of a part that has no record.
void expect_imports_whole(const fs::path& store) {
  EXPECT_EQ(query_text(store, "PRAGMA integrity_check"), "ok");
  const auto recorded = [&](const std::string& id) {
    return query_number(store,
                        "SELECT COALESCE(SUM(rows), 0) FROM imports WHERE id = '" + id + "'");
  };
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM areas"), recorded("areas"));
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM indicators"), recorded("indicators"));
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM initiatives"), recorded("initiatives"));
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM assets"), recorded("assets arnhem_assets"));
}

// `store import` of areas, key figures, the registry and asset points is one transaction: a
// killed import leaves all of it or none of it, and the next one completes it.
TEST_F(Killed, StoreImportIsWholeOrNotThere) {
  const fs::path store = dir_ / "project.gpkg";
  const auto args_for = [&](const fs::path& at) {
    return std::vector<std::string>{"store",
                                    "import",
                                    "-q",
                                    "--store",
                                    at.string(),
                                    "--registry",
                                    source_file("examples/initiatieven_arnhem_oost.csv").string(),
                                    "--assets",
                                    data_file("assets/arnhem_assets.csv").string()};
  };
  // The store exists (a made store is atomic: test_store_file.cpp), so every trial checks it.
  for (const fs::path& at : {store, dir_ / "proef.gpkg"}) {
    const ChildResult made = run_program({"store", "init", "--store", at.string()});
    ASSERT_EQ(made.code, 0) << made.err;
  }
  const ChildResult whole = run_program(args_for(dir_ / "proef.gpkg"));
  ASSERT_EQ(whole.code, 0) << whole.err;
  for (int trial = 0; trial < 5; ++trial) {
    run_killed(args_for(store), random_moment(whole.took));
    SCOPED_TRACE(trace());
    expect_imports_whole(store);
    if (query_number(store, "SELECT COUNT(*) FROM imports") > 0) {
      // It committed before the kill: start again from nothing, so that the next trial is
      // killed in a first import too.
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(store.string() + suffix);
      ASSERT_EQ(run_program({"store", "init", "--store", store.string()}).code, 0);
    }
  }
  const ChildResult again = run_program(args_for(store));
  ASSERT_EQ(again.code, 0) << trace() << again.err;
  expect_imports_whole(store);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM initiatives"), 40) << trace();
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM assets"), 253) << trace();
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM imports"), 4) << "no part twice";
}

}  // namespace
}  // namespace wijkatlas::test
