// `wijkatlas store copy` and `wijkatlas store push` through the command line, from a GeoPackage
// and (with WIJKATLAS_TEST_PG) from PostGIS to a laptop's GeoPackage: one wijk copied, edits on
// both sides, a conflict listed with both sides' changes and exit 5, --theirs deciding it, and a
// second push that has nothing to do.
#include <gtest/gtest.h>
#include <unistd.h>

#include "sheet_test_support.hpp"
#include "store_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::test::TempDir;

std::string drawing(double west, double south) {
  const auto x = [&](double dx) { return std::to_string(west + dx); };
  const auto y = [&](double dy) { return std::to_string(south + dy); };
  return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"categorie":"probleem"},)"
         R"("geometry":{"type":"Polygon","coordinates":[[[)" +
         x(0) + "," + y(0) + "],[" + x(0.0010) + "," + y(0) + "],[" + x(0.0010) + "," + y(0.0006) +
         "],[" + x(0) + "," + y(0.0006) + "],[" + x(0) + "," + y(0) + "]]]}}]}";
}

void copy_and_push(const std::string& store, const TempDir& dir) {
  // One drawing in Klarendal, one in Presikhaaf.
  const auto klarendal = dir.write("klarendal.geojson", drawing(5.9200, 51.9900));
  const auto presikhaaf = dir.write("presikhaaf.geojson", drawing(5.9400, 51.9830));
  const CliRun ingested = run_wijkatlas({"ingest", "--store", store, "--session", "Tafel 3",
                                         klarendal.string(), presikhaaf.string()});
  ASSERT_EQ(ingested.code, 0) << ingested.err;
  const std::string laptop = (dir / "laptop.gpkg").string();
  const CliRun copied = run_wijkatlas({"store", "copy", "--from", store, "--to", laptop, "--wijk",
                                       "Klarendal", "--by", "laptop buurthuis"});
  ASSERT_EQ(copied.code, 0) << copied.err;
  EXPECT_CONTAINS(copied.out, "kopie gemaakt: " + laptop);
  EXPECT_CONTAINS(copied.out, "(wijk Klarendal)");
  EXPECT_CONTAINS(copied.out, "sketches: 1");
  EXPECT_EQ(query_text(laptop, "SELECT COUNT(*) FROM sketches"), "1");
  EXPECT_EQ(query_text(laptop, "SELECT value FROM copy_origin WHERE key = 'copied_by'"),
            "laptop buurthuis");
  EXPECT_EQ(query_text(laptop, "SELECT COUNT(*) FROM copy_origin WHERE value LIKE '%password%'"),
            "0");
  const std::string klarendal_sketch =
      query_text(laptop, "SELECT 'S' || number FROM sketches LIMIT 1");

  // Both sides change that sketch: a conflict, listed, exit 5, nothing of it written.
  ASSERT_EQ(run_wijkatlas({"status", "--store", laptop, "--set", klarendal_sketch, "opgepakt",
                           "--by", "buurthuis", "--note", "laptop"})
                .code,
            0);
  ASSERT_EQ(run_wijkatlas({"status", "--store", store, "--set", klarendal_sketch, "geen actie",
                           "--by", "wijkplatform"})
                .code,
            0);
  // And a new drawing on the laptop, which merges.
  const auto later = dir.write("later.geojson", drawing(5.9210, 51.9905));
  ASSERT_EQ(
      run_wijkatlas({"ingest", "--store", laptop, "--session", "Tafel 4", later.string()}).code, 0);
  const CliRun conflict = run_wijkatlas({"store", "push", laptop, "--to", store, "-q"});
  EXPECT_EQ(conflict.code, 5) << conflict.err;
  EXPECT_CONTAINS(conflict.out, "conflict: sketches " + klarendal_sketch);
  EXPECT_CONTAINS(conflict.out, "op de laptop en in de store gewijzigd sinds versie 1");
  EXPECT_CONTAINS(conflict.out, "buurthuis: status 'nieuw' -> 'opgepakt'");
  EXPECT_CONTAINS(conflict.out, "wijkplatform: status 'nieuw' -> 'geen actie'");
  EXPECT_CONTAINS(conflict.err, "decide per row with --ours ID or --theirs ID");
  const CliRun log = run_wijkatlas({"store", "log", "--since", "2000-01-01", "--store", store});
  EXPECT_CONTAINS(log.out, "schets S3 binnengekomen (push van " + laptop + ")");
  EXPECT_EQ(run_wijkatlas({"status", "--store", store, "--session", "Tafel 4", "--sketches"}).code,
            0);

  const CliRun decided =
      run_wijkatlas({"store", "push", laptop, "--to", store, "--theirs", klarendal_sketch});
  EXPECT_EQ(decided.code, 0) << decided.err;
  EXPECT_CONTAINS(decided.out, "1 van de store (--theirs)");
  EXPECT_EQ(query_text(laptop, "SELECT status FROM sketches"), "geen actie");
  const CliRun again = run_wijkatlas({"store", "push", laptop, "--to", store});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_CONTAINS(again.out, "niets te pushen");
  EXPECT_EQ(
      run_wijkatlas({"store", "push", laptop, "--to", store, "--ours", "S1", "--theirs", "s1"})
          .code,
      2);
  EXPECT_EQ(run_wijkatlas({"store", "push", store, "--to", laptop}).code, 3) << "no copy";
  EXPECT_EQ(run_wijkatlas({"store", "copy", "--from", store, "--to", laptop}).code, 4);
}

TEST(StoreSyncCommand, CopyOneWijkToALaptopAndPushItsEditsBack) {
  TempDir dir;
  copy_and_push((dir / "project.gpkg").string(), dir);
}

TEST(StoreSyncCommand, FromPostgisToALaptopAndBack) {
  const std::string server = store::test::postgis_server();
  if (server.empty()) GTEST_SKIP() << "WIJKATLAS_TEST_PG is not set";
  TempDir dir;
  copy_and_push(server + "active_schema=sync" + std::to_string(::getpid()), dir);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
