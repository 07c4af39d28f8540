// Key figures as the page's choropleth: the catalogue offers each varying CBS measure once by
// its Dutch title, and the server classes one as the printed maps do: the same palette, every
// buurt in one class or in "Geen gegevens", counts that add up, Dutch number ranges.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "server_fixture.hpp"
#include "wijkatlas/render/palette.hpp"
#include "wijkatlas/render/style.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class Indicator : public ServerTest {};

TEST_F(Indicator, TheCatalogueOffersEachVaryingMeasureOnceByItsTitle) {
  const json measures = get_json("/api/lagen")["indicatoren"];
  for (const char* layer : {"buurten", "wijken"}) {
    ASSERT_TRUE(measures.contains(layer)) << layer;
    std::set<std::string> titles, columns;
    for (const json& m : measures[layer]) {
      EXPECT_TRUE(titles.insert(m["titel"].get<std::string>()).second) << layer << ": " << m;
      columns.insert(m["kolom"].get<std::string>());
    }
    EXPECT_TRUE(titles.count("Bevolkingsdichtheid (inwoners per km²)")) << layer;
    EXPECT_FALSE(columns.count("jaar")) << "one year everywhere is no figure to map";
  }
  EXPECT_GT(measures["wijken"].size(), 50u) << "the wijken's key figures have a hundred measures";
}

TEST_F(Indicator, AMeasureIsClassedAsThePrintedMapsClassIt) {
  const json buurten = get_json("/api/lagen/buurten");
  std::set<std::string> codes;
  for (const json& f : buurten["features"]) codes.insert(f["properties"]["code"]);
  for (const char* indeling : {"kwantiel", "gelijke_intervallen", "natuurlijke_grenzen"}) {
    const json c = get_json(std::string("/api/indicator?laag=buurten&maat=Bevolkingsdichtheid_34") +
                            "&klassen=4&indeling=" + indeling);
    EXPECT_EQ(c["titel"], "Bevolkingsdichtheid (inwoners per km²)");
    EXPECT_EQ(c["indeling"], indeling);
    const json& legend = c["legenda"];
    const std::size_t no_data = c["geen_gegevens"];
    const std::size_t classes = legend.size() - (no_data > 0 ? 1 : 0);
    ASSERT_GE(classes, 3u) << indeling;
    ASSERT_LE(classes, 4u) << indeling;
    const auto colours = render::class_colours(render::default_sequential_palette, classes);
    std::size_t counted = 0;
    for (std::size_t k = 0; k < legend.size(); ++k) {
      counted += legend[k]["aantal"].get<std::size_t>();
      if (k < classes) {
        EXPECT_EQ(legend[k]["kleur"], render::to_hex(colours[k]));
        EXPECT_NE(legend[k]["label"].get<std::string>().find(" – "), std::string::npos);
      }
    }
    EXPECT_EQ(counted, codes.size()) << "every buurt once: in a class or without data";
    EXPECT_EQ(c["klassen"].size(), codes.size());
    for (const auto& [code, k] : c["klassen"].items()) {
      EXPECT_TRUE(codes.count(code)) << code;
      if (!k.is_null()) {
        EXPECT_LT(k.get<std::size_t>(), classes);
      }
    }
  }
  // Thousands in the Dutch way: "1.234", never "1,234".
  const json density = get_json("/api/indicator?laag=buurten&maat=Bevolkingsdichtheid_34");
  const json& top = density["legenda"][density["legenda"].size() -
                                       (density["geen_gegevens"].get<int>() > 0 ? 2 : 1)];
  EXPECT_NE(top["label"].get<std::string>().find('.'), std::string::npos) << top;
  EXPECT_EQ(top["label"].get<std::string>().find(','), std::string::npos) << top;
}

TEST_F(Indicator, BadChoicesAre400NamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"/api/indicator?laag=gemeente&maat=inwoners", "laag"},
      {"/api/indicator?maat=Bevolkingsdichtheid_34&indeling=mooi", "indeling"},
      {"/api/indicator?maat=Bevolkingsdichtheid_34&klassen=1", "klassen"},
      {"/api/indicator?maat=Bevolkingsdichtheid_34&klassen=8", "klassen"},
      {"/api/indicator?maat=Bevolkingsdichtheid_34&klassen=5a", "klassen"},
      {"/api/indicator?maat=bestaat_niet", "maat"},
      {"/api/indicator", "maat"},
  };
  for (const auto& [path, field] : bad) {
    const json answer = get_json(path, 400);
    EXPECT_EQ(answer["fout"]["veld"], field) << path;
  }
}

}  // namespace
}  // namespace wijkatlas::server::test
