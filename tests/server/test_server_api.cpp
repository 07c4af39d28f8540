// The viewer's API in-process: the layer catalogue, overlays in RD New without personal fields,
// search, and tiles from wijkatlas's own renderer.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <thread>
#include <vector>

#include "png_reader.hpp"
#include "server_fixture.hpp"
#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class ServerApi : public ServerTest {};

TEST_F(ServerApi, TheCatalogueListsTheOverlaysWithDutchTitlesAndTheTileGrid) {
  const json c = get_json("/api/lagen");
  std::vector<std::string> ids, titles;
  for (const json& l : c["lagen"]) {
    ids.push_back(l["id"]);
    titles.push_back(l["titel"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"buurten", "wijken", "programmawijken", "initiatieven",
                                           "herkenningspunten"}));
  EXPECT_EQ(titles[2], "Programmawijken");
  EXPECT_EQ(c["tegelraster"]["oorsprong"][0], -285401.92);
  EXPECT_EQ(c["tegelraster"]["resoluties"][0], 3440.64);
  EXPECT_EQ(c["tegelraster"]["resoluties"][12], 0.84);
  // The programme wijken: the overview map's colours.
  EXPECT_EQ(c["lagen"][2]["stijl"]["lijn"], "#1f4e79");
  // The start view is Arnhem-Oost in RD New metres.
  const json start = c["start"];
  EXPECT_GT(start[0].get<double>(), 185000);
  EXPECT_LT(start[2].get<double>(), 200000);
  EXPECT_GT(start[1].get<double>(), 438000);
}

TEST_F(ServerApi, InitiativesComeByThemeWithThePrintedSymbolsAndNoPersonalField) {
  auto res = client().Get("/api/lagen/initiatieven");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("contact_"), std::string::npos);
  EXPECT_EQ(res->body.find("@example.org"), std::string::npos);
  EXPECT_EQ(res->body.find("06-0000"), std::string::npos);
  const json fc = json::parse(res->body);
  ASSERT_GT(fc["features"].size(), 5u);
  for (const json& f : fc["features"]) {
    for (const auto& [key, value] : f["properties"].items()) {
      EXPECT_NE(key.rfind("contact_", 0), 0u);
      EXPECT_NE(key.rfind("prive_", 0), 0u);
    }
    const double x = f["geometry"]["coordinates"][0], y = f["geometry"]["coordinates"][1];
    EXPECT_GT(x, 180000);  // RD New, not degrees
    EXPECT_GT(y, 430000);
  }
  const json c = get_json("/api/lagen");
  const json& entry = c["lagen"][3];
  ASSERT_FALSE(entry["legenda"].empty());
  // Sorted themes, symbols in render::category_symbol's order: the first a circle in orange.
  EXPECT_EQ(entry["legenda"][0]["stijl"]["vorm"], "cirkel");
  EXPECT_EQ(entry["legenda"][0]["stijl"]["kleur"], "#e69f00");
  std::size_t counted = 0;
  for (const json& item : entry["legenda"]) counted += item["aantal"].get<std::size_t>();
  EXPECT_EQ(counted, fc["features"].size());
  for (const json& f : entry["velden"]) EXPECT_NE(f["label"], f["naam"]);  // Dutch labels
}

TEST_F(ServerApi, BuurtenAreTheCbsBuurtenInRdNew) {
  const json fc = get_json("/api/lagen/buurten");
  EXPECT_EQ(fc["features"].size(), 83u);
  EXPECT_EQ(fc["crs"]["properties"]["name"], "urn:ogc:def:crs:EPSG::28992");
  bool found = false;
  for (const json& f : fc["features"]) {
    if (f["properties"]["code"] == "BU02020423") {
      found = true;
      EXPECT_EQ(f["properties"]["naam"], "Presikhaaf I");
      EXPECT_EQ(f["properties"]["programmawijk"], "Presikhaaf");
      EXPECT_EQ(f["geometry"]["type"], "MultiPolygon");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ServerApi, SearchFindsABuurtByNameAndByCode) {
  const json by_name = get_json("/api/zoek?q=presikhaaf%20ii");
  ASSERT_FALSE(by_name["resultaten"].empty());
  EXPECT_EQ(by_name["resultaten"][0]["code"], "BU02020424");
  EXPECT_EQ(by_name["resultaten"][0]["niveau"], "buurt");
  const json by_code = get_json("/api/zoek?q=BU02020423");
  ASSERT_EQ(by_code["resultaten"].size(), 1u);
  EXPECT_EQ(by_code["resultaten"][0]["naam"], "Presikhaaf I");
  const json box = by_code["resultaten"][0]["bbox"];
  EXPECT_LT(box[0].get<double>(), box[2].get<double>());
  EXPECT_LT(box[2].get<double>() - box[0].get<double>(), 3000);  // a buurt, not the town
  // A programme wijk by part of its name comes first among its matches.
  EXPECT_EQ(get_json("/api/zoek?q=Presikhaaf")["resultaten"][0]["niveau"], "programmawijk");
  EXPECT_TRUE(get_json("/api/zoek?q=Atlantis")["resultaten"].empty());
  EXPECT_TRUE(get_json("/api/zoek?q=")["resultaten"].empty());
}

TEST_F(ServerApi, ATileIsAPngOfTheBaseMapAndComesFromTheCacheTheSecondTime) {
  // Level 12 (1:3,000) over Presikhaaf.
  const render::TileGrid grid;
  const double side = grid.resolution(12) * grid.tile_px;
  const int x = static_cast<int>((194200 - grid.origin_x) / side);
  const int y = static_cast<int>((grid.origin_y - 445600) / side);
  const std::string path = "/tiles/12/" + std::to_string(x) + "/" + std::to_string(y) + ".png";
  auto res = client().Get(path);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "image/png");
  const auto image = render::test::read_png(std::as_bytes(std::span(res->body)));
  EXPECT_EQ(image.width, 256);
  EXPECT_EQ(image.height, 256);
  std::set<int> colours;
  for (int py = 0; py < 256; py += 4)
    for (int px = 0; px < 256; px += 4) {
      const auto c = image.at(px, py);
      colours.insert(c.r << 16 | c.g << 8 | c.b);
    }
  EXPECT_GT(colours.size(), 5u) << "a town's tile has buildings, streets, green";
  const json before = get_json("/api/status");
  auto again = client().Get(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, res->body);
  const json after = get_json("/api/status");
  EXPECT_EQ(after["tegels"]["metategels_getekend"], before["tegels"]["metategels_getekend"]);
  EXPECT_GT(after["tegels"]["uit_geheugen"].get<int>(),
            before["tegels"]["uit_geheugen"].get<int>());
}

TEST_F(ServerApi, MetatilesAreDrawnTwoAtOnceAndEachOnlyOnce) {
  // Six workers ask for three cold metatiles of level 12 over Klarendal, two tiles of each,
  // all at once: each metatile is drawn once (the second asker waits for it), two at a time.
  const render::TileGrid grid;
  const double side = grid.resolution(12) * grid.tile_px;
  const int x0 = static_cast<int>((191000 - grid.origin_x) / side) / 4 * 4;
  const int y0 = static_cast<int>((grid.origin_y - 445800) / side) / 4 * 4;
  std::vector<std::string> paths;
  for (int m = 0; m < 3; ++m)
    for (int t = 0; t < 2; ++t)
      paths.push_back("/tiles/12/" + std::to_string(x0 + 4 * m + t) + "/" + std::to_string(y0 + t) +
                      ".png");
  const json before = get_json("/api/status");
  std::vector<std::string> bodies(paths.size());
  std::vector<int> statuses(paths.size(), 0);
  {
    std::vector<std::jthread> askers;
    for (std::size_t i = 0; i < paths.size(); ++i)
      askers.emplace_back([&, i] {
        auto c = client();
        if (auto res = c.Get(paths[i])) {
          statuses[i] = res->status;
          bodies[i] = res->body;
        }
      });
  }
  const json after = get_json("/api/status");
  EXPECT_EQ(after["tegels"]["metategels_getekend"].get<int>() -
                before["tegels"]["metategels_getekend"].get<int>(),
            3);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    ASSERT_EQ(statuses[i], 200) << paths[i];
    const auto image = render::test::read_png(std::as_bytes(std::span(bodies[i])));
    EXPECT_EQ(image.width, 256);
    auto again = client().Get(paths[i]);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->body, bodies[i]) << "the cached tile is the one drawn";
  }
}

TEST_F(ServerApi, APlaceIsChosenByBuurtStreetAndLandmarkWithoutTheMap) {
  // Klarendal-Zuid's streets come from the base map, sorted; its main street is among them.
  const json streets = get_json("/api/aanwijzen/straten?buurt=BU02020732");
  EXPECT_EQ(streets["buurt"]["naam"], "Klarendal-Zuid");
  std::vector<std::string> names;
  for (const auto& s : streets["straten"]) {
    names.push_back(s["naam"]);
    // On the ground of the buurt (its generalized outline, 191286-192001 x 444188-444755).
    EXPECT_GT(s["x"].get<double>(), 191286 - 350);
    EXPECT_LT(s["x"].get<double>(), 192001 + 350);
    EXPECT_GT(s["y"].get<double>(), 444188 - 350);
    EXPECT_LT(s["y"].get<double>(), 444755 + 350);
  }
  EXPECT_GT(names.size(), 20u);
  EXPECT_NE(std::find(names.begin(), names.end(), "Klarendalseweg"), names.end());
  EXPECT_LT(std::find(names.begin(), names.end(), "Akkerstraat"),
            std::find(names.begin(), names.end(), "Klarendalseweg"))
      << "sorted by name";
  // Along the Klarendalseweg: its supermarket, nearest first, each as a point on the street.
  const json places = get_json("/api/aanwijzen/plekken?buurt=BU02020732&straat=Klarendalseweg");
  ASSERT_FALSE(places["plekken"].empty());
  double last = 0;
  bool supermarket = false;
  for (const auto& p : places["plekken"]) {
    EXPECT_GE(p["afstand_m"].get<double>(), last);
    EXPECT_LE(p["afstand_m"].get<double>(), 150);
    last = p["afstand_m"].get<double>();
    supermarket = supermarket || p["soort"] == "supermarkt";
  }
  EXPECT_TRUE(supermarket) << places.dump();
  EXPECT_EQ(get_json("/api/aanwijzen/straten?buurt=BU99999999", 400)["fout"]["veld"], "buurt");
  EXPECT_EQ(
      get_json("/api/aanwijzen/plekken?buurt=BU02020732&straat=Nergensstraat", 400)["fout"]["veld"],
      "straat");
}

TEST_F(ServerApi, LandmarksAreALayerOfNamedPlacesOffAtStart) {
  const json catalogue = get_json("/api/lagen");
  const auto entry = std::find_if(catalogue["lagen"].begin(), catalogue["lagen"].end(),
                                  [](const json& l) { return l["id"] == "herkenningspunten"; });
  ASSERT_NE(entry, catalogue["lagen"].end());
  EXPECT_FALSE((*entry)["zichtbaar"].get<bool>());
  EXPECT_NE((*entry)["bron"].get<std::string>().find("OpenStreetMap"), std::string::npos);
  const json layer = get_json("/api/lagen/herkenningspunten");
  EXPECT_GT(layer["features"].size(), 50u);
  std::set<std::string> kinds;
  for (const auto& f : layer["features"]) {
    EXPECT_FALSE(f["properties"]["naam"].get<std::string>().empty());
    kinds.insert(f["properties"]["soort"]);
  }
  EXPECT_TRUE(kinds.count("school") && kinds.count("supermarkt")) << layer.dump().substr(0, 300);
}

TEST_F(ServerApi, ThePageAndItsBundleAreServedFromTheServer) {
  auto page = client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_EQ(page->body.find("http"), std::string::npos) << "no address outside this server";
  auto script = client().Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200) << "web bundle missing: npm ci in web/, then build";
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

}  // namespace
}  // namespace wijkatlas::server::test
