// Inspecting single sketches in the viewer (issue 14): a sketch read from a photo shows the
// sheet it came from, how sure the reading was, the piece of the photo it was read from and
// the statuses it was given; a drawing made on screen has no such piece. Single sketches are
// the operator's: other devices get 401 without the run's token.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.hpp"
#include "store_test_support.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class Provenance : public OffLoopbackTest {
 public:
  static void SetUpTestSuite() {
    OffLoopbackTest::SetUpTestSuite();
    // A photo of a sheet in Klarendal, read as `wijkatlas ingest` reads it: two marks with
    // their crops (S1, S2); then one drawing made on screen in the same session (S3).
    auto store = store::ProjectStore::open(store_path());
    sketch::InkMark bench = store::test::square(sketch::InkCategory::fijne_plek, 191300, 443300);
    bench.confidence = 0.87;
    bench.crop_png = crop_bytes();
    bench.crop_extent = geo::Box({191290, 443290}, {191330, 443330});
    store.ingest(store::test::photo_batch(
        "feed", {bench, store::test::dot(sketch::InkCategory::probleem, 191500, 443400)}));
    const json ring = {
        {191100, 443100}, {191140, 443100}, {191140, 443140}, {191100, 443140}, {191100, 443100}};
    auto res = client().Post("/api/tekeningen", operator_side(),
                             json{{"id", "scherm-1"},
                                  {"sessie", "Blokgesprek"},
                                  {"categorie", "idee"},
                                  {"geometrie", {{"type", "Polygon"}, {"coordinates", {ring}}}}}
                                 .dump(),
                             "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
    screen_id_ = json::parse(res->body)["tekening"]["id"];
  }

 protected:
  static std::vector<std::uint8_t> crop_bytes() {
    return {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  }
  static json get(const std::string& path) {
    auto res = client().Get(path, operator_side());
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
    return json::parse(res->body);
  }

  static std::string screen_id_;
};

std::string Provenance::screen_id_;

TEST_F(Provenance, TheSketchesOfSheetsAreListedApartFromWhatWasDrawnOnScreen) {
  const json sketches = get("/api/schetsen?sessie=Blokgesprek");
  ASSERT_EQ(sketches["features"].size(), 2u);
  const json& first = sketches["features"][0]["properties"];
  EXPECT_EQ(first["id"], "S1");
  EXPECT_EQ(first["categorie"], "fijne_plek");
  EXPECT_EQ(first["soort"], "vlak");
  EXPECT_EQ(first["blad"], "K7Q-4M2");
  EXPECT_EQ(first["status"], "nog open") << "as the printed sheets say it";
  EXPECT_EQ(sketches["features"][1]["properties"]["soort"], "punt");
  EXPECT_EQ(sketches.dump().find(screen_id_ + "\""), std::string::npos);
  EXPECT_TRUE(get("/api/schetsen?sessie=Niemand")["features"].empty());
}

TEST_F(Provenance, ASketchFromAPhotoShowsItsSheetItsCertaintyAndTheCropItWasReadFrom) {
  const json s1 = get("/api/schetsen/s1");
  EXPECT_EQ(s1["id"], "S1");
  EXPECT_EQ(s1["blad"], "K7Q-4M2");
  EXPECT_EQ(s1["bron"], "foto");
  EXPECT_DOUBLE_EQ(s1["zekerheid"].get<double>(), 0.87);
  ASSERT_TRUE(s1["uitsnede"].is_object());
  EXPECT_EQ(s1["uitsnede"]["adres"], "/api/schetsen/S1/uitsnede.png");
  EXPECT_EQ(s1["uitsnede"]["gebied"], json({191290, 443290, 191330, 443330}));

  auto crop = client().Get("/api/schetsen/S1/uitsnede.png", operator_side());
  ASSERT_TRUE(crop);
  EXPECT_EQ(crop->status, 200);
  EXPECT_EQ(crop->get_header_value("Content-Type"), "image/png");
  const std::vector<std::uint8_t> expected = crop_bytes();
  EXPECT_EQ(crop->body, std::string(expected.begin(), expected.end()));
}

TEST_F(Provenance, ADrawingMadeOnScreenHasNoCrop) {
  const json drawn = get("/api/schetsen/" + screen_id_);
  EXPECT_EQ(drawn["bron"], "scherm");
  EXPECT_TRUE(drawn["uitsnede"].is_null());
  auto crop = client().Get("/api/schetsen/" + screen_id_ + "/uitsnede.png", operator_side());
  ASSERT_TRUE(crop);
  EXPECT_EQ(crop->status, 404);
  EXPECT_NE(json::parse(crop->body)["fout"]["bericht"].get<std::string>().find("geen uitsnede"),
            std::string::npos);
}

TEST_F(Provenance, ASketchsStatusesAreListedOldestFirstWithoutWhoSetThem) {
  {
    auto store = store::ProjectStore::open(store_path());
    store.set_status({"S2", sketch::Status::in_behandeling, "gemeld bij de gemeente", std::nullopt,
                      "Planner Jansen", std::nullopt});
    store.set_status({"S2", sketch::Status::opgepakt, "drempel gelegd", std::nullopt,
                      "Planner Jansen", std::nullopt});
  }
  const json s2 = get("/api/schetsen/S2");
  ASSERT_EQ(s2["geschiedenis"].size(), 2u);
  EXPECT_EQ(s2["geschiedenis"][0]["status"], "in behandeling");
  EXPECT_EQ(s2["geschiedenis"][1]["status"], "opgepakt");
  EXPECT_EQ(s2["geschiedenis"][1]["notitie"], "drempel gelegd");
  EXPECT_EQ(s2.dump().find("Jansen"), std::string::npos);
  EXPECT_TRUE(get("/api/schetsen/S1")["geschiedenis"].empty());
}

TEST_F(Provenance, OtherDevicesNeedTheTokenAndUnknownSketchesAre404) {
  for (const char* path : {"/api/schetsen", "/api/schetsen?sessie=Blokgesprek", "/api/schetsen/S1",
                           "/api/schetsen/S1/uitsnede.png"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path;
  }
  for (const char* path : {"/api/schetsen/S99", "/api/schetsen/S99/uitsnede.png"}) {
    auto res = client().Get(path, operator_side());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(json::parse(res->body)["fout"]["code"], "niet_gevonden");
  }
  auto wrong = client().Post("/api/schetsen/S1", operator_side(), "{}", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
}

}  // namespace
}  // namespace wijkatlas::server::test
