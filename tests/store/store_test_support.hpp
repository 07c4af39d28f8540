#pragma once
// What the store suite shares: the backends it runs on, sheets and marks to store.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "at_once.hpp"
#include "test_support.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::store::test {

using wijkatlas::test::TempDir;

// A backend the suite runs on: its name and a fresh location for a new store.
struct Backend {
  std::string name;
  std::function<std::string(const TempDir& dir, const std::string& name)> location;
};
// GeoPackage, and PostGIS when WIJKATLAS_TEST_PG names a server (scripts/test-postgres.sh).
std::vector<Backend> backends();
// "PG:host=... port=... dbname=... user=... " of WIJKATLAS_TEST_PG (its password goes to
// PGPASSWORD), or "" when it is not set.
std::string postgis_server();
// In CI (CI=true) the PostGIS backend must run: true when WIJKATLAS_TEST_PG is missing there.
bool postgis_required_but_missing();
inline void PrintTo(const Backend& b, std::ostream* os) {
  *os << b.name;
}
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// A short busy timeout: the tests that meet a lock need not wait 3 s.
OpenOptions quick();
// quick(), writing as `by` (a role or session name: created_by, updated_by, the history).
OpenOptions as(const std::string& by);
// Before anything a test writes: "every change since" this.
inline constexpr const char* long_ago = "2000-01-01T00:00:00Z";

sketch::SheetInfo a_sheet(const std::string& id = "K7Q-4M2", const std::string& project = "npao");
// A `size` m square of ink with its lower-left corner at x, y.
sketch::InkMark square(sketch::InkCategory category, double x, double y, double size = 20);
sketch::InkMark dot(sketch::InkCategory category, double x, double y);
// A photo of a_sheet() in session "Blokgesprek".
IngestBatch photo_batch(const std::string& hash, std::vector<sketch::InkMark> marks);
// A digital drawing of no sheet.
IngestBatch drawing_batch(const std::string& file, const std::string& hash,
                          std::vector<sketch::InkMark> marks);

using wijkatlas::test::run_at_once;

}  // namespace wijkatlas::store::test
