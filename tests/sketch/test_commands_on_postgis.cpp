// The commands that use a project store (sheet, ingest, status, overlap) on a PostGIS store
// (--store PG:...), against the server of scripts/test-postgres.sh: the same outcome and the
// same words as on a GeoPackage. Skips without WIJKATLAS_TEST_PG (StoreBackends.PostgisRunsInCi
// fails in CI then).
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "sheet_test_support.hpp"
#include "store_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::test::TempDir;

std::string drawing(double west) {
  const auto x = [&](double dx) { return std::to_string(west + dx); };
  return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"categorie":"probleem"},)"
         R"("geometry":{"type":"Polygon","coordinates":[[[)" +
         x(0) + ",51.9900],[" + x(0.0010) + ",51.9900],[" + x(0.0010) + ",51.9906],[" + x(0) +
         ",51.9906],[" + x(0) + ",51.9900]]]}}]}";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at; (at = text.find(from)) != std::string::npos;)
    text.replace(at, from.size(), to);
  return text;
}

// Every command's output on a store at `location`; the location, the folder and times replaced.
std::vector<std::string> session_on(const std::string& location, const TempDir& dir) {
  const auto a = dir.write("a.geojson", drawing(5.9200));
  const auto b = dir.write("b.geojson", drawing(5.9205));
  std::vector<CliRun> runs;
  runs.push_back(run_wijkatlas({"sheet", "--area", "Klarendal", "--paper", "A3", "--store",
                                location, "--no-date", "-o", (dir / "klarendal.pdf").string()}));
  runs.push_back(run_wijkatlas(
      {"ingest", "--store", location, "--session", "Tafel 3", a.string(), b.string()}));
  runs.push_back(
      run_wijkatlas({"ingest", "--store", location, "--session", "Tafel 3", a.string()}));
  runs.push_back(run_wijkatlas({"status", "--store", location}));
  runs.push_back(run_wijkatlas({"overlap", "--store", location, "--session", "Tafel 3",
                                "--density-sigma", "0", "-o", (dir / "overlap.gpkg").string()}));
  // The team's areas, figures and registry in the store; join and map read them from there.
  const auto registry = dir.write("register.csv",
                                  "id,naam,thema,lon,lat\n"
                                  "ST-001,Opslagproef Klarendal,opslagproef,5.917854,51.988505\n");
  runs.push_back(
      run_wijkatlas({"store", "import", "--store", location, "--registry", registry.string()}));
  runs.push_back(run_wijkatlas({"join", "--store", location, "-o", (dir / "join.gpkg").string()}));
  runs.push_back(
      run_wijkatlas({"map", wijkatlas::test::source_file("examples/maps/atlas_wijk.toml").string(),
                     "--store", location, "--no-date", "-o", (dir / "klarendal.pdf").string()}));
  std::vector<std::string> out;
  for (const CliRun& r : runs) {
    EXPECT_EQ(r.code, 0) << r.err;
    const std::string text =
        replaced(replaced(std::to_string(r.code) + "\n" + r.out, location, "STORE"),
                 dir.path().string(), "DIR");
    const std::string timeless =
        std::regex_replace(text, std::regex("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z"), "TIME");
    out.push_back(
        std::regex_replace(timeless, std::regex("blad-id: \\w{3}-\\w{3}"), "blad-id: ID"));
  }
  return out;
}

TEST(CommandsOnPostgis, SheetIngestStatusAndOverlapSayWhatTheySayOnAGeoPackage) {
  const std::string server = store::test::postgis_server();
  if (server.empty()) GTEST_SKIP() << "WIJKATLAS_TEST_PG is not set";
  TempDir gpkg_dir, pg_dir;
  const std::vector<std::string> gpkg = session_on((gpkg_dir / "project.gpkg").string(), gpkg_dir);
  const std::string pg = server + "active_schema=cli" + std::to_string(::getpid());
  const std::vector<std::string> postgis = session_on(pg, pg_dir);
  ASSERT_EQ(postgis.size(), gpkg.size());
  for (std::size_t i = 0; i < gpkg.size(); ++i) EXPECT_EQ(postgis[i], gpkg[i]) << "command " << i;
  EXPECT_CONTAINS(postgis[1], "b.geojson: 1 schets opgeslagen (versie 1)");
  EXPECT_CONTAINS(postgis[3], "Tafel 3");
  EXPECT_CONTAINS(postgis[4], "2 tekeningen");
  EXPECT_EQ(store::ProjectStore::open(pg).sheet_count(), 1u) << "the sheet is recorded in PostGIS";
  EXPECT_CONTAINS(postgis[5], "initiatives: 1 rijen");
  EXPECT_CONTAINS(postgis[6], "1 punten gekoppeld");
  EXPECT_CONTAINS(postgis[6], "Klarendal               7285       1");
  EXPECT_CONTAINS(postgis[7], "kaart geschreven");
  EXPECT_EQ(store::ProjectStore::open(pg).initiatives()->features.size(), 1u);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
