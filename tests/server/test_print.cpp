// "Afdrukken" through the API (issue 14): the view as a PDF at an exact scale on the chosen
// paper, measured with poppler (pdfinfo for the page, pdftotext -bbox for the scale bar), and as
// a map definition that parses and names the view's centre, scale and layers.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "command_output.hpp"
#include "png_reader.hpp"
#include "server_fixture.hpp"
#include "wijkatlas/project/session_spots.hpp"
#include "wijkatlas/render/map_definition.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class Print : public ServerTest {};

json view(double scale, const std::string& paper, const std::string& orientation) {
  return {{"centrum", {192500, 444800}},
          {"schaal", scale},
          {"papier", paper},
          {"richting", orientation},
          {"lagen", {"programmawijken", "initiatieven", "herkenningspunten", "tekeningen"}},
          {"sessie", "Tafel afdruk"},
          {"titel", "Afdruk uit de test"}};
}

struct Word {
  double x_min, y_min, x_max;
  std::string text;
};

std::vector<Word> words(const std::filesystem::path& pdf) {
  const std::string html = wijkatlas::test::command_output(
      "pdftotext -bbox " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  const std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]+)</word>)re");
  std::vector<Word> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
  return out;
}

// The scale the scale bar shows: the ground length of its last tick label over the distance on
// paper between the centres of "0" and that label (numbers are centred on their ticks). The
// labels are the words on one line above the caption "Schaal": "0", numbers, then "m" or "km".
double measured_scale(const std::vector<Word>& all) {
  const auto caption =
      std::find_if(all.begin(), all.end(), [](const Word& w) { return w.text == "Schaal"; });
  if (caption == all.end()) return 0;
  const double mm = 72 / 25.4;
  std::vector<Word> line;
  for (const Word& w : all)
    if (w.y_min < caption->y_min - 2 * mm && w.y_min > caption->y_min - 9 * mm &&
        w.x_min > caption->x_min - 5 * mm && w.x_min < caption->x_min + 120 * mm)
      line.push_back(w);
  std::sort(line.begin(), line.end(),
            [](const Word& a, const Word& b) { return a.x_min < b.x_min; });
  const auto zero =
      std::find_if(line.begin(), line.end(), [](const Word& w) { return w.text == "0"; });
  if (zero == line.end()) return 0;
  const auto is_number = [](const std::string& t) {
    return !t.empty() && t.find_first_not_of("0123456789,") == std::string::npos;
  };
  auto last = zero;
  while (std::next(last) != line.end() && is_number(std::next(last)->text)) ++last;
  if (last == zero || std::next(last) == line.end()) return 0;
  const std::string unit = std::next(last)->text;
  if (unit != "m" && unit != "km") return 0;
  std::string number = last->text;
  std::replace(number.begin(), number.end(), ',', '.');
  const double ground_m = std::stod(number) * (unit == "km" ? 1000 : 1);
  const double paper_pt = (last->x_min + last->x_max) / 2 - (zero->x_min + zero->x_max) / 2;
  return ground_m * 1000 / (paper_pt / mm);
}

TEST_F(Print, ThePdfHasThePaperAndTheExactScaleOfTheView) {
  // A drawn area of the session, so that the drawings' layer is on the paper.
  const json area = {{"id", "test-afdruk-vlak"},
                     {"sessie", "Tafel afdruk"},
                     {"categorie", "probleem"},
                     {"geometrie",
                      {{"type", "Polygon"},
                       {"coordinates",
                        {{{192400, 444700},
                          {192600, 444700},
                          {192600, 444900},
                          {192400, 444900},
                          {192400, 444700}}}}}}};
  auto made = client().Post("/api/tekeningen", area.dump(), "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;

  auto res = client().Post("/api/afdruk", view(10000, "A3", "liggend").dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "afdruk.pdf";
  std::ofstream(pdf, std::ios::binary) << res->body;

  const std::string info =
      wijkatlas::test::command_output("pdfinfo " + wijkatlas::test::shell_quoted(pdf.string()));
  EXPECT_NE(info.find("1190.55 x 841.89 pts (A3)"), std::string::npos) << info;
  const std::string text = wijkatlas::test::command_output(
      "pdftotext -layout " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  EXPECT_NE(text.find("Schaal 1:10.000"), std::string::npos) << text;
  EXPECT_NE(text.find("Afdruk uit de test"), std::string::npos);
  EXPECT_NE(text.find("Getekend: probleem"), std::string::npos) << text;
  EXPECT_NE(text.find("Initiatieven per thema"), std::string::npos);
  EXPECT_NE(text.find("Herkenningspunten"), std::string::npos) << "the landmarks' legend";
  const double scale = measured_scale(words(pdf));
  EXPECT_NEAR(scale, 10000, 10000 * 0.005) << "the scale bar measured on the PDF";
}

TEST_F(Print, TheMapDefinitionNamesTheViewAndParses) {
  auto res =
      client().Post("/api/kaartdefinitie", view(5000, "a2", "staand").dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const render::MapDefinition def = render::parse_map_definition(res->body, "kaart.toml");
  EXPECT_EQ(def.page.paper, render::Paper::a2);
  EXPECT_EQ(def.page.orientation, render::Orientation::portrait);
  ASSERT_TRUE(def.extent.scale);
  EXPECT_EQ(*def.extent.scale, 5000);
  ASSERT_TRUE(def.extent.centre);
  EXPECT_EQ(def.extent.centre->x(), 192500);
  EXPECT_EQ(def.title, "Afdruk uit de test");
  EXPECT_NE(res->body.find("level = \"programma\""), std::string::npos);
  EXPECT_NE(res->body.find("initiatieven_arnhem_oost.csv"), std::string::npos);
  EXPECT_NE(res->body.find("type = \"landmarks\""), std::string::npos);
}

TEST_F(Print, TheKeyFigureOnTheScreenIsOnThePaperWithItsLegend) {
  json body = view(25000, "A4", "liggend");
  body["lagen"] = {"programmawijken"};
  body["cijfers"] = {{"laag", "buurten"},
                     {"maat", "Bevolkingsdichtheid_34"},
                     {"indeling", "natuurlijke_grenzen"},
                     {"klassen", 4}};
  auto toml = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(toml);
  ASSERT_EQ(toml->status, 200) << toml->body;
  const render::MapDefinition def = render::parse_map_definition(toml->body, "kaart.toml");
  EXPECT_NE(toml->body.find("type = \"choropleth\""), std::string::npos);
  EXPECT_NE(toml->body.find("method = \"natural-breaks\""), std::string::npos);
  EXPECT_NE(toml->body.find("classes = 4"), std::string::npos);
  auto res = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "cijfers.pdf";
  std::ofstream(pdf, std::ios::binary) << res->body;
  const std::string text = wijkatlas::test::command_output(
      "pdftotext -layout " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  EXPECT_NE(text.find("Bevolkingsdichtheid"), std::string::npos) << "the CBS title as legend";
  EXPECT_NE(text.find("Schaal 1:25.000"), std::string::npos) << text;
}

// Pixels within a small distance of `colour` (#rrggbb as three numbers).
int pixels_near(const render::test::RgbImage& image, int r, int g, int b) {
  int n = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const auto c = image.at(x, y);
      if (std::abs(c.r - r) + std::abs(c.g - g) + std::abs(c.b - b) < 40) ++n;
    }
  return n;
}

TEST_F(Print, ALineDrawnOnScreenIsOnThePaperInItsCategorysColour) {
  // 400 m of "idee" along a street in Klarendal: 80 mm on paper at 1:5,000.
  const json line = {
      {"id", "test-afdruk-lijn"},
      {"sessie", "Tafel lijn"},
      {"categorie", "idee"},
      {"geometrie",
       {{"type", "LineString"}, {"coordinates", {{191000, 444900}, {191400, 444900}}}}}};
  auto made = client().Post("/api/tekeningen", line.dump(), "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  json body = {{"centrum", {191200, 444900}}, {"schaal", 5000},          {"papier", "A4"},
               {"richting", "liggend"},       {"lagen", {"tekeningen"}}, {"sessie", "Tafel lijn"}};
  auto toml = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(toml);
  EXPECT_NE(toml->body.find("kind IN ('vlak', 'lijn')"), std::string::npos) << toml->body;
  auto res = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "lijn.pdf";
  std::ofstream(pdf, std::ios::binary) << res->body;
  const std::string text = wijkatlas::test::command_output(
      "pdftotext -layout " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  EXPECT_NE(text.find("Getekend: idee"), std::string::npos) << "its legend entry" << text;
  wijkatlas::test::command_output("pdftoppm -png -r 100 -singlefile " +
                                  wijkatlas::test::shell_quoted(pdf.string()) + " " +
                                  wijkatlas::test::shell_quoted((dir / "lijn").string()));
  const render::test::RgbImage page = render::test::read_png(dir / "lijn.png");
  // 80 mm x 0.8 mm at 100 dpi: about 315 x 3 pixels of #0072b2 (the legend's line: a few).
  EXPECT_GT(pixels_near(page, 0x00, 0x72, 0xb2), 300);
}

TEST_F(Print, WhatResidentsDrewTogetherAndItsSpotsAreOnThePaper) {
  // Two areas of the session overlapping on 100 x 200 m: "2 van N" there, "1 van N" around.
  for (int i = 0; i < 2; ++i) {
    const double x = 193000 + 100.0 * i;
    const json area = {
        {"id", "test-afdruk-samen-" + std::to_string(i)},
        {"sessie", "Tafel samen"},
        {"categorie", "probleem"},
        {"geometrie",
         {{"type", "Polygon"},
          {"coordinates",
           {{{x, 445000}, {x + 200, 445000}, {x + 200, 445200}, {x, 445200}, {x, 445000}}}}}}};
    auto made = client().Post("/api/tekeningen", area.dump(), "application/json");
    ASSERT_TRUE(made);
    ASSERT_EQ(made->status, 201) << made->body;
  }
  json body = {{"centrum", {193150, 445100}},
               {"schaal", 5000},
               {"papier", "A4"},
               {"richting", "liggend"},
               {"lagen", json::array()}};
  body["samen_getekend"] = {{"sessie", "Tafel samen"}, {"categorie", "probleem"}};
  auto toml = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(toml);
  ASSERT_EQ(toml->status, 200) << toml->body;
  EXPECT_NE(toml->body.find("type = \"overlap\""), std::string::npos) << toml->body;
  EXPECT_NE(toml->body.find("session = \"Tafel samen\""), std::string::npos);
  EXPECT_NE(toml->body.find("min_sheets = 1"), std::string::npos) << "as the operator's screen";
  auto res = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "samen.pdf";
  std::ofstream(pdf, std::ios::binary) << res->body;
  const std::string text = wijkatlas::test::command_output(
      "pdftotext -layout " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  EXPECT_NE(text.find("Samen getekend: 1 van N"), std::string::npos) << text;
  EXPECT_NE(text.find("Samen getekend: 2 van N"), std::string::npos) << text;
  EXPECT_NE(text.find("tekeningen van bewoners"), std::string::npos) << "credited as a source";

  // The spots made of it (n >= 2), outlined in their category's colour with their legend.
  {
    auto store = store::ProjectStore::open(store_path());
    geo::CollectingReporter quiet;
    ASSERT_EQ(project::session_spots(store, "Tafel samen", 2, false, quiet).spots.size(), 1u);
  }
  body["plekken"] = {{"sessie", "Tafel samen"}};
  auto with_spots = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(with_spots);
  EXPECT_NE(with_spots->body.find("source_layer = \"spots\""), std::string::npos)
      << with_spots->body;
  auto spots_pdf = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(spots_pdf);
  ASSERT_EQ(spots_pdf->status, 200) << spots_pdf->body.substr(0, 500);
  std::ofstream(dir / "plekken.pdf", std::ios::binary) << spots_pdf->body;
  EXPECT_NE(wijkatlas::test::command_output(
                "pdftotext -layout " +
                wijkatlas::test::shell_quoted((dir / "plekken.pdf").string()) + " -")
                .find("Plek: probleem"),
            std::string::npos);

  body["samen_getekend"] = {{"sessie", "Tafel samen"}, {"categorie", "klacht"}};
  auto bad = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["fout"]["veld"], "samen_getekend");
}

TEST_F(Print, TheAreaTheSearchFoundIsOutlinedOnThePaper) {
  const json found = get_json("/api/zoek?q=Elsweide")["resultaten"][0];
  ASSERT_EQ(found["niveau"], "buurt");
  json body = {{"centrum", {194000, 444700}},
               {"schaal", 10000},
               {"papier", "A4"},
               {"richting", "liggend"},
               {"lagen", json::array()}};
  body["gezocht"] = {{"niveau", found["niveau"]}, {"code", found["code"]}};
  auto toml = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(toml);
  ASSERT_EQ(toml->status, 200) << toml->body;
  EXPECT_NE(toml->body.find("area = \"" + found["code"].get<std::string>() + "\""),
            std::string::npos)
      << toml->body;
  auto res = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  const wijkatlas::test::TempDir dir;
  std::ofstream(dir / "gezocht.pdf", std::ios::binary) << res->body;
  EXPECT_NE(wijkatlas::test::command_output(
                "pdftotext -layout " +
                wijkatlas::test::shell_quoted((dir / "gezocht.pdf").string()) + " -")
                .find("Gezocht gebied"),
            std::string::npos);
  for (const json& wrong : {json{{"niveau", "straat"}, {"code", "BU1"}},
                            json{{"niveau", "buurt"}, {"code", "BU1\"; rm"}}}) {
    body["gezocht"] = wrong;
    auto bad = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << wrong.dump();
  }
  // A code that is no area of its level: refused before anything is drawn.
  body["gezocht"] = {{"niveau", "buurt"}, {"code", "BU99999999"}};
  auto unknown = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(json::parse(unknown->body)["fout"]["veld"], "gezocht");
  EXPECT_NE(unknown->body.find("BU99999999"), std::string::npos) << unknown->body;
}

// Today as 2026-12-03 (UTC), as the page's date field gives it.
std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

TEST_F(Print, WhatIsNewSinceADayIsOnThePaperOneSymbolPerKind) {
  const json area = {{"id", "test-afdruk-sinds"},
                     {"sessie", "Tafel sinds"},
                     {"categorie", "idee"},
                     {"geometrie",
                      {{"type", "Polygon"},
                       {"coordinates",
                        {{{192000, 445300},
                          {192100, 445300},
                          {192100, 445400},
                          {192000, 445400},
                          {192000, 445300}}}}}}};
  auto made = client().Post("/api/tekeningen", area.dump(), "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  json body = {{"centrum", {192050, 445350}},
               {"schaal", 5000},
               {"papier", "A4"},
               {"richting", "liggend"},
               {"lagen", json::array()}};
  body["sinds"] = {{"vanaf", today()}};
  auto toml = client().Post("/api/kaartdefinitie", body.dump(), "application/json");
  ASSERT_TRUE(toml);
  ASSERT_EQ(toml->status, 200) << toml->body;
  EXPECT_NE(toml->body.find("type = \"since\""), std::string::npos) << toml->body;
  auto res = client().Post("/api/afdruk", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 500);
  const wijkatlas::test::TempDir dir;
  std::ofstream(dir / "sinds.pdf", std::ios::binary) << res->body;
  const std::string text = wijkatlas::test::command_output(
      "pdftotext -layout " + wijkatlas::test::shell_quoted((dir / "sinds.pdf").string()) + " -");
  EXPECT_NE(text.find("Sinds " + today()), std::string::npos) << text;
  EXPECT_NE(text.find("Nieuw getekend"), std::string::npos) << text;

  for (const json& wrong : {json{{"sessie", "Nooit gehouden"}}, json{{"vanaf", "gisteren"}},
                            json{{"sessie", "A"}, {"vanaf", "2026-12-01"}}}) {
    body["sinds"] = wrong;
    auto bad = client().Post("/api/afdruk", body.dump(), "application/json");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << wrong.dump() << bad->body;
    EXPECT_EQ(json::parse(bad->body)["fout"]["veld"], "sinds") << wrong.dump();
  }
}

TEST_F(Print, AWrongViewIsA400NamingTheField) {
  const auto patched = [](const json& patch) {
    json body = view(10000, "A4", "liggend");
    body.merge_patch(patch);
    return body;
  };
  const std::vector<std::pair<json, std::string>> cases = {
      {view(10, "A4", "liggend"), "schaal"},
      {view(10000, "B5", "liggend"), "papier"},
      {view(10000, "A4", "schuin"), "richting"},
      {patched({{"lagen", {"onzin"}}}), "lagen"},
      {patched({{"centrum", {5.9, 52.0}}}), "centrum"},
      {patched({{"cijfers", {{"maat", "Onzin_99"}}}}), "cijfers"},
      {patched({{"cijfers", {{"maat", "Bevolkingsdichtheid_34"}, {"klassen", 9}}}}), "cijfers"},
      {patched({{"cijfers", {{"maat", "Bevolkingsdichtheid_34"}, {"indeling", "mooi"}}}}),
       "cijfers"},
  };
  for (const auto& [body, field] : cases) {
    auto res = client().Post("/api/afdruk", body.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body.dump() << " -> " << res->body;
    EXPECT_EQ(json::parse(res->body)["fout"]["veld"], field) << res->body;
  }
  auto get = client().Get("/api/afdruk");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
}

}  // namespace
}  // namespace wijkatlas::server::test
