// What residents drew, as the room sees it (issue 14): the overlap of a session's drawings as
// "n van N" places with the printed map's legend, and its spots with their status. On the
// operator's side every place shows; other devices see only places at least 3 drawings marked,
// so a single drawing never shows, and no answer names who set a status.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.hpp"
#include "store_test_support.hpp"
#include "wijkatlas/project/session_spots.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

// A square area of `size` metres with its south-west corner at (x, y).
json area(const std::string& id, const std::string& session, double x, double y, double size = 40) {
  const json ring = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
  return {{"id", id},
          {"sessie", session},
          {"categorie", "probleem"},
          {"geometrie", {{"type", "Polygon"}, {"coordinates", {ring}}}}};
}

class Residents : public OffLoopbackTest {
 public:
  static void SetUpTestSuite() {
    OffLoopbackTest::SetUpTestSuite();
    // Three drawings over one crossing in Klarendal (shifted 10 m each: n = 3 on 20 x 40 m),
    // one alone 500 m away.
    for (int i = 0; i < 3; ++i)
      post(area("bewoner-" + std::to_string(i), session, 192000 + 10.0 * i, 445000));
    post(area("bewoner-alleen", session, 192500, 445500));
  }

 protected:
  static constexpr const char* session = "Blokgesprek Klarendal";
  // Stores a drawing; its stored id (S17).
  static std::string post(const json& body) {
    auto res = client().Post("/api/tekeningen", operator_side(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body)["tekening"]["id"];
  }
  static json get(const std::string& path, const httplib::Headers& headers = {}) {
    auto res = client().Get(path, headers);
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
    return json::parse(res->body);
  }
  static std::string query() { return "sessie=Blokgesprek%20Klarendal"; }
  // Makes the session's spots (n >= 2: the one where three drawings overlap) in the store, as
  // `wijkatlas status --session` does, and sets that spot's status as a named planner.
  static void make_spot_with_status(sketch::Status status, const std::string& note) {
    auto store = store::ProjectStore::open(store_path());
    geo::CollectingReporter quiet;
    const auto made = project::session_spots(store, session, 2, false, quiet);
    ASSERT_EQ(made.spots.size(), 1u);
    sketch::StatusChange change;
    change.id = made.spots[0].id;
    change.status = status;
    change.note = note;
    change.by = "Planner Jansen";
    store.set_status(change);
  }
};

double area_with_n(const json& collection, int n) {
  double total = 0;
  for (const auto& f : collection["features"])
    if (f["properties"]["n"] == n) total += f["properties"]["oppervlakte_m2"].get<double>();
  return total;
}

TEST_F(Residents, TheOperatorSeesEveryPlaceWithItsCountAndTheLegend) {
  const json overlap = get("/api/overlap?" + query() + "&categorie=probleem", operator_side());
  EXPECT_EQ(overlap["bladen"], 4);
  EXPECT_EQ(overlap["min_bladen"], 1);
  EXPECT_EQ(overlap["weggelaten"], 0);
  // Three squares of 40 m shifted 10 m: n = 3 on 20 x 40, n = 2 on 2 x 10 x 40, n = 1 on
  // 2 x 10 x 40 plus the lone square.
  EXPECT_NEAR(area_with_n(overlap, 3), 800, 1);
  EXPECT_NEAR(area_with_n(overlap, 2), 800, 1);
  EXPECT_NEAR(area_with_n(overlap, 1), 800 + 1600, 1);
  for (const auto& f : overlap["features"]) {
    const auto& p = f["properties"];
    EXPECT_EQ(p["n_van_N"], std::to_string(p["n"].get<int>()) + " van " +
                                std::to_string(p["N_totaal"].get<int>()));
  }
  ASSERT_EQ(overlap["legenda"].size(), 3u);
  EXPECT_EQ(overlap["legenda"][0]["label"], "1 van N");
  EXPECT_EQ(overlap["legenda_kop"], "n van N tekeningen");
  EXPECT_EQ(overlap["legenda"][2]["kleur"].get<std::string>().size(), 7u);
}

TEST_F(Residents, OtherDevicesSeeOnlyPlacesAtLeastThreeDrawingsMarked) {
  const json overlap = get("/api/overlap?" + query());
  EXPECT_EQ(overlap["min_bladen"], 3);
  ASSERT_FALSE(overlap["features"].empty());
  for (const auto& f : overlap["features"]) EXPECT_GE(f["properties"]["n"].get<int>(), 3);
  EXPECT_NEAR(area_with_n(overlap, 3), 800, 1);
  EXPECT_GT(overlap["weggelaten"].get<int>(), 0);
  ASSERT_EQ(overlap["legenda"].size(), 3u) << "classes up to the highest n shown";
  // The single drawings themselves stay closed to them.
  auto single = client().Get("/api/tekeningen?" + query());
  ASSERT_TRUE(single);
  EXPECT_EQ(single->status, 401);
}

TEST_F(Residents, AnEmptySessionIsAnEmptyLayerAndBadParametersAre400) {
  const json none = get("/api/overlap?sessie=Nog%20niemand&categorie=idee", operator_side());
  EXPECT_TRUE(none["features"].empty());
  EXPECT_EQ(none["bladen"], 0);
  for (const std::string& bad :
       {std::string("/api/overlap?categorie=paars"), "/api/overlap?sessie=" + std::string(201, 'x'),
        std::string("/api/plekken"), std::string("/api/plekken?sessie=")}) {
    auto res = client().Get(bad, operator_side());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad << ": " << res->body;
    EXPECT_NE(json::parse(res->body)["fout"]["veld"].get<std::string>(), "");
  }
  auto post = client().Post("/api/overlap", operator_side(), "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(Residents, SpotsShowTheirStatusAndNeverWhoSetIt) {
  const json before = get("/api/plekken?" + query(), operator_side());
  EXPECT_FALSE(before["gemaakt"].get<bool>());
  EXPECT_TRUE(before["features"].empty());
  // The planner makes the spots from the command line's store meanwhile.
  make_spot_with_status(sketch::Status::opgepakt, "Stoep verbreed");
  for (const auto& headers : {operator_side(), httplib::Headers{}}) {
    const json spots = get("/api/plekken?" + query(), headers);
    EXPECT_TRUE(spots["gemaakt"].get<bool>());
    ASSERT_EQ(spots["features"].size(), 1u) << "n = 3: shown to everyone";
    const json& p = spots["features"][0]["properties"];
    EXPECT_EQ(p["n"], 3);
    EXPECT_EQ(p["status"], "opgepakt");
    EXPECT_EQ(p["notitie"], "Stoep verbreed");
    EXPECT_FALSE(p.contains("door"));
    EXPECT_EQ(spots.dump().find("Jansen"), std::string::npos);
  }
}

TEST_F(Residents, ASpotsStatusHistoryIsListedOldestFirstWithoutWhoSetIt) {
  make_spot_with_status(sketch::Status::in_behandeling, "Gemeente kijkt ernaar");
  make_spot_with_status(sketch::Status::opgepakt, "Stoep verbreed");
  const json spots = get("/api/plekken?" + query(), operator_side());
  ASSERT_EQ(spots["features"].size(), 1u);
  const std::string id = spots["features"][0]["properties"]["id"];
  // n = 3: everyone who may see the spot may see what was done with it.
  for (const auto& headers : {operator_side(), httplib::Headers{}}) {
    const json answer = get("/api/plekken/" + id + "/geschiedenis?" + query(), headers);
    EXPECT_EQ(answer["id"], id);
    const json& history = answer["geschiedenis"];
    ASSERT_GE(history.size(), 2u);
    const json& last = history[history.size() - 1];
    const json& before = history[history.size() - 2];
    EXPECT_EQ(before["status"], "in behandeling");
    EXPECT_EQ(before["notitie"], "Gemeente kijkt ernaar");
    EXPECT_EQ(last["status"], "opgepakt");
    EXPECT_EQ(last["notitie"], "Stoep verbreed");
    EXPECT_LE(before["gewijzigd_op"].get<std::string>(), last["gewijzigd_op"].get<std::string>());
    EXPECT_EQ(answer.dump().find("Jansen"), std::string::npos) << "never who set it";
  }
  // Off the operator's side the session must name a place shown there; unknown ids are 404.
  for (const std::string& path : {"/api/plekken/" + id + "/geschiedenis",
                                  "/api/plekken/onbekend-P09/geschiedenis?" + query()}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(json::parse(res->body)["fout"]["code"], "niet_gevonden");
  }
  auto unknown = client().Get("/api/plekken/onbekend-P09/geschiedenis", operator_side());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

// The features of a "sinds vorige keer" answer of one kind.
std::vector<json> of_kind(const json& since, const std::string& kind) {
  std::vector<json> out;
  for (const auto& f : since["features"])
    if (f["properties"]["soort"] == kind) out.push_back(f);
  return out;
}

TEST_F(Residents, SinceLastTimeTellsWhatIsNewOrChangedSinceAnEarlierSession) {
  const std::string kept = post(area("tafel1-a", "Tafel 1", 193000, 444800));
  const std::string withdrawn = post(area("tafel1-b", "Tafel 1", 193100, 444800));
  // The store's times have whole seconds and "since" is after the session's last moment.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const std::string added = post(area("tafel2-a", "Tafel 2", 193200, 444800));
  auto changed = client().Put("/api/tekeningen/" + kept,
                              {{"X-Wijkatlas-Token", server().token()}, {"If-Match", "\"1\""}},
                              json{{"notitie", "Bankje weg"}}.dump(), "application/json");
  ASSERT_TRUE(changed);
  ASSERT_EQ(changed->status, 200) << changed->body;
  auto removed = client().Delete("/api/tekeningen/" + withdrawn,
                                 {{"X-Wijkatlas-Token", server().token()}, {"If-Match", "\"1\""}});
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  make_spot_with_status(sketch::Status::in_behandeling, "Gemeente kijkt ernaar");

  const json since = get("/api/sinds?sessie=Tafel%201", operator_side());
  EXPECT_EQ(since["sinds_label"], "sessie 'Tafel 1'");
  const auto news = of_kind(since, "nieuwe_tekening");
  ASSERT_EQ(news.size(), 1u) << since.dump();
  EXPECT_EQ(news[0]["properties"]["id"], added);
  EXPECT_EQ(news[0]["properties"]["sessie"], "Tafel 2");
  EXPECT_EQ(news[0]["properties"]["categorie"], "probleem");
  EXPECT_EQ(news[0]["geometry"]["type"], "MultiPolygon");
  const auto changes = of_kind(since, "gewijzigde_tekening");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["properties"]["id"], kept);
  EXPECT_NE(changes[0]["properties"]["wat"].dump().find("Bankje weg"), std::string::npos);
  const auto gone = of_kind(since, "verwijderde_tekening");
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0]["properties"]["id"], withdrawn);
  EXPECT_TRUE(gone[0]["geometry"].is_null());
  std::vector<json> spots = of_kind(since, "nieuwe_plek");
  for (const json& f : of_kind(since, "gewijzigde_plek")) spots.push_back(f);
  ASSERT_EQ(spots.size(), 1u);
  EXPECT_EQ(spots[0]["properties"]["status"], "in behandeling");
  EXPECT_EQ(spots[0]["properties"]["n"], 3);
  EXPECT_EQ(since.dump().find("Jansen"), std::string::npos) << "never who set it";
  EXPECT_TRUE(of_kind(since, "nieuw_initiatief").empty()) << "the examples started before today";

  // Other devices: the count of drawings, not the drawings; the spot of 3 sheets shows.
  const json open = get("/api/sinds?sessie=Tafel%201");
  EXPECT_TRUE(of_kind(open, "nieuwe_tekening").empty());
  EXPECT_TRUE(of_kind(open, "gewijzigde_tekening").empty());
  EXPECT_EQ(open["aantallen"]["nieuwe_tekening"], 1);
  EXPECT_GE(open["weggelaten"].get<int>(), 3);
  EXPECT_EQ(of_kind(open, "nieuwe_plek").size() + of_kind(open, "gewijzigde_plek").size(), 1u);
}

TEST_F(Residents, SinceADateListsTheInitiativesStartedSinceAndRefusesBadMoments) {
  const json since = get("/api/sinds?vanaf=2023-01-01");
  const auto started = of_kind(since, "nieuw_initiatief");
  ASSERT_FALSE(started.empty());
  bool first_example = false;
  for (const json& f : started) {
    EXPECT_GE(f["properties"]["wanneer"].get<std::string>(), "2023-01-01");
    EXPECT_NE(f["properties"]["id"], "VB-002") << "started 2022-09-05";
    first_example = first_example || f["properties"]["id"] == "VB-001";
    EXPECT_EQ(f["geometry"]["type"], "Point");
  }
  EXPECT_TRUE(first_example) << "VB-001 started 2023-04-15";
  for (const auto& [path, field] : {std::pair{"/api/sinds", "sessie"},
                                    {"/api/sinds?sessie=A&vanaf=2023-01-01", "sessie"},
                                    {"/api/sinds?vanaf=gisteren", "vanaf"},
                                    {"/api/sinds?sessie=Nooit%20geweest", "sessie"}}) {
    auto res = client().Get(path, operator_side());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << path << ": " << res->body;
    EXPECT_EQ(json::parse(res->body)["fout"]["veld"], field) << path;
  }
}

TEST_F(Residents, PrintedSheetsShowTheGroundTheyCoveredAndWhetherTheyCameBack) {
  {
    auto store = store::ProjectStore::open(store_path());
    for (const char* id : {"AAA-111", "BBB-222"}) {
      store::SheetRecord sheet;
      sheet.sheet = store::test::a_sheet(id);
      sheet.session = "Bladen tafel";
      sheet.area = "Klarendal";
      store.record_sheet(sheet);
    }
    store::IngestBatch photo = store::test::photo_batch(
        "bladen-foto", {store::test::square(sketch::InkCategory::probleem, 191100, 443100)});
    photo.sheet = store::test::a_sheet("AAA-111");
    photo.session = "Bladen tafel";
    store.ingest(photo);
  }
  // Open to every device: a sheet's ground says nothing of what anyone drew on it.
  const json sheets = get("/api/bladen?sessie=Bladen%20tafel");
  EXPECT_EQ(sheets["gedrukt"], 2);
  EXPECT_EQ(sheets["teruggekomen"], 1);
  ASSERT_EQ(sheets["features"].size(), 2u);
  for (const auto& f : sheets["features"]) {
    const json& p = f["properties"];
    EXPECT_EQ(p["teruggekomen"].get<bool>(), p["id"] == "AAA-111") << p.dump();
    EXPECT_EQ(p["gebied"], "Klarendal");
    EXPECT_EQ(p["schaal"], 2500);
    // The ring is the sheet's map extent (store_test_support's a_sheet).
    EXPECT_EQ(f["geometry"]["coordinates"][0][0], json({191000, 443000}));
    EXPECT_EQ(f["geometry"]["coordinates"][0][2], json({191725, 443617.5}));
  }
  EXPECT_EQ(get("/api/bladen?sessie=Niemand")["gedrukt"], 0);
  EXPECT_GE(get("/api/bladen")["gedrukt"].get<int>(), 2) << "no session: every session's sheets";
}

}  // namespace
}  // namespace wijkatlas::server::test
