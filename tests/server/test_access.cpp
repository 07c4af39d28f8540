// Who may write and who sees single drawings (issue 14): on a loopback address everything is
// open; on any other (here 0.0.0.0, reached through 127.0.0.1: the rule is about the address the
// server listens on, not the peer's) writes and single drawings need the run's token, and a
// request without it (401) or with a wrong one (403) changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "server_fixture.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

json drawing(const std::string& id, const std::string& session) {
  return {{"id", id},
          {"sessie", session},
          {"categorie", "idee"},
          {"notitie", "Bankje bij de speeltuin"},
          {"geometrie", {{"type", "Point"}, {"coordinates", {192050, 444550}}}}};
}

std::string code_of(const httplib::Result& res) {
  return json::parse(res->body)["fout"]["code"].get<std::string>();
}

class OffLoopback : public OffLoopbackTest {
 protected:
  static httplib::Headers with_token(const std::string& token) {
    return {{"X-Wijkatlas-Token", token}};
  }
  static std::size_t stored(const std::string& session) {
    store::OpenOptions read;
    read.check_writable = false;
    return store::ProjectStore::open(store_path(), read).drawings(session).size();
  }
  // A drawing made with the token; its id ("S17"), or "" after a failed assertion.
  static std::string made_with_token(const std::string& id, const std::string& session) {
    auto made = client().Post("/api/tekeningen", with_token(server().token()),
                              drawing(id, session).dump(), "application/json");
    EXPECT_TRUE(made);
    if (!made) return "";
    EXPECT_EQ(made->status, 201) << made->body;
    return made->status == 201 ? json::parse(made->body)["tekening"]["id"].get<std::string>() : "";
  }
  static void expect_answers() {
    auto res = client().Get("/api/lagen");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
};

TEST_F(OffLoopback, TheTokenIs128BitsInHexAndTheOperatorsAddressCarriesIt) {
  const std::string token = server().token();
  ASSERT_EQ(token.size(), 32u);
  EXPECT_TRUE(std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  })) << token;
  EXPECT_EQ(server().operator_url(), server().url() + "?token=" + token);
  EXPECT_EQ(server().url().find("0.0.0.0"), std::string::npos)
      << "another device cannot reach 0.0.0.0: " << server().url();
}

TEST_F(OffLoopback, ADrawingWithoutTheTokenOrWithAWrongOneIsRefusedAndNothingIsStored) {
  const std::string session = "Zonder sleutel";
  const std::string body = drawing("sleutel-1", session).dump();
  auto none = client().Post("/api/tekeningen", body, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401) << none->body;
  EXPECT_EQ(code_of(none), "sleutel_ontbreekt");
  EXPECT_NE(json::parse(none->body)["fout"]["bericht"].get<std::string>().find("sleutel"),
            std::string::npos);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer realm=\"wijkatlas\"");

  std::string wrong = server().token();
  wrong.back() = wrong.back() == '0' ? '1' : '0';  // one digit off
  for (const std::string& token : {wrong, wrong.substr(1), std::string("x"), wrong + "0"}) {
    auto res = client().Post("/api/tekeningen", with_token(token), body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << token << ": " << res->body;
    EXPECT_EQ(code_of(res), "sleutel_onjuist");
  }
  auto bearer_wrong = client().Post("/api/tekeningen", {{"Authorization", "Bearer " + wrong}}, body,
                                    "application/json");
  ASSERT_TRUE(bearer_wrong);
  EXPECT_EQ(bearer_wrong->status, 403);
  EXPECT_EQ(stored(session), 0u);
  expect_answers();

  auto right =
      client().Post("/api/tekeningen", with_token(server().token()), body, "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 201) << right->body;
  auto bearer = client().Post("/api/tekeningen", {{"Authorization", "Bearer " + server().token()}},
                              drawing("sleutel-2", session).dump(), "application/json");
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 201) << bearer->body;
  EXPECT_EQ(stored(session), 2u);
}

TEST_F(OffLoopback, ChangesAndPrintsNeedTheTokenToo) {
  const std::string session = "Wijzigen zonder sleutel";
  const std::string id = made_with_token("sleutel-wijzig", session);
  ASSERT_FALSE(id.empty());

  const json move = {{"geometrie", {{"type", "Point"}, {"coordinates", {192080, 444550}}}}};
  auto change = client().Put("/api/tekeningen/" + id, {{"If-Match", "\"1\""}}, move.dump(),
                             "application/json");
  ASSERT_TRUE(change);
  EXPECT_EQ(change->status, 401) << change->body;
  auto removal = client().Delete("/api/tekeningen/" + id, {{"If-Match", "\"1\""}});
  ASSERT_TRUE(removal);
  EXPECT_EQ(removal->status, 401) << removal->body;
  for (const char* path : {"/api/afdruk", "/api/kaartdefinitie"}) {
    auto res = client().Post(path, R"({"sessie": "Wijzigen zonder sleutel"})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path << ": " << res->body;
    auto wrong = client().Post(path, with_token("0"), "{}", "application/json");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403) << path;
  }
  // The drawing is as it was: version 1, where it was put.
  auto one = client().Get("/api/tekeningen/" + id, with_token(server().token()));
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  const json properties = json::parse(one->body)["tekening"]["properties"];
  EXPECT_EQ(properties["versie"], 1);

  httplib::Headers headers = with_token(server().token());
  headers.emplace("If-Match", "\"1\"");
  auto allowed = client().Put("/api/tekeningen/" + id, headers, move.dump(), "application/json");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 200) << allowed->body;
}

TEST_F(OffLoopback, SingleDrawingsAreNotShownWithoutTheToken) {
  const std::string session = "Stil bekijken";
  const std::string id = made_with_token("sleutel-lezen", session);
  ASSERT_FALSE(id.empty());

  const std::vector<std::string> paths = {
      "/api/tekeningen", "/api/tekeningen?sessie=Stil%20bekijken", "/api/tekeningen/" + id};
  for (const std::string& path : paths) {
    auto res = client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path << ": " << res->body;
    EXPECT_EQ(res->body.find("Bankje"), std::string::npos) << res->body;
    EXPECT_EQ(res->body.find("coordinates"), std::string::npos) << res->body;
    auto wrong = client().Get(path, with_token("0123"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403) << path;
    EXPECT_EQ(wrong->body.find("Bankje"), std::string::npos) << wrong->body;
  }
  auto head = client().Head("/api/tekeningen");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 401);

  auto with = client().Get("/api/tekeningen?sessie=Stil%20bekijken", with_token(server().token()));
  ASSERT_TRUE(with);
  ASSERT_EQ(with->status, 200) << with->body;
  EXPECT_EQ(json::parse(with->body)["features"].size(), 1u);
}

TEST_F(OffLoopback, ThePageAndThePublicLayersNeedNoToken) {
  for (const char* path :
       {"/", "/api/lagen", "/api/lagen/initiatieven", "/api/zoek?q=Elsweide", "/api/sessies"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
  }
}

class OnLoopback : public ServerTest {};

TEST_F(OnLoopback, NoTokenIsNeeded) {
  const std::string session = "Eigen scherm";
  auto res = client().Post("/api/tekeningen", drawing("lus-1", session).dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  auto list = client().Get("/api/tekeningen?sessie=Eigen%20scherm");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(json::parse(list->body)["features"].size(), 1u);
}

}  // namespace
}  // namespace wijkatlas::server::test
