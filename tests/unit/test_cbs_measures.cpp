// The dictionary of CBS measures (85984NED): titles and units for the columns of the real
// key-figure files, found despite CBS's shifting suffixes, and unknown names left alone.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"
#include "thrown_message.hpp"
#include "wijkatlas/geo/cbs_measures.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo {
namespace {

std::vector<std::string> header_of(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> out;
  std::istringstream cells(line);
  for (std::string cell; std::getline(cells, cell, ',');) out.push_back(cell);
  return out;
}

}  // namespace

TEST(CbsMeasures, NamesMeasuresByTitleAndUnit) {
  const CbsMeasures& m = cbs_measures();
  EXPECT_EQ(m.label("Bevolkingsdichtheid_34"), "Bevolkingsdichtheid (inwoners per km²)");
  EXPECT_EQ(m.label("Bevolkingsdichtheid_34", true), "Population density (inhabitants per km²)");
  EXPECT_EQ(m.label("GemiddeldeWOZWaardeVanWoningen_39"),
            "Gemiddelde WOZ-waarde van woningen (× 1 000 euro)");
  EXPECT_EQ(m.label("AantalInwoners_5"), "Aantal inwoners") << "a count needs no unit";
  EXPECT_EQ(m.label("bevolkingsdichtheid_34"), "Bevolkingsdichtheid (inwoners per km²)")
      << "GeoPackages lower-case";
}

TEST(CbsMeasures, FindsAMeasureWhoseSuffixMovedButNotAnAmbiguousOne) {
  const CbsMeasures& m = cbs_measures();
  // The buurt file of November 2025 numbers urbanity 122, the wijk file of April 2026 120.
  ASSERT_NE(m.find("MateVanStedelijkheid_122"), nullptr);
  EXPECT_EQ(m.find("MateVanStedelijkheid_122")->code, "MateVanStedelijkheid_120");
  EXPECT_EQ(m.label("OppervlakteTotaal_122"), "Oppervlakte totaal (ha)");
  // Nederland_17 (origin) and Nederland_20 (born in NL, origin NL): another number is either.
  EXPECT_EQ(m.find("Nederland_99"), nullptr);
  EXPECT_EQ(m.label("Nederland_20"), "Geboren in Nederland, herkomstland Nederland");
  EXPECT_EQ(m.label("Nederland_99"), "Nederland_99");
  EXPECT_EQ(m.label("dichtheid"), "dichtheid") << "unknown fields keep their name";
  EXPECT_EQ(m.label("bevolkingsdichtheid_inw_per_km2_land"),
            "bevolkingsdichtheid_inw_per_km2_land");
}

TEST(CbsMeasures, CoversEveryMeasureOfTheRealKeyFigureFiles) {
  const CbsMeasures& m = cbs_measures();
  const std::vector<std::string> ours{"WijkenEnBuurten", "regionaam", "programma", "jaar",
                                      "cbs_tabel",       "wijkcode",  "buurtnaam"};
  for (const char* file : {"cbs/arnhem_kerncijfers_wijken_2024_85984NED.csv",
                           "cbs/arnhem_kerncijfers_buurten_2024.csv"}) {
    for (const std::string& column : header_of(test::data_file(file))) {
      if (std::find(ours.begin(), ours.end(), column) != ours.end()) continue;
      const CbsMeasure* measure = m.find(column);
      ASSERT_NE(measure, nullptr) << column << " of " << file;
      EXPECT_FALSE(measure->title_en.empty()) << column;
    }
  }
  EXPECT_EQ(m.measures().size(), 121u);
}

TEST(CbsMeasures, ADictionaryWithoutACodeNamesItsLine) {
  test::TempDir dir;
  const auto csv = dir.write(
      "maten.csv", "code,titel,eenheid,title_en,unit_en\nA_1,Een,aantal,One,number\n,Twee,,Two,\n");
  const std::string message = test::thrown_message<data_error>([&] { CbsMeasures::load(csv); });
  EXPECT_NE(message.find("maten.csv"), std::string::npos) << message;
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  const auto wrong = dir.write("kolommen.csv", "code,title\nA_1,Een\n");
  EXPECT_NE(test::thrown_message<data_error>([&] { CbsMeasures::load(wrong); }).find("titel"),
            std::string::npos);
}

}  // namespace wijkatlas::geo
