// A writer that dies mid-transaction leaves nothing half-written (issue 13): killed with
// kill -9 while it holds the store's write lock (both backends), or its connection ended by the
// server (pg_terminate_backend, as when the network drops) with a clear error to the writer.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "store_file.hpp"
#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

using sketch::CategoryChoice;
using sketch::InkCategory;

constexpr std::size_t marks_per_file = 2000;

std::vector<sketch::InkMark> many_marks() {
  std::vector<sketch::InkMark> marks;
  for (std::size_t i = 0; i < marks_per_file; ++i)
    marks.push_back(dot(InkCategory::idee, 191000.0 + static_cast<double>(i % 100),
                        443000.0 + static_cast<double>(i / 100)));
  return marks;
}

std::size_t count(const std::vector<HistoryEntry>& entries, const std::string& table,
                  const std::string& field) {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(),
                    [&](const HistoryEntry& e) { return e.table == table && e.field == field; }));
}

// Every sketch belongs to a whole file, with its history; the store takes writes again.
void expect_whole(const std::string& where) {
  ProjectStore store = ProjectStore::open(where);
  const auto history = store.history_since(long_ago);
  const std::size_t files = count(history, "ingests", "(nieuw)");
  EXPECT_EQ(count(history, "sketches", "(nieuw)"), files * marks_per_file);
  EXPECT_EQ(store.current_sheets(CategoryChoice::all()).sketches, files * marks_per_file);
  EXPECT_FALSE(
      store.ingest(drawing_batch("daarna.geojson", "daarna", {dot(InkCategory::idee, 1, 1)}))
          .duplicate);
}

class StoreCrashTest : public ::testing::TestWithParam<Backend> {
 protected:
  TempDir dir_;
};

TEST_P(StoreCrashTest, AWriterKilledMidTransactionLeavesNothingHalfWritten) {
  const std::string where = GetParam().location(dir_, "p");
  { ProjectStore::create(where, "npao"); }
  const std::vector<sketch::InkMark> marks = many_marks();
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      ProjectStore store = ProjectStore::open(where);
      for (int i = 0; i < 200; ++i) {
        const std::string name = "groot" + std::to_string(i);
        store.ingest(drawing_batch(name + ".geojson", name, marks));
      }
    } catch (...) {
    }
    ::_exit(1);
  }
  // A write of ours that cannot get the lock at once: the child is inside its transaction.
  bool killed = false;
  {
    OpenOptions probe_options;
    probe_options.busy_timeout = std::chrono::milliseconds(1);
    probe_options.check_writable = false;
    ProjectStore probe = ProjectStore::open(where, probe_options);
    for (int attempt = 0; attempt < 5000 && !killed; ++attempt) {
      try {
        probe.record_sheet({a_sheet("P" + std::to_string(attempt)), "", "Proef", "", ""});
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      } catch (const store_error& e) {
        if (e.kind() != ErrorKind::locked) throw;
        ::kill(child, SIGKILL);
        killed = true;
      }
    }
  }
  int status = 0;
  if (!killed) ::kill(child, SIGKILL);
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(killed) << "the writer never held the lock";
  EXPECT_TRUE(WIFSIGNALED(status));
  expect_whole(where);
  if (GetParam().name == "GeoPackage") {
    EXPECT_EQ(wijkatlas::test::query_text(where, "PRAGMA integrity_check"), "ok");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCrashTest, ::testing::ValuesIn(backends()), backend_name);

struct ConnectionCloser {
  void operator()(PGconn* c) const noexcept { PQfinish(c); }
};

std::string first_value(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  std::string out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
  PQclear(r);
  return out;
}

TEST(StorePostgisCrash, TheServerEndingAWritersConnectionIsAClearErrorAndNothingHalfWritten) {
  const std::string server = postgis_server();
  if (server.empty()) GTEST_SKIP() << "WIJKATLAS_TEST_PG is not set";
  const std::string schema = "crash" + std::to_string(::getpid());
  const std::string where = server + "active_schema=" + schema;
  ProjectStore store = ProjectStore::create(where, "npao");
  const std::vector<sketch::InkMark> marks = many_marks();

  std::optional<ErrorKind> kind;
  std::string message;
  std::thread writer([&] {
    try {
      store.ingest(drawing_batch("groot.geojson", "groot", marks));
    } catch (const store_error& e) {
      kind = e.kind();
      message = e.what();
    }
  });
  const std::unique_ptr<PGconn, ConnectionCloser> admin(PQconnectdb(server.substr(3).c_str()));
  ASSERT_EQ(PQstatus(admin.get()), CONNECTION_OK);
  // The backend holding the project's write lock: the writer, inside its transaction.
  const std::string holder =
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = " +
      std::to_string(0x77696a6b) + " AND objid::bigint = (hashtext('" + schema +
      "')::bigint & 4294967295)";
  std::string pid;
  for (int i = 0; i < 2000 && pid.empty(); ++i) {
    pid = first_value(admin.get(), holder);
    if (pid.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(pid.empty()) << "the writer never held the lock";
  EXPECT_EQ(first_value(admin.get(), "SELECT pg_terminate_backend(" + pid + ")"), "t");
  writer.join();
  ASSERT_TRUE(kind) << "the writer was not told";
  EXPECT_EQ(*kind, ErrorKind::write_failed) << message;
  EXPECT_CONTAINS(message, "the connection to PostgreSQL was lost");
  EXPECT_CONTAINS(message, "nothing was stored");
  expect_whole(where);
  EXPECT_EQ(ProjectStore::open(where).current_sheets(CategoryChoice::all()).sketches, 1u)
      << "only the file stored afterwards";
}

}  // namespace
}  // namespace wijkatlas::store::test
