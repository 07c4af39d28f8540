// bench_store_writers LOCATION: benchmark (1) of issue 13. 8 processes write one project at
// once: first 500 sketch inserts each (one digital drawing of one mark per transaction), then
// 500 status changes each on the same 20 sketches, every change a compare-and-set on the version
// the writer just read; a conflict is counted and the change redone on the version read again.
// Afterwards the store is counted: every insert is there, and every change that was reported
// written is in the rows' versions and in the history (zero lost updates). LOCATION is a new
// GeoPackage path or a PG:... active_schema=NAME of a schema that does not exist yet.
// Prints one line per phase: writers, operations, seconds, operations per second, conflicts,
// lost.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "wijkatlas/store/project_store.hpp"

namespace {

using namespace wijkatlas;
using Clock = std::chrono::steady_clock;

constexpr int writers = 8, per_writer = 500, targets = 20;

store::IngestBatch drawing(int w, int k) {
  store::IngestBatch b;
  b.file_name = "w" + std::to_string(w) + "-" + std::to_string(k) + ".geojson";
  b.content_sha256 = b.file_name;
  b.session = "bench";
  b.source = store::SketchSource::digitaal;
  b.marks.push_back({sketch::InkCategory::idee,
                     sketch::MarkKind::point,
                     geo::Point(191000.0 + w, 443000.0 + k),
                     0,
                     0,
                     1,
                     {},
                     {}});
  return b;
}

// Runs fn(w) in `writers` processes at once; each writes its count to the pipe. Returns the
// sum of the counts and the wall time.
template <class F>
std::pair<long long, double> at_once(F fn) {
  int gate[2], results[2];
  if (pipe(gate) != 0 || pipe(results) != 0) return {-1, 0};
  std::fflush(nullptr);
  std::vector<pid_t> children;
  for (int w = 0; w < writers; ++w) {
    const pid_t pid = fork();
    if (pid == 0) {
      close(gate[1]);
      char go = 0;
      (void)!read(gate[0], &go, 1);
      long long counts[2] = {-1, -1};
      try {
        const auto [done, conflicts] = fn(w);
        counts[0] = done;
        counts[1] = conflicts;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "writer %d: %s\n", w, e.what());
      }
      (void)!write(results[1], counts, sizeof counts);
      _exit(0);
    }
    children.push_back(pid);
  }
  close(gate[0]);
  close(results[1]);
  const auto t0 = Clock::now();
  close(gate[1]);
  long long done = 0, conflicts = 0;
  for (const pid_t pid : children) waitpid(pid, nullptr, 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  long long counts[2];
  while (read(results[0], counts, sizeof counts) == sizeof counts) {
    done += counts[0];
    conflicts += counts[1];
  }
  close(results[0]);
  std::printf("%lld conflicts\n", conflicts);
  return {done, seconds};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_store_writers LOCATION\n");
    return 2;
  }
  const std::string where = argv[1];
  { store::ProjectStore::create(where, "npao"); }
  store::OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(60000);

  const auto [inserted, insert_s] = at_once([&](int w) {
    options.by = "schrijver " + std::to_string(w);
    store::ProjectStore s = store::ProjectStore::open(where, options);
    for (int k = 0; k < per_writer; ++k) s.ingest(drawing(w, k));
    return std::pair<long long, long long>{per_writer, 0};
  });
  std::size_t stored = 0;
  {
    store::ProjectStore s = store::ProjectStore::open(where, options);
    stored = s.sketch_statuses("bench").size();
  }
  std::printf("inserts: %d writers x %d, %.2f s, %.0f per s, stored %zu of %lld, lost %lld\n",
              writers, per_writer, insert_s, static_cast<double>(inserted) / insert_s, stored,
              inserted, inserted - static_cast<long long>(stored));

  const auto [changed, update_s] = at_once([&](int w) {
    options.by = "schrijver " + std::to_string(w);
    store::ProjectStore s = store::ProjectStore::open(where, options);
    long long conflicts = 0;
    for (int k = 0; k < per_writer; ++k) {
      // Every writer goes through the same few sketches in the same order: the most contention.
      const std::string id = "S" + std::to_string(1 + k % targets);
      sketch::StatusChange c;
      c.id = id;
      c.status = sketch::Status::in_behandeling;
      c.note = "w" + std::to_string(w) + "-" + std::to_string(k);  // every change changes a field
      while (true) {
        c.based_on = s.version_of(id);
        try {
          s.set_status(c);
          break;
        } catch (const store::store_error& e) {
          if (e.kind() != store::ErrorKind::conflict) throw;
          ++conflicts;
        }
      }
    }
    return std::pair<long long, long long>{per_writer, conflicts};
  });
  // Every written change is one version more on its row and one note change in the history.
  long long versions = 0, noted = 0;
  {
    store::ProjectStore s = store::ProjectStore::open(where, options);
    for (const auto& row : s.sketch_statuses("bench")) versions += row.version - 1;
    for (const auto& e : s.history_since("2000-01-01T00:00:00Z"))
      if (e.field == "status_note") ++noted;
  }
  std::printf(
      "updates: %d writers x %d on %d sketches, %.2f s, %.0f per s, versions %lld, history %lld, "
      "lost %lld\n",
      writers, per_writer, targets, update_s, static_cast<double>(changed) / update_s, versions,
      noted, changed - versions);
  return versions == changed && noted == changed && stored == static_cast<std::size_t>(inserted)
             ? 0
             : 1;
}
