// The `wijkatlas` command, run in-process through run_cli: options, exit codes, outputs.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli_run.hpp"
#include "command_output.hpp"
#include "gdal_sql.hpp"
#include "test_support.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::app {
namespace {

using test::slurp;
using test::sql_rows;
using test::TempDir;

using test::CliRun;

CliRun run(std::vector<std::string> args) {
  return test::run_wijkatlas(std::move(args));
}

geo::Layer read_layer(const std::filesystem::path& path, const std::string& layer) {
  geo::CollectingReporter reporter;
  geo::ReadOptions options;
  options.layer = layer;
  options.allow_empty = true;
  options.require_geometry = false;
  return geo::read_layer(path, options, reporter);
}

const geo::Value& value_of(const geo::Layer& layer, std::string_view code, std::string_view field) {
  const auto code_field = *layer.field_index("code");
  for (const auto& f : layer.features) {
    if (geo::to_text(f.values[code_field]) == code) return f.values.at(layer.require_field(field));
  }
  throw std::runtime_error("no " + std::string(code) + " in " + layer.name);
}

}  // namespace

TEST(Cli, HelpListsSubcommandsAndExitCodes) {
  const CliRun r = run({"--help"});
  EXPECT_EQ(r.code, exit_ok);
  for (const char* word : {"info", "areas", "join", "Exit codes"}) EXPECT_CONTAINS(r.out, word);
  for (const char* sub : {"info", "areas", "join"}) {
    const CliRun s = run({sub, "--help"});
    EXPECT_EQ(s.code, exit_ok) << sub;
    EXPECT_CONTAINS(s.out, std::string("wijkatlas ") + sub);
  }
  EXPECT_CONTAINS(run({"join", "--help"}).out, "--include-personal");
}

TEST(Cli, WrongOptionsAreUsageErrors) {
  EXPECT_EQ(run({}).code, exit_usage);
  EXPECT_EQ(run({"join", "--no-such-option"}).code, exit_usage);
  TempDir dir;
  const CliRun r =
      run({"join", "-q", "--levels", "buurt,stadsdeel", "-o", (dir / "x.gpkg").string()});
  EXPECT_EQ(r.code, exit_usage);
  EXPECT_CONTAINS(r.err, "stadsdeel");
  EXPECT_EQ(run({"join", "-q", "-o", (dir / "x.kml").string()}).code, exit_usage);
  EXPECT_EQ(test::file_count(dir.path()), 0u);
}

TEST(Cli, JoinOnTheRealArnhemData) {
  TempDir dir;
  const auto out = dir / "arnhem.gpkg";
  const CliRun r = run({"join", "--data-dir", test::data_dir().string(), "-o", out.string()});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(r.out, "Presikhaaf");
  EXPECT_CONTAINS(r.out, "16420");
  const auto names = geo::layer_names(out);
  for (const char* layer :
       {"buurten", "wijken", "programmawijken", "gemeenten", "punten", "punten_buiten_gebied"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), layer), names.end()) << layer;
  }
  const geo::Layer programme = read_layer(out, "programmawijken");
  ASSERT_EQ(programme.features.size(), 5u);
  EXPECT_EQ(geo::as_number(value_of(programme, "presikhaaf", "inwoners")), 16420.0);
  // The 40 illustrative initiatives all lie in the programme wijken.
  double total = 0;
  for (const auto& f : programme.features)
    total += *geo::as_number(f.values[*programme.field_index("n_punten")]);
  EXPECT_EQ(total, 40.0);
  // The buurt layer carries the monitor figures.
  const geo::Layer buurten = read_layer(out, "buurten");
  EXPECT_EQ(buurten.features.size(), 83u);
  EXPECT_EQ(geo::as_number(value_of(buurten, "BU02020423", "AantalInwoners_5")), 2255.0);
  // Personal fields stay out of every output unless asked for.
  const geo::Layer punten = read_layer(out, "punten");
  EXPECT_EQ(punten.features.size(), 40u);
  for (const auto& f : punten.fields) EXPECT_FALSE(f.name.starts_with("contact_")) << f.name;
  EXPECT_EQ(slurp(dir / "arnhem.csv").find("example.org"), std::string::npos);
  EXPECT_CONTAINS(slurp(dir / "arnhem.csv"), "presikhaaf,Presikhaaf,programmawijk");
}

TEST(Cli, IncludePersonalWritesContactFields) {
  TempDir dir;
  const auto out = dir / "met_contact.gpkg";
  ASSERT_EQ(run({"join", "-q", "--include-personal", "-o", out.string()}).code, exit_ok);
  EXPECT_TRUE(read_layer(out, "punten").field_index("contact_email"));
}

TEST(Cli, JoinReadsThePdokSchemaWithItsEmbeddedKeyFigures) {
  TempDir dir;
  const auto points = dir.write(
      "punten.csv",
      "naam,thema,x,y\na,groen,190500,445500\nb,spelen,192500,446500\nc,groen,250000,445500\n");
  const auto out = dir / "mini.gpkg";
  const CliRun r = run({"join", "--areas",
                        test::source_file("tests/fixtures/pdok/wijkenbuurten_mini.gpkg").string(),
                        "--programme", "none", "--points", points.string(), "-o", out.string()});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(r.err, "1 ");  // the point outside is reported
  EXPECT_CONTAINS(r.out, "buiten alle buurten");
  const geo::Layer gemeenten = read_layer(out, "gemeenten");
  EXPECT_EQ(geo::as_number(value_of(gemeenten, "GM9999", "inwoners")), 2100.0);
  EXPECT_EQ(geo::as_number(value_of(gemeenten, "GM9999", "n_punten")), 2.0);
  const geo::Layer buurten = read_layer(out, "buurten");
  EXPECT_TRUE(geo::is_null(value_of(buurten, "BU99990102", "gemiddelde_woningwaarde")));
  EXPECT_EQ(geo::as_number(value_of(buurten, "BU99990101", "n_groen")), 1.0);
  EXPECT_EQ(read_layer(out, "punten_buiten_gebied").features.size(), 1u);
}

// Three points in the mini PDOK buurten, one of them outside all buurten.
std::filesystem::path three_points(const TempDir& dir) {
  return dir.write(
      "drie.csv",
      "naam,thema,x,y\na,groen,190500,445500\nb,spelen,192500,446500\nc,groen,250000,445500\n");
}

JoinOptions mini_join(const TempDir& dir, const std::string& output) {
  JoinOptions options;
  options.source.areas = test::source_file("tests/fixtures/pdok/wijkenbuurten_mini.gpkg").string();
  options.source.programme = "none";
  options.points = three_points(dir).string();
  options.output = (dir / output).string();
  return options;
}

TEST(Cli, JoinLeavesOutTheCopyOfEveryPointAboveTheLimitButNotTheOutsidePoints) {
  TempDir dir;
  JoinOptions options = mini_join(dir, "groot.gpkg");
  options.joined_points_limit = 2;
  geo::CollectingReporter reporter;
  std::ostringstream out;
  run_join(options, reporter, out);
  const auto names = geo::layer_names(options.output);
  EXPECT_EQ(std::find(names.begin(), names.end(), "punten"), names.end());
  EXPECT_EQ(read_layer(options.output, "punten_buiten_gebied").features.size(), 1u);
  EXPECT_EQ(geo::as_number(value_of(read_layer(options.output, "gemeenten"), "GM9999", "n_punten")),
            2.0);
  bool told = false;
  for (const auto& info : reporter.infos)
    told |= info.find("--joined-points always") != std::string::npos;
  EXPECT_TRUE(told) << "the user is told how to get the layer";

  options.joined_points = JoinedPoints::always;
  options.output = (dir / "altijd.gpkg").string();
  run_join(options, reporter, out);
  EXPECT_EQ(read_layer(options.output, "punten").features.size(), 3u);
}

TEST(Cli, JoinedPointsCodesGiveEveryPointsSourceFidAndCodesWithoutThePoints) {
  TempDir dir;
  const JoinOptions mini = mini_join(dir, "unused.gpkg");
  const auto codes_out = dir / "codes.gpkg", full_out = dir / "altijd.gpkg";
  for (const auto& [mode, out] : {std::pair{"codes", codes_out}, std::pair{"always", full_out}}) {
    const CliRun r = run({"join", "-q", "--areas", mini.source.areas, "--programme", "none",
                          "--points", mini.points, "--joined-points", mode, "-o", out.string()});
    ASSERT_EQ(r.code, exit_ok) << r.err;
  }
  const auto names = geo::layer_names(codes_out);
  EXPECT_EQ(std::find(names.begin(), names.end(), "punten"), names.end());
  EXPECT_EQ(read_layer(codes_out, "punten_buiten_gebied").features.size(), 1u);
  // Row k of the table is source point k: its fid there (a CSV's data row) and the codes the
  // full copy of the points gives it.
  const geo::Layer codes = read_layer(codes_out, "punten_codes");
  const geo::Layer source = read_layer(mini.points, "");
  const geo::Layer full = read_layer(full_out, "punten");
  ASSERT_EQ(codes.features.size(), 3u);
  ASSERT_EQ(full.features.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(codes.features[0].geometry));
  for (std::size_t k = 0; k < 3; ++k) {
    SCOPED_TRACE(k);
    const geo::Feature& row = codes.features[k];
    EXPECT_EQ(geo::as_number(row.values[codes.require_field("bron_fid")]),
              static_cast<double>(source.features[k].fid));
    for (const char* field : {"buurtcode", "wijkcode", "programmawijk", "gemeentecode"}) {
      EXPECT_EQ(row.values[codes.require_field(field)],
                full.features[k].values[full.require_field(field)])
          << field;
    }
  }
  EXPECT_EQ(geo::to_text(codes.features[0].values[codes.require_field("buurtcode")]), "BU99990101");
  EXPECT_TRUE(geo::is_null(codes.features[2].values[codes.require_field("buurtcode")]));
}

// `always` keeps the points as read and makes punten as it is written; `auto`, for a few
// points, keeps them as features: the file must be the same, column types included (an integer
// that fits in 32 bits is one), and the points outside a view on it.
TEST(Cli, JoinedPointsAlwaysWritesWhatTheFeaturesWould) {
  TempDir dir;
  const JoinOptions mini = mini_join(dir, "unused.gpkg");
  const auto points = dir.write("getallen.csv",
                                "naam,thema,aantal,groot,bedrag,datum,x,y\n"
                                "a,groen,3,5000000000,\"2,5\",2024-01-05,190500,445500\n"
                                "b,spelen,70000,1,,2024-02-29,192500,446500\n"
                                "c,groen,,2,1,,250000,445500\n");
  std::map<std::string, std::filesystem::path> out;
  for (const char* mode : {"auto", "always"}) {
    out[mode] = dir / (std::string(mode) + ".gpkg");
    const CliRun r =
        run({"join", "-q", "--areas", mini.source.areas, "--programme", "none", "--points",
             points.string(), "--joined-points", mode, "-o", out[mode].string()});
    ASSERT_EQ(r.code, exit_ok) << r.err;
  }
  for (const char* sql :
       {"SELECT sql FROM sqlite_master WHERE name IN ('punten', 'punten_buiten_gebied')",
        "SELECT fid + 0, hex(geom), naam, thema, aantal, groot, bedrag, datum, buurtcode, "
        "wijkcode, "
        "programmawijk, gemeentecode FROM punten ORDER BY fid",
        "SELECT fid + 0, naam FROM punten_buiten_gebied ORDER BY fid",
        "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'punten'",
        "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'punten'",
        "SELECT count(*) FROM rtree_punten_geom"}) {
    EXPECT_EQ(sql_rows(out["always"], sql), sql_rows(out["auto"], sql)) << sql;
  }
  const auto schema =
      sql_rows(out["always"], "SELECT sql FROM sqlite_master WHERE name = 'punten'");
  ASSERT_EQ(schema.size(), 1u);
  EXPECT_NE(schema[0].find("\"aantal\" MEDIUMINT"), std::string::npos) << schema[0];
  EXPECT_NE(schema[0].find("\"groot\" INTEGER"), std::string::npos) << schema[0];
  EXPECT_EQ(sql_rows(out["always"], "SELECT naam FROM punten_buiten_gebied"),
            std::vector<std::string>{"c"});
}

TEST(Cli, JoinedPointsNeverAndAnUnknownMode) {
  TempDir dir;
  const auto out = dir / "nooit.gpkg";
  const JoinOptions mini = mini_join(dir, "unused.gpkg");
  const CliRun r = run({"join", "-q", "--areas", mini.source.areas, "--programme", "none",
                        "--points", mini.points, "--joined-points", "never", "-o", out.string()});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  const auto names = geo::layer_names(out);
  EXPECT_EQ(std::find(names.begin(), names.end(), "punten"), names.end());
  EXPECT_EQ(read_layer(out, "punten_buiten_gebied").features.size(), 1u);
  const CliRun bad =
      run({"join", "-q", "--joined-points", "soms", "-o", (dir / "x.gpkg").string()});
  EXPECT_EQ(bad.code, exit_usage);
  EXPECT_CONTAINS(bad.err, "soms");
}

TEST(Cli, MissingInputIsExitThreeAndWritesNothing) {
  TempDir dir;
  const CliRun r = run(
      {"join", "--points", (dir / "bestaat_niet.csv").string(), "-o", (dir / "uit.gpkg").string()});
  EXPECT_EQ(r.code, exit_input);
  EXPECT_CONTAINS(r.err, "bestaat_niet.csv");
  EXPECT_CONTAINS(r.err, "not found");
  EXPECT_EQ(test::file_count(dir.path()), 0u);
}

TEST(Cli, BadPointFileNamesTheLine) {
  TempDir dir;
  const auto points = dir.write("omgedraaid.csv", "naam,lon,lat\na,51.98,5.90\n");
  const CliRun r = run({"join", "--points", points.string(), "-o", (dir / "uit.gpkg").string()});
  EXPECT_EQ(r.code, exit_input);
  EXPECT_CONTAINS(r.err, "omgedraaid.csv, line 2");
  EXPECT_CONTAINS(r.err, "swapped");
  EXPECT_EQ(test::file_count(dir.path()), 1u);
}

TEST(Cli, UnwritableOutputIsExitFour) {
  const CliRun r = run({"join", "-q", "-o", "/nonexistent/dir/uit.gpkg"});
  EXPECT_EQ(r.code, exit_output);
  EXPECT_CONTAINS(r.err, "/nonexistent/dir");
}

TEST(Cli, InfoDescribesADataset) {
  const CliRun r =
      run({"info", test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg").string()});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(r.out, "layer buurten");
  EXPECT_CONTAINS(r.out, "features: 83");
  EXPECT_CONTAINS(r.out, "EPSG:28992");
  EXPECT_CONTAINS(r.out, "183548");  // extent x min
  EXPECT_EQ(run({"info", "/nonexistent.gpkg"}).code, exit_input);
}

TEST(Cli, AreasWritesTheHierarchy) {
  TempDir dir;
  const auto out = dir / "gebieden.gpkg";
  ASSERT_EQ(run({"areas", "-q", "-o", out.string()}).code, exit_ok);
  EXPECT_EQ(read_layer(out, "programmawijken").features.size(), 5u);
  EXPECT_EQ(read_layer(out, "wijken").features.size(), 24u);
  EXPECT_EQ(read_layer(out, "gemeenten").features.size(), 1u);
}

// --- wijkatlas map -------------------------------------------------------------------------

// What poppler's pdftotext / pdfinfo read from a PDF: an independent check of what we wrote.
std::string poppler(const std::string& tool, const std::filesystem::path& pdf) {
  // -raw keeps rotated labels (street names) in one piece.
  const std::string quoted = test::shell_quoted(pdf);
  return test::command_output(tool == "pdftotext" ? "pdftotext -raw " + quoted + " -"
                                                  : tool + " " + quoted);
}

TEST(Cli, MapRendersTheStreetMapOnTheOsmFixture) {
  TempDir dir;
  const auto pdf = dir / "vaduz.pdf";
  const auto r = run({"map", test::source_file("examples/maps/vaduz_straten.toml").string(), "-o",
                      pdf.string(), "--no-date", "-q"});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(poppler("pdfinfo", pdf), "595.276 x 841.89 pts");
  const std::string text = poppler("pdftotext", pdf);
  EXPECT_CONTAINS(text, "Vaduz – centrum");
  EXPECT_CONTAINS(text, "© OpenStreetMap-bijdragers");
  EXPECT_CONTAINS(text, "Schaal 1:5.000");
  EXPECT_CONTAINS(text, "Städtle");  // a street name, placed along its street
  EXPECT_EQ(text.find("Gemaakt op"), std::string::npos);
}

TEST(Cli, MapChoroplethOfTheRealCbsFigures) {
  TempDir dir;
  const auto pdf = dir / "dichtheid.pdf";
  const auto r =
      run({"map", test::source_file("examples/maps/bevolkingsdichtheid_buurten.toml").string(),
           "-o", pdf.string()});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(r.out, "kaart geschreven");
  const std::string text = poppler("pdftotext", pdf);
  for (const char* expected :
       {"Bevolkingsdichtheid Arnhem-Oost", "Inwoners per km²", "Programmawijk",
        "Bron: CBS, Kadaster", "Klarendal", "Presikhaaf", "Gemaakt op"}) {
    EXPECT_CONTAINS(text, expected);
  }
}

TEST(Cli, MapPngHasThePaperSizeAtTheRequestedDpi) {
  TempDir dir;
  const auto png = dir / "geitenkamp.png";
  const auto r =
      run({"map", test::source_file("examples/maps/initiatieven_geitenkamp.toml").string(), "-o",
           png.string(), "--dpi", "50", "-q"});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  const std::string bytes = slurp(png);
  ASSERT_GT(bytes.size(), 24u);
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  EXPECT_EQ(be32(16), 413);  // A4 at 50 dpi: 210 mm x 297 mm
  EXPECT_EQ(be32(20), 585);
}

// A choropleth of a CBS column with no legend of its own is named by the column's title and
// unit (the dictionary of 85984NED), not by the column name.
TEST(Cli, MapLegendNamesACbsColumnByItsTitleAndUnit) {
  TempDir dir;
  const auto def =
      dir.write("dichtheid.toml",
                "[extent]\nlevel = \"programma\"\narea = \"Klarendal\"\n\n[[layer]]\n"
                "type = \"choropleth\"\nlevel = \"buurt\"\nfield = \"Bevolkingsdichtheid_34\"\n");
  const auto pdf = dir / "dichtheid.pdf";
  const auto r = run({"map", def.string(), "-o", pdf.string(), "-q", "--no-date"});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  const std::string text = poppler("pdftotext", pdf);
  EXPECT_CONTAINS(text, "Bevolkingsdichtheid (inwoners per km²)");
  EXPECT_EQ(text.find("Bevolkingsdichtheid_34"), std::string::npos) << text;
}

TEST(Cli, MapUnknownFieldNamesFileKeyAndLine) {
  TempDir dir;
  const auto def = dir.write("fout.toml",
                             "[extent]\nlevel = \"programma\"\n\n[[layer]]\ntype = \"choropleth\"\n"
                             "level = \"buurt\"\nfield = \"dichtheit\"\n");
  const auto r = run({"map", def.string(), "-o", (dir / "x.pdf").string()});
  EXPECT_EQ(r.code, exit_input);
  EXPECT_CONTAINS(r.err, "fout.toml:7");
  EXPECT_CONTAINS(r.err, "layer[1].field");
  EXPECT_CONTAINS(r.err, "dichtheit");
  EXPECT_FALSE(std::filesystem::exists(dir / "x.pdf"));
}

TEST(Cli, MapExtentMatchingNoAreaIsAnInputError) {
  TempDir dir;
  const auto def = dir.write("fout.toml",
                             "[extent]\nlevel = \"programma\"\narea = \"Atlantis\"\n\n"
                             "[[layer]]\ntype = \"areas\"\nlevel = \"buurt\"\n");
  const auto r = run({"map", def.string(), "-o", (dir / "x.pdf").string()});
  EXPECT_EQ(r.code, exit_input);
  EXPECT_CONTAINS(r.err, "extent.area");
  EXPECT_CONTAINS(r.err, "Atlantis");
  EXPECT_CONTAINS(r.err, "Geitenkamp");  // the message lists what does exist
}

TEST(Cli, AtlasHasTheOverviewAndOnePagePerProgrammeWijkWithBookmarks) {
  TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  // --png-dir is made when missing, like mkdir -p.
  const auto r = run(
      {"atlas", "-o", pdf.string(), "--png-dir", (dir / "png" / "pagina").string(), "--no-date"});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_CONTAINS(r.out, "6 pagina's");
  const std::string info = poppler("pdfinfo", pdf);
  EXPECT_CONTAINS(info, "Pages:           6");
  const std::string text = poppler("pdftotext", pdf);
  for (const char* wijk :
       {"Geitenkamp", "Presikhaaf", "Klarendal", "Arnhemse Broek", "Malburgen"}) {
    EXPECT_CONTAINS(text, wijk);
  }
  // The outline: one bookmark per page, titled after it.
  const std::string bytes = slurp(pdf);
  EXPECT_CONTAINS(bytes, "/Outlines");
  for (const char* title : {"(Nationaal Programma Arnhem-Oost)", "(Geitenkamp)", "(Malburgen)"}) {
    EXPECT_CONTAINS(bytes, title);
  }
  EXPECT_EQ(test::file_count(dir / "png" / "pagina"), 6u);
}

// Without a fetched extract the atlas pages have the bundled base map of 2021: each programme
// wijk's page names its own streets and credits the map's year. The base map is prepared once
// (in the tests' cache directory, XDG_CACHE_HOME); the next atlas reads it without parsing the
// extract.
TEST(Cli, AtlasPagesShowTheStreetsAndLandmarksOfTheirWijk) {
  TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  ASSERT_EQ(run({"atlas", "-q", "-o", pdf.string(), "--no-date"}).code, exit_ok);
  const std::size_t reads = geo::osm_layer_reads();
  const auto r = run({"atlas", "-q", "-o", pdf.string(), "--no-date"});
  ASSERT_EQ(r.code, exit_ok) << r.err;
  EXPECT_EQ(geo::osm_layer_reads(), reads) << "the second atlas parsed the extract again";
  const std::map<std::string, std::string> street_of{{"Klarendal", "Klarendalseweg"},
                                                     {"Presikhaaf", "Laan van Presikhaaf"}};
  // Landmarks from the data directory's voorzieningen (OSM 2021) and assets (issue 17).
  const std::map<std::string, std::string> landmark_of{{"Klarendal", "Sint-Johannes de Doper"},
                                                       {"Presikhaaf", "Türkiyem Moskee Arnhem"}};
  std::set<std::string> seen;
  for (int page = 2; page <= 6; ++page) {
    const std::string range = " -f " + std::to_string(page) + " -l " + std::to_string(page) + " ";
    std::istringstream plain(
        test::command_output("pdftotext" + range + test::shell_quoted(pdf) + " -"));
    std::string title;
    while (title.empty() && std::getline(plain, title)) {
    }
    seen.insert(title);
    // Names along streets come out a letter or a word per line: compare without white space.
    std::string text =
        test::command_output("pdftotext -raw" + range + test::shell_quoted(pdf) + " -");
    std::erase_if(text, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    EXPECT_CONTAINS(text, "©OpenStreetMap-bijdragers(2021)");
    EXPECT_CONTAINS(text, "CBS-grenzenvereenvoudigd;afwijkingtot~300m")
        << "the buurten are the generalized ones";
    if (const auto street = street_of.find(title); street != street_of.end()) {
      std::string wanted = street->second;
      std::erase(wanted, ' ');
      EXPECT_CONTAINS(text, wanted) << "on the page of " << title;
    }
    EXPECT_CONTAINS(text, "Herkenningspunten") << "the legend explains the pictograms";
    if (const auto place = landmark_of.find(title); place != landmark_of.end()) {
      std::string wanted = place->second;
      std::erase(wanted, ' ');
      EXPECT_CONTAINS(text, wanted) << "on the page of " << title;
    }
  }
  for (const auto& [wijk, street] : street_of)
    EXPECT_TRUE(seen.count(wijk)) << wijk << " has no page";
}

TEST(Cli, AtlasPngDirBlockedByAFileIsExitFourAndWritesNothing) {
  TempDir dir;
  const auto blocker = dir.write("png", "not a directory");
  const auto r = run({"atlas", "-o", (dir / "atlas.pdf").string(), "--png-dir", blocker.string()});
  EXPECT_EQ(r.code, exit_output);
  EXPECT_CONTAINS(r.err, "--png-dir");
  EXPECT_EQ(test::file_count(dir.path()), 1u);
}

TEST(Cli, MapUnwritableOutputIsExitFourAndWrongExtensionExitTwo) {
  TempDir dir;
  const std::string def = test::source_file("examples/maps/vaduz_straten.toml").string();
  EXPECT_EQ(run({"map", def, "-o", (dir / "geen_map" / "x.pdf").string(), "-q"}).code, exit_output);
  const auto r = run({"map", def, "-o", (dir / "x.jpg").string()});
  EXPECT_EQ(r.code, exit_usage);
  EXPECT_CONTAINS(r.err, ".jpg");
  EXPECT_EQ(test::file_count(dir.path()), 0u);
}

}  // namespace wijkatlas::app

namespace wijkatlas::app {

// The libraries name the request's field; the command line words it as its flag.
TEST(Cli, LibraryErrorsAreWordedWithTheFlags) {
  TempDir dir;
  const auto csv = dir.write("p.csv", "naam,x,y\na,190000,445000\n");
  ASSERT_EQ(
      std::system(("ogr2ogr -f 'ESRI Shapefile' -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y " +
                   (dir / "p.shp").string() + " " + csv.string() + " 2>/dev/null")
                      .c_str()),
      0);
  std::filesystem::remove(dir / "p.prj");
  const CliRun no_crs =
      run({"join", "--points", (dir / "p.shp").string(), "-o", (dir / "j.gpkg").string()});
  EXPECT_EQ(no_crs.code, exit_input);
  EXPECT_CONTAINS(no_crs.err, "--s-srs: ");

  const CliRun levels = run({"areas", "--levels", "buurt,straat", "-o", (dir / "a.gpkg").string()});
  EXPECT_EQ(levels.code, exit_usage);
  EXPECT_CONTAINS(levels.err, "wijkatlas: --levels: unknown level 'straat'");
}

}  // namespace wijkatlas::app

namespace wijkatlas::app {

TEST(Cli, VersionNamesTheLibrariesItRunsWith) {
  const CliRun r = run({"--version"});
  EXPECT_EQ(r.code, exit_ok);
  EXPECT_CONTAINS(r.out, "wijkatlas 0.");
  for (const char* library : {"GDAL 3.", "GEOS 3.", "PROJ 9.", "Cairo 1.", "OpenCV 4."})
    EXPECT_CONTAINS(r.out, library);
  EXPECT_EQ(run({}).code, exit_usage) << "no subcommand is still wrong";
}

}  // namespace wijkatlas::app
