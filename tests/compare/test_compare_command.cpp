// `wijkatlas compare` in-process: ranks, Spearman's rho, highlighted buurten, a missing
// indicator, the two-panel map.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "compare_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::test {
namespace {

// Geitenkamp marked by 5 sheets, Presikhaaf I by 4, Presikhaaf II by 3, Presikhaaf III by 2
// (suppressed with k = 3). Indicator "score": 5, 9, 1, 7; the other buurten have none.
// Ranks (1 = highest) residents 1, 2, 3 against figures 2, 1, 3: d = -1, 1, 0, so
// rho = 1 - 6 x 2 / (3 x (9 - 1)) = 0.5.
struct CompareFixture {
  TempDir dir;
  std::filesystem::path store = dir / "project.gpkg";
  std::filesystem::path scores;
  CompareFixture() {
    fill_store_at(
        store, 5,
        {{192944, 446263, 5}, {192935, 444158, 4}, {193226, 443664, 3}, {193936, 443598, 2}});
    scores = dir.write("scores.csv",
                       "buurtcode,score\nBU02021053,5\nBU02020423,9\nBU02020424,1\nBU02020425,7\n");
  }
};

TEST(CompareCommand, RanksSpearmanAndTwoPanelMap) {
  CompareFixture f;
  const auto csv = f.dir / "vergelijking.csv", map = f.dir / "vergelijking.pdf";
  const CliResult r =
      run_wijkatlas({"compare", "--store", f.store.string(), "--indicators", f.scores.string(),
                     "--indicator", "score", "--measure", "bladen", "--highlight", "1", "-o",
                     csv.string(), "--map", map.string(), "--no-date"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "vergeleken: 3 van 29 buurten");
  EXPECT_CONTAINS(r.out, "Spearmans rangcorrelatie: 0.50");
  EXPECT_CONTAINS(r.out, "groot verschil: Geitenkamp");
  EXPECT_CONTAINS(r.out, "groot verschil: Presikhaaf I ");
  EXPECT_EQ(r.out.find("groot verschil: Presikhaaf II"), std::string::npos);
  EXPECT_CONTAINS(r.err, "score is missing for 25 of 29 buurten");

  const std::string table = slurp(csv);
  EXPECT_CONTAINS(table,
                  "code,naam,bewoners_bladen,score,rang_bewoners,rang_cijfers,rangverschil,"
                  "grootste_verschil,onderdrukt");
  EXPECT_CONTAINS(table, "BU02021053,Geitenkamp,5,5,1,2,-1,1,0");
  EXPECT_CONTAINS(table, "BU02020423,Presikhaaf I,4,9,2,1,1,1,0");
  EXPECT_CONTAINS(table, "BU02020424,Presikhaaf II,3,1,3,3,0,0,0");
  EXPECT_CONTAINS(table, "BU02020425,Presikhaaf III,,7,,,,0,1");
  EXPECT_GT(std::filesystem::file_size(map), 1000u);
  keep_for_viewing(map);
  const std::string text = pdf_text(map);
  EXPECT_CONTAINS(text, "Wat bewoners tekenen");
  EXPECT_CONTAINS(text, "Wat de cijfers zeggen");
  EXPECT_CONTAINS(text, "Grootste verschil in rang");
  EXPECT_CONTAINS(text, "Geen gegevens");
  // Both panels over the quiet base map (issue 17), credited.
  EXPECT_CONTAINS(text, "OpenStreetMap-bijdragers");
}

// A CBS key figure is shown by its title and unit, not its column name (the dictionary of
// 85984NED in datasets/), in the panel's subtitle and legend.
TEST(CompareCommand, ACbsFigureIsNamedByItsTitleAndUnit) {
  CompareFixture f;
  const auto csv = f.dir / "vergelijking.csv", map = f.dir / "vergelijking.pdf";
  const CliResult r = run_wijkatlas({"compare", "--store", f.store.string(), "--indicator",
                                     "Bevolkingsdichtheid_34", "--measure", "bladen", "-o",
                                     csv.string(), "--map", map.string(), "--no-date"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string text = pdf_text(map);
  EXPECT_CONTAINS(text, "Bevolkingsdichtheid (inwoners per km²)");
  EXPECT_EQ(text.find("Bevolkingsdichtheid_34"), std::string::npos) << text;
  EXPECT_CONTAINS(slurp(csv), "Bevolkingsdichtheid_34") << "the table keeps the column name";
}

TEST(CompareCommand, BadInputs) {
  CompareFixture f;
  const auto csv = f.dir / "v.csv";
  const auto unknown = run_wijkatlas(
      {"compare", "--store", f.store.string(), "--indicator", "Bestaatniet_9", "-o", csv.string()});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_CONTAINS(unknown.err, "no field 'Bestaatniet_9'");
  const auto k = run_wijkatlas({"compare", "--store", f.store.string(), "--indicator", "dichtheid",
                                "--min-sheets", "6", "-o", csv.string()});
  EXPECT_EQ(k.code, 2);
  EXPECT_CONTAINS(k.err, "more than the 5 sheets");
  const auto measure = run_wijkatlas({"compare", "--store", f.store.string(), "--indicator",
                                      "dichtheid", "--measure", "gevoel", "-o", csv.string()});
  EXPECT_EQ(measure.code, 2);
  EXPECT_FALSE(std::filesystem::exists(csv));
}

}  // namespace
}  // namespace wijkatlas::test
