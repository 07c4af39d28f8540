// Map definition files: the examples parse, and every kind of mistake names file, key and line.
#include <gtest/gtest.h>

#include "fifo_guard.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/map_definition.hpp"

namespace wijkatlas::render {
namespace {

constexpr const char* valid = R"(
[map]
title = "Proef"
paper = "A3"
orientation = "landscape"
language = "en"

[extent]
level = "programma"
area = "geitenkamp"
margin_mm = 4

[[layer]]
type = "basemap"

[[layer]]
type = "choropleth"
level = "buurt"
field = "dichtheid"
method = "jenks"
classes = 4
palette = "PuOr"
legend = "Dichtheid"

[[layer]]
type = "points"
source = "examples/initiatieven_arnhem_oost.csv"
category = "thema"
fill = "none"
)";

TEST(MapDefinition, ParsesEveryPart) {
  const MapDefinition def = parse_map_definition(valid, "proef.toml");
  EXPECT_EQ(def.title, "Proef");
  EXPECT_EQ(def.page.paper, Paper::a3);
  EXPECT_EQ(def.page.orientation, Orientation::landscape);
  EXPECT_EQ(def.language, Language::en);
  EXPECT_EQ(def.extent.level, "programma");
  EXPECT_EQ(def.extent.area, "geitenkamp");
  EXPECT_DOUBLE_EQ(def.extent.margin_mm, 4);
  ASSERT_EQ(def.layers.size(), 3u);
  EXPECT_EQ(def.layers[0].type, LayerType::basemap);
  EXPECT_EQ(def.layers[1].method, ClassificationMethod::natural_breaks);
  EXPECT_EQ(def.layers[1].classes, 4u);
  EXPECT_EQ(def.layers[1].palette, "PuOr");
  EXPECT_EQ(def.layers[1].line_of("field"), 19);
  EXPECT_EQ(def.layers[2].category_field, "thema");
  EXPECT_TRUE(def.layers[2].fill_given);
  EXPECT_FALSE(def.layers[2].fill.has_value());
  EXPECT_FALSE(def.inset.has_value());
  const MapDefinition with_inset =
      parse_map_definition("[inset]\nlevel = \"wijk\"\n[[layer]]\ntype = \"basemap\"\n", "i.toml");
  ASSERT_TRUE(with_inset.inset.has_value());
  EXPECT_EQ(with_inset.inset->level, "wijk");
  EXPECT_EQ(with_inset.inset->background, "gemeente");
}

TEST(MapDefinition, EveryExampleParses) {
  for (const char* name : {"arnhem_oost_overzicht", "initiatieven_geitenkamp",
                           "bevolkingsdichtheid_buurten", "vaduz_straten"}) {
    EXPECT_NO_THROW(load_map_definition(
        wijkatlas::test::source_file(std::string("examples/maps/") + name + ".toml")))
        << name;
  }
}

struct BadCase {
  const char* what;
  std::string text;
  std::string key;
  std::int64_t line;
  std::string message_part;
};

std::string with_layer(const std::string& extra) {
  return "[[layer]]\ntype = \"areas\"\nlevel = \"buurt\"\n" + extra;
}

TEST(MapDefinition, TextsPerLanguageFollowTheMapsLanguage) {
  const std::string text =
      "[map]\ntitle = { nl = \"Bevolkingsdichtheid\", en = \"Population density\" }\n"
      "subtitle = \"CBS 2024\"\n\n[[layer]]\ntype = \"areas\"\nlevel = \"buurt\"\n"
      "legend = { nl = \"Buurt\", en = \"Neighbourhood\" }\n";
  const MapDefinition dutch = parse_map_definition(text, "t.toml");
  EXPECT_EQ(dutch.title, "Bevolkingsdichtheid");
  EXPECT_EQ(dutch.layers.at(0).legend, "Buurt");
  const MapDefinition english = parse_map_definition(text, "t.toml", Language::en);
  EXPECT_EQ(english.language, Language::en);
  EXPECT_EQ(english.title, "Population density");
  EXPECT_EQ(english.subtitle, "CBS 2024") << "plain text is the same in every language";
  EXPECT_EQ(english.layers.at(0).legend, "Neighbourhood");
  const MapDefinition in_file =
      parse_map_definition("[map]\nlanguage = \"en\"\n" + text.substr(6), "t.toml");
  EXPECT_EQ(in_file.title, "Population density") << "the file's own language key counts too";
}

TEST(MapDefinition, MistakesNameFileKeyAndLine) {
  const std::vector<BadCase> cases{
      {"syntax", "[map\ntitle = 1", "", 1, ""},
      {"no layers", "[map]\ntitle = \"x\"\n", "layer", 1, "at least one"},
      {"unknown key", with_layer("fil = \"#ffffff\"\n"), "layer[1].fil", 4, "unknown key"},
      {"wrong type", with_layer("outline_width_mm = \"dik\"\n"), "layer[1].outline_width_mm", 4,
       "number"},
      {"bad colour", with_layer("\noutline = \"blauw\"\n"), "layer[1].outline", 5, "#rrggbb"},
      {"bad palette", with_layer("palette = \"Regenboog\"\n"), "layer[1].palette", 4, "Regenboog"},
      {"bad method", with_layer("method = \"gok\"\n"), "layer[1].method", 4, "gok"},
      {"bad type", "[[layer]]\ntype = \"raster\"\n", "layer[1].type", 2, "raster"},
      {"level and source", with_layer("source = \"x.gpkg\"\n"), "layer[1].level", 3, "either"},
      {"choropleth without field", "[[layer]]\ntype = \"choropleth\"\nlevel = \"buurt\"\n",
       "layer[1].field", 1, "missing"},
      {"bad paper", "[map]\npaper = \"A7\"\n" + with_layer(""), "map.paper", 2, "A7"},
      {"centre without scale", "[extent]\ncentre = [1, 2]\n" + with_layer(""), "extent.centre", 2,
       "scale"},
      {"bbox of three", "[extent]\nbbox = [1, 2, 3]\n" + with_layer(""), "extent.bbox", 2,
       "4 numbers"},
      {"inset typo", "[inset]\nlevle = \"wijk\"\n" + with_layer(""), "inset.levle", 2, "unknown"},
      {"unknown section", "[kaart]\ntitle = \"x\"\n" + with_layer(""), "kaart", 1, "unknown"},
      {"title in a third language",
       "[map]\ntitle = { nl = \"Kaart\", de = \"Karte\" }\n" + with_layer(""), "map.title", 2,
       "per language"},
      {"two landmarks layers", "[[layer]]\ntype = \"landmarks\"\n[[layer]]\ntype = \"landmarks\"\n",
       "layer[2].type", 3, "one landmarks layer"},
      {"landmarks of a level", "[[layer]]\ntype = \"landmarks\"\nlevel = \"buurt\"\n",
       "layer[1].level", 3, "takes a source"},
      {"title without Dutch", "[map]\ntitle = { en = \"Map\" }\n" + with_layer(""), "map.title", 2,
       "Dutch"},
      {"overlap of an unknown category",
       "[[layer]]\ntype = \"overlap\"\nsketch_category = \"klacht\"\n", "layer[1].sketch_category",
       3, "probleem, fijne_plek, idee or alle"},
      {"overlap without small-number rule", "[[layer]]\ntype = \"overlap\"\nmin_sheets = 0\n",
       "layer[1].min_sheets", 3, "1 to 1000"},
      {"since without a moment", "[[layer]]\ntype = \"since\"\n", "layer[1].since", 1, "missing"},
      {"area without level",
       "[[layer]]\ntype = \"areas\"\nsource = \"x.gpkg\"\narea = \"Elsweide\"\n", "layer[1].area",
       4, "needs level"},
      {"session on an areas layer", with_layer("session = \"Tafel\"\n"), "layer[1].session", 4,
       "unknown key"},
  };
  for (const BadCase& c : cases) {
    try {
      parse_map_definition(c.text, "fout.toml");
      ADD_FAILURE() << c.what << ": no error";
    } catch (const config_error& e) {
      EXPECT_EQ(e.path(), "fout.toml") << c.what;
      EXPECT_EQ(e.key(), c.key) << c.what << ": " << e.what();
      EXPECT_EQ(e.line(), c.line) << c.what << ": " << e.what();
      EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos)
          << c.what << ": " << e.what();
    }
  }
}

// What residents drew together, from a project store: the session, category and k it counts.
TEST(MapDefinition, AnOverlapLayerNamesItsSessionCategoryAndSmallNumberRule) {
  const MapDefinition def = parse_map_definition(
      "[[layer]]\ntype = \"overlap\"\nsource = \"project.gpkg\"\nsession = \"Tafel 3\"\n"
      "sketch_category = \"idee\"\nmin_sheets = 2\nlegend = \"Samen getekend\"\n"
      "[[layer]]\ntype = \"overlap\"\n",
      "kaart.toml");
  ASSERT_EQ(def.layers.size(), 2u);
  EXPECT_EQ(def.layers[0].type, LayerType::overlap);
  EXPECT_EQ(def.layers[0].session, "Tafel 3");
  EXPECT_EQ(def.layers[0].sketch_category, "idee");
  EXPECT_EQ(def.layers[0].min_sheets, 2);
  EXPECT_EQ(def.layers[1].session, "") << "every session";
  EXPECT_EQ(def.layers[1].sketch_category, "probleem");
  EXPECT_EQ(def.layers[1].min_sheets, 3) << "published maps leave out places fewer than 3 drew";
}

// Unbounded work (issue 15): 10^5 layers took 163 s and 10.7 GB before the limit.
TEST(MapDefinition, AtMost64Layers) {
  std::string layers;
  for (int i = 0; i < 64; ++i) layers += "[[layer]]\ntype = \"basemap\"\n";
  EXPECT_EQ(parse_map_definition(layers, "vol.toml").layers.size(), 64u);
  std::string many = layers;
  for (int i = 64; i < 100'000; ++i) many += "[[layer]]\ntype = \"basemap\"\n";
  try {
    parse_map_definition(many, "te_vol.toml");
    ADD_FAILURE() << "100,000 layers were accepted";
  } catch (const config_error& e) {
    EXPECT_EQ(e.key(), "layer");
    EXPECT_NE(std::string(e.what()).find("at most 64 layers, this one 100000"), std::string::npos)
        << e.what();
  }
}

TEST(MapDefinition, AMissingFileIsAnInputError) {
  EXPECT_THROW(load_map_definition("/nonexistent/kaart.toml"), io_error);
}

TEST(MapDefinition, AFifoIsRefusedWithoutWaiting) {
  test::TempDir dir;
  const auto fifo = dir / "kaart.toml";
  const std::string m = test::message_reading_fifo(fifo, [&] { load_map_definition(fifo); });
  EXPECT_NE(m.find("kaart.toml: this is a named pipe (FIFO), not a file"), std::string::npos) << m;
}

}  // namespace
}  // namespace wijkatlas::render
