// The words for a failed write (geo/write_failure.hpp), in-process: what the full-disk tests
// cannot reach with a file size limit (ENOSPC, a quota) and what a library message loses.
#include <gtest/gtest.h>

#include <cerrno>

#include "fault_fixtures.hpp"
#include "wijkatlas/geo/write_failure.hpp"

namespace wijkatlas::test {
namespace {

TEST(WriteFailure, ErrnoInWords) {
  EXPECT_CONTAINS(geo::write_failure_reason(ENOSPC), "the disk is full");
  EXPECT_CONTAINS(geo::write_failure_reason(EDQUOT), "quota");
  EXPECT_CONTAINS(geo::write_failure_reason(EFBIG), "file size limit");
  EXPECT_CONTAINS(geo::could_not_write(geo::write_failure_reason(ENOSPC)),
                  "nothing was written (a file of that name from before is unchanged)");
}

// With room on the disk and no file size limit, the library's first line without its SQL.
TEST(WriteFailure, ALibraryMessageLosesItsSql) {
  TempDir dir;
  const auto file = dir.write(".uit.tmp1-0.gpkg", "x");
  EXPECT_EQ(geo::out_of_room(file), std::nullopt);
  EXPECT_EQ(geo::write_failure_reason(
                file,
                "sqlite3_exec(CREATE VIEW \"v\" AS SELECT * FROM t) failed: no such table\n"
                "SELECT 1"),
            "sqlite3_exec");
  EXPECT_EQ(geo::write_failure_reason(file, "failed to execute insert : UNIQUE constraint failed"),
            "failed to execute insert : UNIQUE constraint failed");
  EXPECT_EQ(geo::write_failure_reason(file, ""), "the library writing it gave no reason");
}

}  // namespace
}  // namespace wijkatlas::test
