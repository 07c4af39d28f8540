// `wijkatlas store import` and the commands that read areas and key figures: after the import
// they read them from the store (a data directory without them is no longer needed), and give
// the same answer as from the files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "command_output.hpp"
#include "compare_test_support.hpp"
#include "store_file.hpp"
#include "test_support.hpp"

namespace wijkatlas::test {
namespace {

struct StoreFixture {
  TempDir dir;
  std::filesystem::path store = dir / "project.gpkg";
  std::filesystem::path empty = dir / "leeg";
  StoreFixture() {
    fill_store_at(
        store, 5,
        {{192944, 446263, 5}, {192935, 444158, 4}, {193226, 443664, 3}, {193936, 443598, 2}});
    std::filesystem::create_directories(empty);
  }
  CliResult compare(const std::filesystem::path& csv, const std::string& data_dir = "") {
    std::vector<std::string> args{
        "compare",   "--store", store.string(), "--indicator", "Bevolkingsdichtheid_34",
        "--measure", "bladen",  "-o",           csv.string()};
    if (!data_dir.empty()) args.insert(args.end(), {"--data-dir", data_dir});
    return run_wijkatlas(args);
  }
  CliResult overlap(const std::filesystem::path& csv, const std::string& data_dir = "") {
    std::vector<std::string> args{"overlap",
                                  "--store",
                                  store.string(),
                                  "--density-sigma",
                                  "0",
                                  "-o",
                                  (dir / "o.gpkg").string(),
                                  "--per-buurt",
                                  csv.string()};
    if (!data_dir.empty()) args.insert(args.end(), {"--data-dir", data_dir});
    return run_wijkatlas(args);
  }
};

TEST(AreasFromStore, CompareAndOverlapGiveTheSameAnswerFromTheStoreAsFromTheFiles) {
  StoreFixture f;
  const auto from_files = f.dir / "bestanden.csv", from_store = f.dir / "store.csv";
  const auto overlap_files = f.dir / "overlap_bestanden.csv",
             overlap_store = f.dir / "overlap_store.csv";
  const CliResult files = f.compare(from_files);
  ASSERT_EQ(files.code, 0) << files.err;
  ASSERT_EQ(f.overlap(overlap_files).code, 0);
  // Without imported areas a data directory without them fails, naming what is missing.
  const CliResult no_data = f.compare(f.dir / "x.csv", f.empty.string());
  EXPECT_EQ(no_data.code, 3) << no_data.err;

  const CliResult import = run_wijkatlas({"store", "import", "--store", f.store.string()});
  ASSERT_EQ(import.code, 0) << import.err;
  EXPECT_CONTAINS(
      import.out,
      "areas: 113 rijen (versie 1)");  // 83 buurten, 24 wijken, 5 programme wijken, 1 gemeente
  EXPECT_CONTAINS(import.out, "indicators: ");

  // Now the store's areas and figures: the empty data directory is not read.
  const CliResult store = f.compare(from_store, f.empty.string());
  ASSERT_EQ(store.code, 0) << store.err;
  EXPECT_CONTAINS(store.err, "from the project store");
  EXPECT_EQ(slurp(from_store), slurp(from_files));
  std::string said = store.out;
  said.replace(said.find(from_store.string()), from_store.string().size(), from_files.string());
  EXPECT_EQ(said, files.out) << "the same words";
  const CliResult overlap = f.overlap(overlap_store, f.empty.string());
  ASSERT_EQ(overlap.code, 0) << overlap.err;
  EXPECT_EQ(slurp(overlap_store), slurp(overlap_files));

  // The same data again: nothing written.
  const CliResult again = run_wijkatlas({"store", "import", "--store", f.store.string()});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_CONTAINS(again.out, "areas: 113 rijen (ongewijzigd, niets geschreven)");
}

TEST(AreasFromStore, ARegistryWithoutItsPersonalFieldsAndAssetPoints) {
  StoreFixture f;
  const std::string registry = source_file("examples/initiatieven_arnhem_oost.csv").string();
  const std::string assets = data_file("assets/arnhem_assets.csv").string();
  const CliResult r = run_wijkatlas({"store", "import", "--store", f.store.string(), "--no-areas",
                                     "--registry", registry, "--assets", assets});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "initiatives: 40 rijen");
  EXPECT_CONTAINS(r.out, "arnhem_assets: 253 rijen");
  EXPECT_EQ(query_number(f.store,
                         "SELECT COUNT(*) FROM initiatives WHERE startdatum IS NOT NULL "
                         "AND naam IS NOT NULL AND illustratief = 1"),
            40);
  EXPECT_EQ(query_number(f.store,
                         "SELECT COUNT(*) FROM initiatives WHERE attributes LIKE "
                         "'%contact%' OR attributes LIKE '%Voorbeeld 0%'"),
            0)
      << "no personal fields";
  EXPECT_EQ(query_number(f.store,
                         "SELECT COUNT(*) FROM assets WHERE layer = 'arnhem_assets' "
                         "AND source_id = 'A0002' AND name = 'Focus Filmtheater'"),
            1);
  EXPECT_EQ(query_number(f.store, "SELECT COUNT(*) FROM areas"), 0) << "--no-areas";
}

// The team's registry, not the example one: one initiative in Klarendal, one in Presikhaaf.
constexpr const char* team_registry =
    "id,naam,thema,omschrijving,status,startdatum,lon,lat,contact_naam,illustratief\n"
    "ST-001,Opslagproef Klarendal,opslagproef,Uit de projectopslag.,lopend,2025-03-01,"
    "5.917854,51.988505,Iemand Persoonlijk,nee\n"
    "ST-002,Opslagproef Presikhaaf,opslagproef,Uit de projectopslag.,idee,,5.940805,51.984354,"
    "Iemand Anders,nee\n";

// join, map and atlas with --store: the store's areas, key figures and initiatives, and no file
// of the (empty) data directory.
TEST(AreasFromStore, JoinMapAndAtlasTakeTheAreasFiguresAndInitiativesOfTheStore) {
  StoreFixture f;
  const auto registry = f.dir.write("team_register.csv", team_registry);
  const CliResult import = run_wijkatlas(
      {"store", "import", "--store", f.store.string(), "--registry", registry.string()});
  ASSERT_EQ(import.code, 0) << import.err;
  EXPECT_CONTAINS(import.out, "initiatives: 2 rijen");

  const auto joined = f.dir / "join.gpkg";
  const CliResult join = run_wijkatlas(
      {"join", "--store", f.store.string(), "--data-dir", f.empty.string(), "-o", joined.string()});
  ASSERT_EQ(join.code, 0) << join.err;
  EXPECT_CONTAINS(join.err, "from the project store");
  EXPECT_EQ(query_number(joined,
                         "SELECT n_opslagproef FROM programmawijken WHERE code = "
                         "'klarendal'"),
            1);
  EXPECT_EQ(query_number(joined, "SELECT n_punten FROM gemeenten"), 2) << "not the 40 examples";
  EXPECT_EQ(query_number(joined,
                         "SELECT COUNT(*) FROM punten WHERE id = 'ST-002' AND "
                         "programmawijk = 'presikhaaf'"),
            1);
  EXPECT_GT(query_number(joined, "SELECT COUNT(*) FROM buurten WHERE AantalInwoners_5 > 0"), 50)
      << "the store's key figures";
  EXPECT_EQ(query_number(joined,
                         "SELECT COUNT(*) FROM pragma_table_info('punten') WHERE name "
                         "LIKE 'contact%'"),
            0);
  // Only the codes of the store's initiatives: both of them, the one in Presikhaaf with its
  // programme wijk.
  const auto codes = f.dir / "codes.gpkg";
  const CliResult coded =
      run_wijkatlas({"join", "--store", f.store.string(), "--data-dir", f.empty.string(),
                     "--joined-points", "codes", "-o", codes.string()});
  ASSERT_EQ(coded.code, 0) << coded.err;
  EXPECT_EQ(query_number(codes, "SELECT COUNT(*) FROM punten_codes"), 2);
  EXPECT_EQ(
      query_number(codes, "SELECT COUNT(*) FROM punten_codes WHERE programmawijk = 'presikhaaf'"),
      1);
  const auto areas = f.dir / "gebieden.gpkg";
  const CliResult written = run_wijkatlas(
      {"areas", "--store", f.store.string(), "--data-dir", f.empty.string(), "-o", areas.string()});
  ASSERT_EQ(written.code, 0) << written.err;
  EXPECT_EQ(query_number(areas, "SELECT COUNT(*) FROM buurten"), 83);
  EXPECT_EQ(query_number(areas, "SELECT COUNT(*) FROM programmawijken"), 5);
  // Points named on the command line still win over the store's.
  const auto examples = f.dir / "voorbeelden.gpkg";
  const CliResult files = run_wijkatlas(
      {"join", "--store", f.store.string(), "--data-dir", f.empty.string(), "--points",
       source_file("examples/initiatieven_arnhem_oost.csv").string(), "-o", examples.string()});
  ASSERT_EQ(files.code, 0) << files.err;
  EXPECT_EQ(query_number(examples, "SELECT n_punten FROM gemeenten"), 40);

  // The atlas's wijk map of Klarendal, and the whole atlas: the store's initiative with its
  // label and source line, none of the examples.
  const auto map = f.dir / "klarendal.pdf";
  const CliResult drawn = run_wijkatlas(
      {"map", source_file("examples/maps/atlas_wijk.toml").string(), "--store", f.store.string(),
       "--data-dir", f.empty.string(), "--no-date", "-o", map.string()});
  ASSERT_EQ(drawn.code, 0) << drawn.err;
  const std::string text = command_output("pdftotext " + shell_quoted(map) + " -");
  EXPECT_CONTAINS(text, "ST-001");
  EXPECT_EQ(text.find("{naam}"), std::string::npos) << "the template's title is the wijk's name";
  EXPECT_CONTAINS(text, "projectopslag");
  EXPECT_EQ(text.find("VB-016"), std::string::npos) << "an example initiative of Klarendal";
  EXPECT_EQ(text.find("voorbeeldregister"), std::string::npos);
  const auto atlas = f.dir / "atlas.pdf";
  const CliResult pages = run_wijkatlas({"atlas", "--store", f.store.string(), "--data-dir",
                                         f.empty.string(), "--no-date", "-o", atlas.string()});
  ASSERT_EQ(pages.code, 0) << pages.err;
  const std::string presikhaaf =
      command_output("pdftotext -f 3 -l 3 " + shell_quoted(atlas) + " -");
  EXPECT_CONTAINS(presikhaaf, "Presikhaaf");
  EXPECT_CONTAINS(presikhaaf, "ST-002");
  EXPECT_EQ(presikhaaf.find("VB-005"), std::string::npos);
}

TEST(AreasFromStore, AMissingOrMalformedFileIsNamedAndNothingIsWritten) {
  StoreFixture f;
  const CliResult missing =
      run_wijkatlas({"store", "import", "--store", f.store.string(), "--no-areas", "--assets",
                     (f.dir / "geen.csv").string()});
  EXPECT_EQ(missing.code, 3) << missing.err;
  EXPECT_CONTAINS(missing.err, "geen.csv");
  const auto bad = f.dir.write("punten.csv", "x,y,naam\n190000,444000,a\n190001,,b\n");
  const CliResult malformed =
      run_wijkatlas({"store", "import", "--store", f.store.string(), "--no-areas", "--points",
                     bad.string(), "--layer-name", "punten"});
  EXPECT_EQ(malformed.code, 3) << malformed.err;
  EXPECT_CONTAINS(malformed.err, "punten.csv");
  EXPECT_CONTAINS(malformed.err, "line 3");
  EXPECT_EQ(query_number(f.store, "SELECT COUNT(*) FROM assets"), 0);
  EXPECT_EQ(query_number(f.store, "SELECT COUNT(*) FROM imports"), 0);
  const CliResult no_name = run_wijkatlas(
      {"store", "import", "--store", f.store.string(), "--no-areas", "--points", bad.string()});
  EXPECT_EQ(no_name.code, 2) << no_name.err;
  EXPECT_CONTAINS(no_name.err, "--layer-name");
  // Into a store that is not there yet: no store is left behind by a failed import.
  const auto fresh = f.dir / "nieuw.gpkg";
  for (const auto& input :
       {std::vector<std::string>{"--registry", (f.dir / "geen.csv").string()},
        std::vector<std::string>{"--points", bad.string(), "--layer-name", "punten"}}) {
    std::vector<std::string> args{"store", "import", "--store", fresh.string(), "--no-areas"};
    args.insert(args.end(), input.begin(), input.end());
    const CliResult r = run_wijkatlas(args);
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_FALSE(std::filesystem::exists(fresh)) << input[0];
    EXPECT_FALSE(std::filesystem::exists(f.dir / "nieuw.gpkg-wal")) << input[0];
  }
}

}  // namespace
}  // namespace wijkatlas::test
