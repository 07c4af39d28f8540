// The viewer on a project whose store holds the team's areas, key figures and registry
// (`wijkatlas store import`): the overlays and the print show the store's initiatives, and the
// areas come from the store, not from the (here empty) data directory.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "command_output.hpp"
#include "test_support.hpp"
#include "wijkatlas/server/server.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;
using wijkatlas::test::command_output;
using wijkatlas::test::shell_quoted;

TEST(ServeFromStore, OverlaysAndPrintShowTheStoresAreasAndInitiatives) {
  const wijkatlas::test::TempDir dir;
  const auto store = dir / "team.gpkg";
  const auto registry =
      dir.write("team_register.csv",
                "id,naam,thema,omschrijving,status,startdatum,lon,lat,contact_naam,illustratief\n"
                "ST-001,Opslagproef Klarendal,opslagproef,Uit de projectopslag.,lopend,2025-03-01,"
                "5.917854,51.988505,Iemand Persoonlijk,nee\n");
  const auto imported = wijkatlas::test::run_wijkatlas(
      {"store", "import", "--store", store.string(), "--registry", registry.string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  const auto empty = dir / "leeg";
  std::filesystem::create_directories(empty);

  geo::CollectingReporter reporter;
  ServerOptions o;
  o.port = 0;
  o.store = store.string();
  o.data_dir = empty.string();
  o.web_dir = WIJKATLAS_TEST_WEB_DIR;
  Server server(o, reporter);
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60, 0);

  auto initiatives = client.Get("/api/lagen/initiatieven");
  ASSERT_TRUE(initiatives);
  ASSERT_EQ(initiatives->status, 200);
  const json fc = json::parse(initiatives->body);
  ASSERT_EQ(fc["features"].size(), 1u) << "the store's registry, not the 40 examples";
  EXPECT_EQ(fc["features"][0]["properties"]["naam"], "Opslagproef Klarendal");
  EXPECT_EQ(initiatives->body.find("Iemand"), std::string::npos) << "no personal field";
  auto buurten = client.Get("/api/lagen/buurten");
  ASSERT_TRUE(buurten);
  ASSERT_EQ(buurten->status, 200);
  EXPECT_EQ(json::parse(buurten->body)["features"].size(), 83u) << "Arnhem's buurten";

  const json view = {{"centrum", {191500, 444600}},
                     {"schaal", 5000},
                     {"papier", "A4"},
                     {"richting", "liggend"},
                     {"lagen", {"programmawijken", "initiatieven"}},
                     {"titel", "Klarendal uit de opslag"}};
  auto printed = client.Post("/api/afdruk", view.dump(), "application/json");
  ASSERT_TRUE(printed);
  ASSERT_EQ(printed->status, 200) << printed->body.substr(0, 500);
  const auto pdf = dir / "afdruk.pdf";
  std::ofstream(pdf, std::ios::binary) << printed->body;
  const std::string text = command_output("pdftotext " + shell_quoted(pdf) + " -");
  EXPECT_NE(text.find("projectopslag"), std::string::npos) << text;
  EXPECT_NE(text.find("opslagproef"), std::string::npos) << "its theme in the legend: " << text;
  EXPECT_EQ(text.find("voorbeeldregister"), std::string::npos) << text;
}

}  // namespace
}  // namespace wijkatlas::server::test
