// `wijkatlas ingest` of digital drawings: attributes as for photos, repaired self-crossing
// polygons, refused files, idempotent re-ingest, versions, a locked store, nothing half-stored.
#include <gtest/gtest.h>

#include <fstream>

#include "at_once.hpp"
#include "sheet_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::test::TempDir;

// Three drawings in Klarendal (WGS84, as a browser writes them); the second polygon crosses itself.
constexpr const char* drawing = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"categorie":"probleem","naam":"donkere hoek"},"geometry":{"type":"Polygon","coordinates":[[[5.9200,51.9900],[5.9210,51.9900],[5.9210,51.9906],[5.9200,51.9906],[5.9200,51.9900]]]}},
{"type":"Feature","properties":{"categorie":"fijne plek","naam":"strik"},"geometry":{"type":"Polygon","coordinates":[[[5.9220,51.9900],[5.9230,51.9906],[5.9230,51.9900],[5.9220,51.9906],[5.9220,51.9900]]]}},
{"type":"Feature","properties":{"categorie":"idee","naam":"route"},"geometry":{"type":"LineString","coordinates":[[5.9200,51.9910],[5.9240,51.9912]]}},
{"type":"Feature","properties":{"categorie":"blauw","naam":"bankje"},"geometry":{"type":"Point","coordinates":[5.9215,51.9915]}}
]})";

TEST(IngestCommand, DigitalDrawingIsStoredWithAttributes) {
  TempDir dir;
  const auto store = dir / "p.gpkg";
  const auto file = dir.write("tafel3.geojson", drawing);
  const CliRun r =
      run_wijkatlas({"ingest", "--store", store.string(), "--session", "Tafel 3", file.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "tafel3.geojson: 4 schetsen opgeslagen (versie 1)");
  // The self-crossing polygon (the second) is repaired, with a warning that names the feature.
  EXPECT_CONTAINS(r.err, "feature 1");  // GeoJSON features are counted from 0
  EXPECT_CONTAINS(r.err, "repaired");
  EXPECT_EQ(
      query_number(
          store, "SELECT COUNT(*) FROM sketches WHERE source = 'digitaal' AND session = 'Tafel 3'"),
      4);
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM sketches WHERE category = 'probleem' AND kind = "
                         "'vlak' AND area_m2 > 4000"),
            1);
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM sketches WHERE category = 'fijne_plek' AND kind = "
                         "'vlak' AND area_m2 > 1000"),
            1);
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM sketches WHERE category = 'idee' AND kind = 'lijn' "
                         "AND length_m > 250"),
            1);
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM sketches WHERE category = 'idee' AND kind = 'punt' "
                         "AND confidence = 1"),
            1);
  EXPECT_EQ(query_number(store,
                         "SELECT COUNT(*) FROM ingests WHERE file_name = 'tafel3.geojson' AND "
                         "features = 4 AND length(sha256) = 64"),
            1);
}

TEST(IngestCommand, GeoPackageDrawingInRdNew) {
  TempDir dir;
  const auto store = dir / "p.gpkg";
  const auto json = dir.write("schets.geojson", drawing);
  const auto gpkg = dir / "schets_qgis.gpkg";
  // As QGIS saves a sketch layer: a GeoPackage in RD New.
  command_output("ogr2ogr -f GPKG -t_srs EPSG:28992 -nln schetsen " + quoted(gpkg) + " " +
                 quoted(json) + " 2>/dev/null");
  const CliRun r = run_wijkatlas({"ingest", "--store", store.string(), gpkg.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "schets_qgis.gpkg: 4 schetsen opgeslagen");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches WHERE category = 'idee'"), 2);
}

TEST(IngestCommand, SameFileTwiceIsStoredOnceAndAnEditIsANewVersion) {
  TempDir dir;
  const auto store = dir / "p.gpkg";
  const auto file = dir.write("tafel3.geojson", drawing);
  ASSERT_EQ(run_wijkatlas({"ingest", "-q", "--store", store.string(), file.string()}).code, 0);
  const CliRun again = run_wijkatlas({"ingest", "--store", store.string(), file.string()});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_CONTAINS(again.out, "al ingelezen");
  EXPECT_CONTAINS(again.out, "niet opnieuw opgeslagen");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 4);
  // The drawing edited and saved under the same name: version 2, version 1 kept but superseded.
  std::string edited = drawing;
  edited.replace(edited.find("\"blauw\""), 7, "\"rood\"");
  dir.write("tafel3.geojson", edited);
  const CliRun second = run_wijkatlas({"ingest", "--store", store.string(), file.string()});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_CONTAINS(second.out, "(versie 2)");
  EXPECT_CONTAINS(second.out, "vervangen");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 8);
  EXPECT_EQ(
      query_number(store, "SELECT COUNT(*) FROM sketches WHERE superseded = 0 AND version = 2"), 4);
  EXPECT_EQ(
      query_number(store, "SELECT COUNT(*) FROM sketches WHERE superseded = 1 AND version = 1"), 4);
}

TEST(IngestCommand, BadFilesAreInputErrorsAndStoreNothing) {
  TempDir dir;
  const auto store = dir / "p.gpkg";
  const CliRun absent =
      run_wijkatlas({"ingest", "--store", store.string(), (dir / "foto.jpg").string()});
  EXPECT_EQ(absent.code, 3);
  EXPECT_CONTAINS(absent.err, "foto.jpg: no such file");
  EXPECT_FALSE(std::filesystem::exists(store)) << "no store is made for nothing to read";
  const auto notes = dir.write("notities.txt", "rood: de hoek bij de bakker\n");
  const CliRun txt = run_wijkatlas({"ingest", "--store", store.string(), notes.string()});
  EXPECT_EQ(txt.code, 3);
  EXPECT_CONTAINS(txt.err, "notities.txt");
  const auto broken =
      dir.write("kapot.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
  EXPECT_EQ(run_wijkatlas({"ingest", "--store", store.string(), broken.string()}).code, 3);
  // One drawing without a category: the whole file is refused, naming the feature.
  std::string missing = drawing;
  missing.replace(missing.find("\"categorie\":\"idee\""), 18, "\"opmerking\":\"idee\"");
  const auto partial = dir.write("half.geojson", missing);
  const CliRun half = run_wijkatlas({"ingest", "--store", store.string(), partial.string()});
  EXPECT_EQ(half.code, 3);
  EXPECT_CONTAINS(half.err, "feature 2");
  EXPECT_CONTAINS(half.err, "no category");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 0);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 0);
  // Several files: the good one is stored, the bad one reported, the exit code says so.
  const auto good = dir.write("goed.geojson", drawing);
  const CliRun mixed =
      run_wijkatlas({"ingest", "--store", store.string(), good.string(), notes.string()});
  EXPECT_EQ(mixed.code, 3);
  EXPECT_CONTAINS(mixed.out, "goed.geojson: 4 schetsen opgeslagen");
  EXPECT_CONTAINS(mixed.out, "notities.txt: niet ingelezen");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 4);
}

TEST(IngestCommand, LockedOrForeignStore) {
  TempDir dir;
  const auto store = dir / "p.gpkg";
  const auto file = dir.write("tafel3.geojson", drawing);
  ASSERT_EQ(run_wijkatlas({"ingest", "-q", "--store", store.string(),
                           dir.write("eerder.geojson", drawing).string()})
                .code,
            0);
  {
    const StoreLock lock(store);
    const CliRun locked = run_wijkatlas({"ingest", "--store", store.string(), file.string()});
    EXPECT_EQ(locked.code, 4);
    EXPECT_CONTAINS(locked.err, "locked by another program");
  }
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 1);
  const CliRun empty =
      run_wijkatlas({"ingest", "--store", dir.write("leeg.gpkg", "").string(), file.string()});
  EXPECT_EQ(empty.code, 3);
  EXPECT_CONTAINS(empty.err, "empty");
  const CliRun unknown_sheet =
      run_wijkatlas({"ingest", "--store", store.string(), "--sheet-id", "zzz-zzz", file.string()});
  EXPECT_EQ(unknown_sheet.code, 2);
  EXPECT_CONTAINS(unknown_sheet.err, "ZZZ-ZZZ");
}

// Two people reading drawings in at the same moment (issue 15): both creating the same new
// store, or both reading the same file. Real processes; nothing lost, nothing doubled.
TEST(IngestCommand, TwoIngestsCreatingOneStoreAtOnceBothStore) {
  TempDir dir;
  std::string other = drawing;
  other.replace(other.find("donkere hoek"), 12, "andere hoek");
  const std::vector<std::string> files{dir.write("tafel1.geojson", drawing).string(),
                                       dir.write("tafel2.geojson", other).string()};
  for (int trial = 0; trial < 6; ++trial) {
    const std::string store = (dir / ("p" + std::to_string(trial) + ".gpkg")).string();
    const auto codes = wijkatlas::test::run_at_once(2, [&](int i) {
      return run_wijkatlas({"ingest", "-q", "--store", store, files[static_cast<std::size_t>(i)]})
          .code;
    });
    EXPECT_EQ(codes, (std::vector<int>{0, 0})) << "trial " << trial;
    EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 8) << "trial " << trial;
    EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 2) << "trial " << trial;
  }
}

TEST(IngestCommand, TheSameFileTwiceAtOnceIsStoredOnceAndTheOtherSaysSo) {
  TempDir dir;
  const auto file = dir.write("tafel3.geojson", drawing);
  const auto store = dir / "p.gpkg";
  std::string earlier = drawing;
  earlier.replace(earlier.find("donkere hoek"), 12, "eerdere hoek");
  ASSERT_EQ(run_wijkatlas({"ingest", "-q", "--store", store.string(),
                           dir.write("eerder.geojson", earlier).string()})
                .code,
            0);
  const auto codes = wijkatlas::test::run_at_once(2, [&](int i) {
    const CliRun r = run_wijkatlas({"ingest", "--store", store.string(), file.string()});
    std::ofstream(dir / ("uit" + std::to_string(i) + ".txt")) << r.out << r.err;
    return r.code;
  });
  EXPECT_EQ(codes, (std::vector<int>{0, 0}));
  const auto said = [&](int i) {
    std::ifstream in(dir / ("uit" + std::to_string(i) + ".txt"));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string both = said(0) + said(1);
  EXPECT_CONTAINS(both, "4 schetsen opgeslagen");
  EXPECT_CONTAINS(both, "al ingelezen");
  EXPECT_EQ(both.find("ERROR"), std::string::npos) << "no raw GDAL message";
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 8);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 2);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
