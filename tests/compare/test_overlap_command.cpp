// `wijkatlas overlap` in-process on stores filled through the store API.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/envelope.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "compare_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::test {
namespace {

// Area per n of the faces layer.
std::map<std::int64_t, double> area_per_n(const geo::Layer& faces) {
  std::map<std::int64_t, double> out;
  const auto n = faces.require_field("n");
  const auto a = faces.require_field("oppervlakte_m2");
  for (const auto& f : faces.features)
    out[std::get<std::int64_t>(f.values[n])] += *geo::as_number(f.values[a]);
  return out;
}

const geo::Feature& feature_with(const geo::Layer& layer, const std::string& field,
                                 const std::string& value) {
  const auto i = layer.require_field(field);
  for (const auto& f : layer.features) {
    if (geo::to_text(f.values[i]) == value) return f;
  }
  throw std::runtime_error("no " + value + " in " + layer.name);
}

TEST(OverlapCommand, ExactFacesPerBuurtAndMap) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  fill_store(store, 3);
  const auto out = dir / "overlap.gpkg", csv = dir / "buurten.csv", map = dir / "overlap.pdf";
  const CliResult r = run_wijkatlas({"overlap", "--store", store.string(), "--category", "probleem",
                                     "-o", out.string(), "--per-buurt", csv.string(), "--map",
                                     map.string(), "--no-date"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "3 tekeningen");
  EXPECT_CONTAINS(r.out, "methode exact");

  // Strips of 10 m: n = 1 on 2 x 500 m2, n = 2 on 2 x 500 m2, n = 3 on 30 x 50 m.
  const geo::Layer faces = read_output(out, "overlap_vlakken");
  const auto areas = area_per_n(faces);
  ASSERT_EQ(areas.size(), 3u);
  EXPECT_NEAR(areas.at(1), 1000.0, 1e-6);
  EXPECT_NEAR(areas.at(2), 1000.0, 1e-6);
  EXPECT_NEAR(areas.at(3), 1500.0, 1e-6);
  EXPECT_EQ(geo::to_text(feature_with(faces, "n", "3").values[faces.require_field("n_van_N")]),
            "3 van 3");
  EXPECT_FALSE(read_output(out, "dichtheid").features.empty());

  // Geitenkamp: all three sheets, 3,500 m2 in one spot; the other buurten are suppressed.
  const geo::Layer buurten = read_output(out, "per_buurt");
  const geo::Feature& geitenkamp = feature_with(buurten, "code", "BU02021053");
  EXPECT_EQ(geo::to_text(geitenkamp.values[buurten.require_field("bladen_getekend")]), "3");
  EXPECT_EQ(geo::to_text(geitenkamp.values[buurten.require_field("plekken")]), "1");
  EXPECT_EQ(geo::to_text(geitenkamp.values[buurten.require_field("onderdrukt")]), "0");
  EXPECT_GT(*geo::as_number(geitenkamp.values[buurten.require_field("procent_getekend")]), 0.0);
  EXPECT_GT(*geo::as_number(geitenkamp.values[buurten.require_field("bladen_per_1000_inwoners")]),
            0.0);
  const geo::Feature& other = feature_with(buurten, "code", "BU02020423");
  EXPECT_TRUE(geo::is_null(other.values[buurten.require_field("bladen_getekend")]));
  EXPECT_TRUE(geo::is_null(other.values[buurten.require_field("procent_getekend")]));
  EXPECT_EQ(geo::to_text(other.values[buurten.require_field("onderdrukt")]), "1");
  EXPECT_FALSE(read_output(out, "per_programmawijk").features.empty());

  const std::string table = slurp(csv);
  EXPECT_CONTAINS(table, "niveau,code,naam,bladen_in_beeld,bladen_getekend");
  EXPECT_CONTAINS(table, "buurt,BU02021053,Geitenkamp,3,3,");
  EXPECT_CONTAINS(table, "programmawijk,geitenkamp,Geitenkamp,3,3,");
  EXPECT_TRUE(std::filesystem::file_size(map) > 1000);
  keep_for_viewing(map);
  const std::string text = pdf_text(map);
  EXPECT_CONTAINS(text, "n van N tekeningen");
  EXPECT_CONTAINS(text, "3 van N");
  EXPECT_CONTAINS(text, "Waar bewoners problemen tekenden");
  EXPECT_CONTAINS(text, "Geitenkamp");
  // The base map under the drawings (issue 17): the data directory's OSM extract, credited,
  // and the generalized CBS boundaries said as such.
  EXPECT_CONTAINS(text, "OpenStreetMap-bijdragers");
  EXPECT_CONTAINS(text, "vereenvoudigd");
}

TEST(OverlapCommand, OnlyTheLatestVersionOfASheetCounts) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  fill_store(store, 3);
  // Sheet 0 photographed again with its mark moved away: its first version no longer counts.
  replace_sheet(store, 0, 193000, 446300, 193040, 446340);
  const auto out = dir / "o.gpkg";
  const CliResult r =
      run_wijkatlas({"overlap", "-q", "--store", store.string(), "-o", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto areas = area_per_n(read_output(out, "overlap_vlakken"));
  EXPECT_EQ(areas.count(3), 0u);
  EXPECT_NEAR(areas.at(2), 40.0 * 50.0, 1e-6);         // sheets 1 and 2 share x 192900..192940
  EXPECT_NEAR(areas.at(1), 2 * 500.0 + 1600.0, 1e-6);  // their ends and the moved mark
}

// Two digital drawings read in with `wijkatlas ingest` (no sheet: each covers only its marks),
// one of them with a self-crossing polygon that the ingest repairs; a line counts as a 10 m
// corridor either side.
TEST(OverlapCommand, DigitalDrawingsFromIngest) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  const auto a = dir.write(
      "tafel1.geojson",
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
{"type":"Feature","properties":{"categorie":"probleem"},"geometry":{"type":"Polygon","coordinates":[[[192880,446120],[192930,446120],[192930,446170],[192880,446170],[192880,446120]]]}},
{"type":"Feature","properties":{"categorie":"probleem"},"geometry":{"type":"LineString","coordinates":[[192700,446300],[192800,446300]]}}]})");
  const auto b = dir.write(
      "tafel2.geojson",
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
{"type":"Feature","properties":{"categorie":"rood"},"geometry":{"type":"Polygon","coordinates":[[[192900,446120],[192950,446170],[192950,446120],[192900,446170],[192900,446120]]]}}]})");
  const CliResult ingest =
      run_wijkatlas({"ingest", "-q", "--store", store.string(), a.string(), b.string()});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  const auto out = dir / "o.gpkg";
  const CliResult r = run_wijkatlas({"overlap", "--store", store.string(), "-o", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "2 tekeningen (3 schetsen");
  const geo::Layer faces = read_output(out, "overlap_vlakken");
  const auto areas = area_per_n(faces);
  // The bow tie is repaired into two triangles of 625 m2 meeting at (192925, 446145). The square
  // (x 192880..192930) holds all of the left one and, of the right one, the tip x <= 192930
  // (base 10 m, height 5 m: 25 m2). So n = 2 on 650 m2.
  ASSERT_EQ(areas.count(2), 1u);
  EXPECT_NEAR(areas.at(2), 650.0, 1e-6);
  // Digital drawings cover only what they marked: N equals n everywhere.
  for (const auto& f : faces.features) {
    EXPECT_EQ(geo::to_text(f.values[faces.require_field("n")]),
              geo::to_text(f.values[faces.require_field("N_totaal")]));
  }
  // The line: 100 m long, buffered 10 m either side with round caps: 100 x 20 + pi x 10^2.
  double line_area = 0;
  for (const auto& f : faces.features) {
    const auto box =
        boost::geometry::return_envelope<geo::Box>(std::get<geo::MultiPolygon>(f.geometry));
    if (box.max_corner().x() < 192850)
      line_area += *geo::as_number(f.values[faces.require_field("oppervlakte_m2")]);
  }
  EXPECT_NEAR(line_area, 2000 + 3.14159265 * 100, 5.0);
}

TEST(OverlapCommand, GridCountsCells) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  fill_store(store, 3);
  const auto out = dir / "o.gpkg";
  const CliResult r =
      run_wijkatlas({"overlap", "--store", store.string(), "--grid", "5", "-o", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "methode raster");
  const geo::Layer cells = read_output(out, "overlap_cellen");
  // Each 50 x 50 m mark covers exactly 100 cells of 5 m (2,500 m2): n x area sums to 7,500 m2;
  // n = 3 on 6 x 10 cells. Cells of equal n and N come as one polygon, not a square each.
  double sum = 0, three = 0;
  const std::size_t area = cells.require_field("oppervlakte_m2");
  for (const auto& f : cells.features) {
    const auto n = std::get<std::int64_t>(f.values[0]);
    sum += static_cast<double>(n) * *geo::as_number(f.values[area]);
    three += n == 3 ? *geo::as_number(f.values[area]) : 0.0;
  }
  EXPECT_NEAR(sum, 7500, 1e-6);
  EXPECT_NEAR(three, 1500, 1e-6);
  EXPECT_LT(cells.features.size(), 10u) << "runs of equal counts, not 240 squares";
  EXPECT_TRUE(std::filesystem::exists(dir / "o_telling.tif"));
}

TEST(OverlapCommand, BadInputsWriteNothing) {
  TempDir dir;
  const auto out = dir / "o.gpkg";
  const auto missing =
      run_wijkatlas({"overlap", "--store", (dir / "nope.gpkg").string(), "-o", out.string()});
  EXPECT_EQ(missing.code, 3);
  EXPECT_CONTAINS(missing.err, "no project store");
  EXPECT_FALSE(std::filesystem::exists(dir / "nope.gpkg"));

  const auto empty_file = dir.write("leeg.gpkg", "");
  const auto empty = run_wijkatlas({"overlap", "--store", empty_file.string(), "-o", out.string()});
  EXPECT_EQ(empty.code, 3);
  EXPECT_CONTAINS(empty.err, "empty");

  const auto store = dir / "project.gpkg";
  fill_store(store, 3);
  const auto category = run_wijkatlas(
      {"overlap", "--store", store.string(), "--category", "paars", "-o", out.string()});
  EXPECT_EQ(category.code, 2);
  EXPECT_CONTAINS(category.err, "probleem, fijne_plek, idee or alle");

  const auto k = run_wijkatlas({"overlap", "--store", store.string(), "--min-sheets", "4",
                                "--per-buurt", (dir / "b.csv").string(), "-o", out.string()});
  EXPECT_EQ(k.code, 2);
  EXPECT_CONTAINS(k.err, "more than the 3 sheets");

  const auto fresh = dir / "fresh.gpkg";
  { fill_store(fresh, 0); }
  const auto none = run_wijkatlas({"overlap", "--store", fresh.string(), "-o", out.string()});
  EXPECT_EQ(none.code, 3);
  EXPECT_CONTAINS(none.err, "no current sketches of category 'probleem'");

  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(dir / "b.csv"));
}

TEST(OverlapCommand, AFailedMapRemovesTheOtherOutputs) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  fill_store(store, 3);
  const auto out = dir / "o.gpkg", csv = dir / "b.csv";
  const CliResult r =
      run_wijkatlas({"overlap", "--store", store.string(), "-o", out.string(), "--per-buurt",
                     csv.string(), "--map", (dir / "geen_map" / "kaart.pdf").string()});
  EXPECT_NE(r.code, 0);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(csv));
}

TEST(OverlapCommand, HelpNamesTheOptions) {
  const CliResult r = run_wijkatlas({"overlap", "--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* option :
       {"--store", "--category", "--grid", "--per-buurt", "--min-sheets", "--map"}) {
    EXPECT_CONTAINS(r.out, option);
  }
}

}  // namespace
}  // namespace wijkatlas::test
