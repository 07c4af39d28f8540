// Drawing with the room through the API (issue 14): a drawing is stored once per client id as a
// sketch of channel "scherm", counts in the overlap like a sheet's mark, is listed by the CLI,
// and a change based on a stale version is a 409 with the store's conflict message. Bad bodies
// are 400s naming the field, and the server answers afterwards.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_run.hpp"
#include "server_fixture.hpp"
#include "store_test_support.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class Drawings : public ServerTest {};

// A square of `side` metres in Geitenkamp (Arnhem-Oost), lower left at (x, y).
json square(double x, double y, double side) {
  return {{"type", "Polygon"},
          {"coordinates", {{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}}};
}

httplib::Result post(const json& body) {
  return ServerTest::client().Post("/api/tekeningen", body.dump(), "application/json");
}

httplib::Result put(const std::string& id, const json& body, const std::string& if_match) {
  httplib::Headers headers;
  if (!if_match.empty()) headers.emplace("If-Match", if_match);
  return ServerTest::client().Put("/api/tekeningen/" + id, headers, body.dump(),
                                  "application/json");
}

json drawing(const std::string& id, const std::string& session, const json& geometry,
             const std::string& category = "probleem") {
  return {{"id", id},
          {"sessie", session},
          {"categorie", category},
          {"notitie", "Te hard gereden"},
          {"geometrie", geometry}};
}

void expect_answers() {
  auto res = ServerTest::client().Get("/api/lagen");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(Drawings, ADrawingIsStoredOnceEvenWhenThePostIsSentTwice) {
  const json body = drawing("test-eenmaal-1", "Tafel eenmaal", square(192000, 444500, 80));
  auto first = post(body);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  const json stored = json::parse(first->body)["tekening"];
  EXPECT_EQ(stored["properties"]["kanaal"], "scherm");
  EXPECT_EQ(stored["properties"]["versie"], 1);
  EXPECT_EQ(stored["properties"]["notitie"], "Te hard gereden");
  EXPECT_EQ(stored["geometry"]["type"], "Polygon");
  EXPECT_EQ(first->get_header_value("ETag"), "\"1\"");

  auto again = post(body);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  const json repeated = json::parse(again->body);
  EXPECT_TRUE(repeated["herhaald"].get<bool>());
  EXPECT_EQ(repeated["tekening"]["id"], stored["id"]);

  auto list = client().Get("/api/tekeningen?sessie=Tafel%20eenmaal");
  ASSERT_TRUE(list);
  const json fc = json::parse(list->body);
  ASSERT_EQ(fc["features"].size(), 1u);
  EXPECT_EQ(fc["features"][0]["id"], stored["id"]);
}

TEST_F(Drawings, DrawnAreasCountInTheOverlapOfTheirSessionAndTheCliListsThem) {
  const std::string session = "Tafel overlap";
  for (int i = 0; i < 3; ++i) {
    auto res = post(drawing("test-overlap-" + std::to_string(i), session,
                            square(192000 + 20 * i, 444500, 100)));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
  }
  auto point = post(drawing("test-overlap-punt", session,
                            {{"type", "Point"}, {"coordinates", {192050, 444550}}}, "idee"));
  ASSERT_TRUE(point);
  ASSERT_EQ(point->status, 201) << point->body;

  // The overlap use case, on the store the server writes, opened as the command line does.
  store::OpenOptions read;
  read.check_writable = false;
  store::ProjectStore store = store::ProjectStore::open(store_path(), read);
  project::OverlapRequest request;
  request.category = "probleem";
  request.session = session;
  request.density_sigma_m = 0;
  geo::CollectingReporter reporter;
  const project::OverlapResult result = project::overlap(store, request, reporter);
  EXPECT_EQ(result.sheets, 3u);
  EXPECT_EQ(result.sketches, 3u);
  EXPECT_EQ(result.max_n, 3);  // the three squares share a strip 60 m wide

  const auto cli = wijkatlas::test::run_wijkatlas(
      {"status", "--store", store_path(), "--session", session, "--sketches"});
  EXPECT_EQ(cli.code, 0) << cli.err;
  EXPECT_NE(cli.out.find("idee"), std::string::npos) << cli.out;
  EXPECT_NE(cli.out.find("Te hard gereden"), std::string::npos) << cli.out;
}

TEST_F(Drawings, AChangeBasedOnAStaleVersionIsAConflictAndNothingIsLost) {
  auto made = post(drawing("test-botsing", "Tafel botsing",
                           {{"type", "Point"}, {"coordinates", {192100, 444600}}}));
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string id = json::parse(made->body)["tekening"]["id"];

  // The first page moves it (based on version 1).
  auto moved =
      put(id, {{"geometrie", {{"type", "Point"}, {"coordinates", {192130, 444600}}}}}, "\"1\"");
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->status, 200) << moved->body;
  EXPECT_EQ(json::parse(moved->body)["tekening"]["properties"]["versie"], 2);
  EXPECT_EQ(moved->get_header_value("ETag"), "\"2\"");

  // The second page still has version 1.
  auto stale = put(id, {{"categorie", "idee"}}, "\"1\"");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409) << stale->body;
  const json error = json::parse(stale->body)["fout"];
  EXPECT_EQ(error["code"], "wijziging_botst");
  const std::string detail = error["detail"];
  // In the page's language, with what changed (no English store text on a participant's screen).
  EXPECT_NE(detail.find("ging uit van versie 1"), std::string::npos) << detail;
  EXPECT_NE(detail.find("nu is het versie 2"), std::string::npos) << detail;
  EXPECT_TRUE(std::regex_search(
      detail, std::regex(R"(gewijzigd op \d\d-\d\d-\d{4} \d\d:\d\d door scherm)")))
      << "the room's clock, not an ISO time: " << detail;
  EXPECT_NE(
      detail.find("vorm of plek 'punt bij (192100, 444600)' werd 'punt bij (192130, 444600)'"),
      std::string::npos)
      << detail;
  EXPECT_EQ(detail.find("changed"), std::string::npos) << detail;

  // The first change stays; the refused one left nothing.
  auto now = client().Get("/api/tekeningen/" + id);
  ASSERT_TRUE(now);
  const json feature = json::parse(now->body)["tekening"];
  EXPECT_EQ(feature["properties"]["versie"], 2);
  EXPECT_EQ(feature["properties"]["categorie"], "probleem");
  EXPECT_EQ(feature["geometry"]["coordinates"][0], 192130);

  // A change without any version is refused before the store is asked.
  auto blind = put(id, {{"categorie", "idee"}}, "");
  ASSERT_TRUE(blind);
  EXPECT_EQ(blind->status, 400);
  EXPECT_EQ(json::parse(blind->body)["fout"]["veld"], "versie");
  // So is a change of a sketch that does not exist.
  auto unknown = put("S99999", {{"categorie", "idee"}}, "\"1\"");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404) << unknown->body;
}

TEST_F(Drawings, ASelfCrossingAreaIsRepairedWithAWarning) {
  const json bowtie = {{"type", "Polygon"},
                       {"coordinates",
                        {{{192000, 444000},
                          {192100, 444100},
                          {192100, 444000},
                          {192000, 444100},
                          {192000, 444000}}}}};
  auto res = post(drawing("test-strik", "Tafel strik", bowtie));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json answer = json::parse(res->body);
  ASSERT_EQ(answer["waarschuwingen"].size(), 1u);
  EXPECT_NE(answer["waarschuwingen"][0].get<std::string>().find("hersteld"), std::string::npos);
}

struct BadBody {
  std::string body;
  std::string field;
  std::string words;  // in the message
};

TEST_F(Drawings, BadBodiesAre400sNamingTheFieldAndTheServerGoesOn) {
  const json point = {{"type", "Point"}, {"coordinates", {192000, 444500}}};
  const std::vector<BadBody> cases = {
      {"{\"id\": ", "body", "geen geldige JSON"},
      {"[1, 2]", "body", "JSON-object"},
      {drawing("test-slecht-1", "T",
               {{"type", "GeometryCollection"}, {"geometries", json::array()}})
           .dump(),
       "geometrie", "GeometryCollection"},
      {drawing("test-slecht-2", "T", {{"type", "Point"}, {"coordinates", {5.9, 52.0}}}).dump(),
       "geometrie", "buiten het gebied"},
      {drawing("test-slecht-3", "T", {{"type", "Point"}, {"coordinates", {192000, 900000}}}).dump(),
       "geometrie", "buiten het gebied"},
      {drawing("test-slecht-4", "T", point, "gevaarlijk").dump(), "categorie",
       "Onbekende categorie 'gevaarlijk'"},
      {drawing("../etc", "T", point).dump(), "id", "letters"},
      {drawing("test-slecht-5", "", point).dump(), "sessie", "leeg"},
      {drawing("test-slecht-6", "T", {{"type", "Point"}, {"coordinates", {"x", 1}}}).dump(),
       "geometrie", "paar getallen"},
      {drawing("test-slecht-7", "T", {{"type", "Polygon"}, {"coordinates", {{{192000, 444000}}}}})
           .dump(),
       "geometrie", "kloppen niet"},
      {drawing("test-slecht-8", "T",
               {{"type", "Polygon"},
                {"coordinates",
                 {{{192000, 444000}, {192100, 444000}, {192200, 444000}, {192000, 444000}}}}})
           .dump(),
       "geometrie", "oppervlakte"},
  };
  for (const BadBody& c : cases) {
    auto res = client().Post("/api/tekeningen", c.body, "application/json");
    ASSERT_TRUE(res) << c.body;
    EXPECT_EQ(res->status, 400) << c.body << " -> " << res->body;
    const json error = json::parse(res->body)["fout"];
    EXPECT_EQ(error["veld"], c.field) << res->body;
    EXPECT_NE(error["bericht"].get<std::string>().find(c.words), std::string::npos) << res->body;
  }
  // Too many vertices.
  json ring = json::array();
  for (int i = 0; i < 6000; ++i)
    ring.push_back({192000 + 100 * std::cos(i * 0.001), 444500 + 100 * std::sin(i * 0.001)});
  auto huge = post(drawing("test-slecht-9", "T", {{"type", "LineString"}, {"coordinates", ring}}));
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 400);
  EXPECT_NE(huge->body.find("te veel punten"), std::string::npos) << huge->body;
  // Nothing of these was stored, and the server still answers.
  auto list = client().Get("/api/tekeningen?sessie=T");
  ASSERT_TRUE(list);
  EXPECT_EQ(json::parse(list->body)["features"].size(), 0u);
  expect_answers();
  // Methods the drawing routes do not take.
  auto del = client().Delete("/api/tekeningen");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, HEAD, POST");
}

httplib::Result remove(const std::string& id, const std::string& if_match) {
  httplib::Headers headers;
  if (!if_match.empty()) headers.emplace("If-Match", if_match);
  return ServerTest::client().Delete("/api/tekeningen/" + id, headers);
}

TEST_F(Drawings, ADeleteNeedsTheVersionItIsBasedOnAndAStaleOneIsAConflict) {
  const std::string session = "Tafel weg";
  auto made = post(drawing("test-weg-1", session, square(192200, 444500, 50)));
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string id = json::parse(made->body)["tekening"]["id"];
  auto moved = put(id, {{"notitie", "Toch niet zo erg"}}, "\"1\"");
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->status, 200) << moved->body;

  // Based on version 1, which another page changed: 409 with the store's words, nothing removed.
  auto stale = remove(id, "\"1\"");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409) << stale->body;
  const json conflict = json::parse(stale->body)["fout"];
  EXPECT_EQ(conflict["code"], "wijziging_botst");
  EXPECT_NE(conflict["detail"].get<std::string>().find("ging uit van versie 1; nu is het versie 2"),
            std::string::npos)
      << conflict.dump();
  EXPECT_NE(conflict["detail"].get<std::string>().find(
                "notitie 'Te hard gereden' werd 'Toch niet zo erg'"),
            std::string::npos)
      << conflict.dump();
  auto without = remove(id, "");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 400) << without->body;
  EXPECT_EQ(json::parse(without->body)["fout"]["veld"], "If-Match");
  auto still = client().Get("/api/tekeningen/" + id);
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);

  auto removed = remove(id, "\"2\"");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  const json answer = json::parse(removed->body)["verwijderd"];
  EXPECT_EQ(answer["id"], id);
  EXPECT_FALSE(answer["al_verwijderd"].get<bool>());
  EXPECT_EQ(answer["door"], "scherm");
  auto gone = client().Get("/api/tekeningen/" + id);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  auto list = client().Get("/api/tekeningen?sessie=Tafel%20weg");
  ASSERT_TRUE(list);
  EXPECT_EQ(json::parse(list->body)["features"].size(), 0u);
  // Nor does the overlap or the CLI see it any more.
  const auto status = wijkatlas::test::run_wijkatlas(
      {"status", "--store", store_path(), "--session", session, "--sketches"});
  EXPECT_EQ(status.out.find(id + " "), std::string::npos) << status.out;

  // A second page removing it too is told it is gone already; an id never given is a 404.
  auto again = remove(id, "\"2\"");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_TRUE(json::parse(again->body)["verwijderd"]["al_verwijderd"].get<bool>());
  auto unknown = remove("S987654", "\"1\"");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404) << unknown->body;
  expect_answers();
}

TEST_F(Drawings, AScannedSketchIsNotRemovedHere) {
  auto made = post(drawing("test-weg-voor-scan", "Tafel scan", square(192300, 444500, 50)));
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string drawn = json::parse(made->body)["tekening"]["id"];
  // A photographed sheet's sketch, stored beside the server as `ingest` would: the next number.
  {
    store::ProjectStore other = store::ProjectStore::open(store_path(), store::test::quick());
    other.ingest(store::test::photo_batch(
        "scan-weg", {store::test::square(sketch::InkCategory::probleem, 192300, 444600)}));
  }
  const std::string scanned = "S" + std::to_string(std::stoll(drawn.substr(1)) + 1);
  auto refused = remove(scanned, "\"1\"");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 409) << refused->body;
  EXPECT_EQ(json::parse(refused->body)["fout"]["code"], "niet_te_wijzigen");
  store::OpenOptions read;
  read.check_writable = false;
  EXPECT_NO_THROW(store::ProjectStore::open(store_path(), read).version_of(scanned));
}

}  // namespace
}  // namespace wijkatlas::server::test
