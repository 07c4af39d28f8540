// `wijkatlas status` (round two) on a store written before round two
// (tests/fixtures/store_v1; format 2 made from tests/fixtures/store_v3): the upgrade in place,
// spots made from the session's overlap with
// known areas and counts, statuses set and listed, statuses kept when spots are made again, and
// every bad input refused with a clear message and nothing written.
#include <gtest/gtest.h>

#include "sheet_test_support.hpp"
#include "test_support.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::test::source_file;
using wijkatlas::test::TempDir;

constexpr const char* session = "Blokgesprek Hommelstraat";

// A copy of the format-1 store: three sheets of one session with eight sketches.
std::filesystem::path v1_store(const TempDir& dir) {
  const auto store = dir / "project.gpkg";
  std::filesystem::copy_file(source_file("tests/fixtures/store_v1/project_v1.gpkg"), store);
  return store;
}

long long has_column(const std::filesystem::path& store, const std::string& table,
                     const std::string& column) {
  return query_number(store, "SELECT COUNT(*) FROM pragma_table_info('" + table +
                                 "') WHERE name = '" + column + "'");
}

CliRun status(const std::filesystem::path& store, std::vector<std::string> args) {
  args.insert(args.begin(), {"status", "--store", store.string()});
  return run_wijkatlas(std::move(args));
}

TEST(StatusCommand, HelpNamesTheVocabularyAndTheOptions) {
  const CliRun top = run_wijkatlas({"--help"});
  EXPECT_CONTAINS(top.out, "status");
  const CliRun r = run_wijkatlas({"status", "--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* word : {"nieuw, in behandeling, opgepakt, geen actie", "--set", "--note",
                           "--initiative", "--sketches", "--remake-spots", "--min-n"}) {
    EXPECT_CONTAINS(r.out, word);
  }
  EXPECT_CONTAINS(run_wijkatlas({"sheet", "--help"}).out, "--previous");
}

TEST(StatusCommand, FormatOneStoreIsUpgradedInPlaceKeepingEveryRow) {
  TempDir dir;
  const auto store = v1_store(dir);
  ASSERT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "1");
  ASSERT_EQ(has_column(store, "sheets", "vorige_sessie"), 0);
  const long long sketches = query_number(store, "SELECT COUNT(*) FROM sketches");
  ASSERT_EQ(sketches, 8);

  const CliRun r = status(store, {});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, std::string(session) + ": 8 schetsen, plekken nog niet gemaakt");
  EXPECT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "6");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), sketches);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sheets"), 3);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 3);
  EXPECT_EQ(has_column(store, "sheets", "previous_session"), 1);
  EXPECT_EQ(has_column(store, "sketches", "status"), 1);
  EXPECT_EQ(has_column(store, "spots", "min_n"), 1);
  EXPECT_EQ(
      query_number(
          store,
          "SELECT COUNT(*) FROM gpkg_contents WHERE table_name IN ('spots', 'status_changes')"),
      2);
  // The upgraded store still serves the commands that read it.
  const CliRun overlap =
      run_wijkatlas({"overlap", "--store", store.string(), "--session", session, "--density-sigma",
                     "0", "-o", (dir / "overlap.gpkg").string()});
  EXPECT_EQ(overlap.code, 0) << overlap.err;
  EXPECT_CONTAINS(overlap.out, "3 tekeningen (4 schetsen, categorie probleem)");
}

TEST(StatusCommand, AFailedUpgradeLeavesTheStoreAsItWas) {
  TempDir dir;
  const auto store = v1_store(dir);
  // A table of that name made by hand (in QGIS, say): creating plekken fails half-way.
  execute_sql(store, "CREATE TABLE plekken (x TEXT)");
  const CliRun r = status(store, {});
  EXPECT_EQ(r.code, 4);
  EXPECT_CONTAINS(r.err, "cannot upgrade the store from format 1 to 6 (it is left unchanged)");
  EXPECT_CONTAINS(r.err, "plekken");
  EXPECT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "1");
  EXPECT_EQ(has_column(store, "sheets", "vorige_sessie"), 0)
      << "the columns added before the failure are rolled back";
  EXPECT_EQ(has_column(store, "sketches", "status"), 0);
}

TEST(StatusCommand, FormatTwoStoreGainsTheSpotsThreshold) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  std::filesystem::copy_file(source_file("tests/fixtures/store_v3/project_v3.gpkg"), store);
  // Back to format 2 as an older wijkatlas left it: spots without their --min-n.
  execute_sql(store,
              "ALTER TABLE plekken DROP COLUMN min_n; "
              "UPDATE wijkatlas_project SET value = '2' WHERE key = 'format_version'");
  ASSERT_EQ(has_column(store, "plekken", "min_n"), 0);

  const CliRun r = status(store, {"--session", session});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            "6");
  EXPECT_EQ(has_column(store, "spots", "min_n"), 1);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE min_n IS NULL"), 3)
      << "the spots stay, threshold unknown";
  EXPECT_CONTAINS(r.out, "sessie 'Blokgesprek Hommelstraat': 3 plekken\n");
  // Made again, they record it.
  ASSERT_EQ(status(store, {"--session", session, "--remake-spots", "--min-n", "3"}).code, 0);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE min_n = 3"), 1);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots"), 1)
      << "only the place all three sheets marked";
}

TEST(StatusCommand, SpotsOfASessionHaveKnownCountsAndAreas) {
  TempDir dir;
  const auto store = v1_store(dir);
  const CliRun r = status(store, {"--session", session});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "3 plekken (gemaakt met --min-n 2)");
  EXPECT_EQ((r.out + r.err).find("method"), std::string::npos)
      << "how overlap chose its method is overlap's to say, not once per category here";
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE min_n = 2"), 3)
      << "the threshold is recorded";
  // Three 80 m squares, 10 m apart: where at least two overlap is 6,200 m2, marked by all three.
  EXPECT_EQ(query_number(store, "SELECT n FROM spots WHERE id = 'blokgesprek-hommelstraat-P01'"),
            3);
  EXPECT_EQ(
      query_text(
          store,
          "SELECT category || ' ' || n_label FROM spots WHERE id = 'blokgesprek-hommelstraat-P01'"),
      "probleem 3 van 3");
  EXPECT_NEAR(std::stod(query_text(
                  store, "SELECT area_m2 FROM spots WHERE id = 'blokgesprek-hommelstraat-P01'")),
              6200, 0.01);
  EXPECT_EQ(
      query_text(
          store,
          "SELECT category || ' ' || n_label || ' ' || CAST(ROUND(area_m2) AS INT) FROM spots "
          "WHERE id = 'blokgesprek-hommelstraat-P02'"),
      "fijne_plek 2 van 2 3600");
  EXPECT_EQ(
      query_text(
          store,
          "SELECT category || ' ' || n_label || ' ' || CAST(ROUND(area_m2) AS INT) FROM spots "
          "WHERE id = 'blokgesprek-hommelstraat-P03'"),
      "idee 2 van 2 2500");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE status = 'nieuw'"), 3);
  // Listing again reads the same spots; nothing is made twice.
  const CliRun again = status(store, {"--session", session});
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.err.find("spots made"), std::string::npos) << again.err;
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots"), 3);
}

TEST(StatusCommand, SetAndListRoundTrip) {
  TempDir dir;
  const auto store = v1_store(dir);
  ASSERT_EQ(status(store, {"--session", session}).code, 0);
  const CliRun set =
      status(store, {"--set", "blokgesprek-hommelstraat-P01", "opgepakt", "--note",
                     "Lantaarnpalen geplaatst", "--initiative", "VB-003", "--by", "planner Oost"});
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_CONTAINS(set.out, "opgepakt");
  EXPECT_CONTAINS(set.out, "Speelstraat in de zomer (voorbeeld)");
  // Case does not matter in typed ids; the status word may be typed with an underscore.
  const CliRun typed = status(store, {"--set", "BLOKGESPREK-HOMMELSTRAAT-p02", "in_behandeling",
                                      "--initiative", "moestuin"});
  ASSERT_EQ(typed.code, 0) << typed.err;
  EXPECT_CONTAINS(typed.out, "status van plek blokgesprek-hommelstraat-P02: in behandeling");
  ASSERT_EQ(status(store, {"--set", "S6", "geen actie", "--note", "buiten het programma"}).code, 0);

  EXPECT_EQ(query_text(store,
                       "SELECT status || '|' || status_note || '|' || status_initiative_id || '|' "
                       "|| status_by FROM spots "
                       "WHERE id = 'blokgesprek-hommelstraat-P01'"),
            "opgepakt|Lantaarnpalen geplaatst|VB-003|planner Oost");
  EXPECT_GT(query_number(store,
                         "SELECT CAST(status_initiative_x AS INT) FROM spots WHERE id = "
                         "'blokgesprek-hommelstraat-P01'"),
            180000)
      << "the initiative's place (RD) is kept to draw it on the next sheet";
  EXPECT_EQ(query_text(
                store,
                "SELECT status_initiative_id FROM spots WHERE id = 'blokgesprek-hommelstraat-P02'"),
            "VB-001");
  EXPECT_EQ(query_text(store, "SELECT status || '|' || status_note FROM sketches WHERE fid = 6"),
            "geen actie|buiten het programma");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM status_changes"), 3);
  EXPECT_FALSE(
      query_text(store, "SELECT changed_at FROM status_changes WHERE target_id = 'S6'").empty());

  const CliRun spots = status(store, {"--session", session});
  ASSERT_EQ(spots.code, 0);
  EXPECT_CONTAINS(spots.out,
                  "opgepakt        Lantaarnpalen geplaatst · VB-003 Speelstraat in de zomer "
                  "(voorbeeld) · planner Oost");
  EXPECT_CONTAINS(spots.out, "in behandeling  VB-001 Buurtmoestuin Geitenkamp (voorbeeld)");
  const CliRun sketches = status(store, {"--session", session, "--sketches"});
  ASSERT_EQ(sketches.code, 0);
  EXPECT_CONTAINS(sketches.out,
                  "S6      GG7-W84   probleem    vlak   geen actie      buiten het programma");
  const CliRun sessions = status(store, {});
  EXPECT_CONTAINS(sessions.out, "3 plekken (1 in behandeling, 1 nieuw, 1 opgepakt)");

  // A note and a link are kept unless given; "" removes them.
  ASSERT_EQ(status(store, {"--set", "blokgesprek-hommelstraat-P01", "opgepakt", "--note", ""}).code,
            0);
  EXPECT_EQ(query_text(store,
                       "SELECT status_note || '|' || status_initiative_id FROM spots WHERE id = "
                       "'blokgesprek-hommelstraat-P01'"),
            "|VB-003");
  ASSERT_EQ(
      status(store, {"--set", "blokgesprek-hommelstraat-P01", "nieuw", "--initiative", ""}).code,
      0);
  EXPECT_EQ(
      query_number(
          store,
          "SELECT COUNT(*) FROM spots WHERE status_initiative_id IS NOT NULL AND id LIKE '%P01'"),
      0);
}

TEST(StatusCommand, SpotsMadeAgainKeepTheirStatuses) {
  TempDir dir;
  const auto store = v1_store(dir);
  ASSERT_EQ(status(store, {"--session", session}).code, 0);
  ASSERT_EQ(status(store, {"--set", "blokgesprek-hommelstraat-P02", "in behandeling"}).code, 0);
  // With --min-n 1 the single square of sheet 2 is a spot too; the fijne plek moves to P03.
  const CliRun r = status(store, {"--session", session, "--min-n", "1", "--remake-spots"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots"), 4);
  EXPECT_NEAR(std::stod(query_text(
                  store, "SELECT area_m2 FROM spots WHERE id = 'blokgesprek-hommelstraat-P01'")),
              9400, 0.01)
      << "the union of the three squares";
  EXPECT_EQ(
      query_text(
          store,
          "SELECT category || ' ' || status FROM spots WHERE id = 'blokgesprek-hommelstraat-P03'"),
      "fijne_plek in behandeling");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE status = 'in behandeling'"), 1);
}

TEST(StatusCommand, BadInputIsRefusedAndNothingIsWritten) {
  TempDir dir;
  const auto store = v1_store(dir);
  ASSERT_EQ(status(store, {"--session", session}).code, 0);
  const auto changes = [&] { return query_number(store, "SELECT COUNT(*) FROM status_changes"); };

  const CliRun word = status(store, {"--set", "blokgesprek-hommelstraat-P01", "klaar"});
  EXPECT_EQ(word.code, 2);
  EXPECT_CONTAINS(word.err,
                  "unknown status 'klaar' (use nieuw, in behandeling, opgepakt, geen actie)");

  const CliRun id = status(store, {"--set", "tafel-P09", "opgepakt"});
  EXPECT_EQ(id.code, 3);
  EXPECT_CONTAINS(id.err, "no spot or sketch with id 'tafel-P09'");
  const CliRun sketch = status(store, {"--set", "S99", "opgepakt"});
  EXPECT_EQ(sketch.code, 3);
  EXPECT_CONTAINS(sketch.err, "no sketch S99");

  const CliRun unknown_session = status(store, {"--session", "Tafel Klarendal"});
  EXPECT_EQ(unknown_session.code, 3);
  EXPECT_CONTAINS(unknown_session.err,
                  "no drawings of session 'Tafel Klarendal' in this store (sessions: 'Blokgesprek "
                  "Hommelstraat')");

  const CliRun initiative = status(
      store, {"--set", "blokgesprek-hommelstraat-P01", "opgepakt", "--initiative", "Zwembad"});
  EXPECT_EQ(initiative.code, 3);
  EXPECT_CONTAINS(initiative.err, "initiatieven_arnhem_oost.csv");
  EXPECT_CONTAINS(initiative.err, "no initiative 'Zwembad'");
  const CliRun several = status(
      store, {"--set", "blokgesprek-hommelstraat-P01", "opgepakt", "--initiative", "voorbeeld"});
  EXPECT_EQ(several.code, 3);
  EXPECT_CONTAINS(several.err, "give its id");

  EXPECT_EQ(status(store, {"--set", "blokgesprek-hommelstraat-P01"}).code, 2)
      << "--set needs ID and STATUS";
  EXPECT_EQ(status(store, {"--note", "iets"}).code, 2) << "--note without --set";
  const CliRun min_n = status(store, {"--session", session, "--min-n", "3"});
  EXPECT_EQ(min_n.code, 2) << "spots exist: a new --min-n needs --remake-spots";
  EXPECT_CONTAINS(min_n.err, "add --remake-spots");
  EXPECT_EQ(changes(), 0);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots WHERE status <> 'nieuw'"), 0);

  const CliRun missing = run_wijkatlas({"status", "--store", (dir / "nergens.gpkg").string()});
  EXPECT_EQ(missing.code, 3);
  EXPECT_CONTAINS(missing.err, "no project store here");
  EXPECT_FALSE(std::filesystem::exists(dir / "nergens.gpkg")) << "listing creates no store";
}

TEST(StatusCommand, SheetWithThePreviousSessionMakesItsSpotsAndRecordsIt) {
  TempDir dir;
  const auto store = v1_store(dir);
  const auto pdf = dir / "ronde2.pdf";
  const CliRun r =
      run_wijkatlas({"sheet", "--centre", "191950,444700", "--session", "Ronde twee", "--previous",
                     session, "--store", store.string(), "--no-date", "-o", pdf.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "met de plekken van sessie 'Blokgesprek Hommelstraat' in grijs");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots"), 3) << "spots made for the sheet";
  EXPECT_EQ(query_text(store, "SELECT previous_session FROM sheets WHERE session = 'Ronde twee'"),
            session);
  const std::string text = command_output("pdftotext " + quoted(pdf) + " -");
  EXPECT_CONTAINS(text, "P01 probleem · nog open");
  EXPECT_CONTAINS(text, "Vorige keer");
}

TEST(StatusCommand, SheetWithAnUnknownPreviousSessionIsRefusedBeforeWriting) {
  TempDir dir;
  const auto store = v1_store(dir);
  const auto pdf = dir / "ronde2.pdf";
  const CliRun r =
      run_wijkatlas({"sheet", "--centre", "191950,444700", "--previous", "Tafel Klarendal",
                     "--store", store.string(), "--no-date", "-o", pdf.string()});
  EXPECT_EQ(r.code, 3);
  EXPECT_CONTAINS(r.err,
                  "no drawings of session 'Tafel Klarendal' in this store (sessions: 'Blokgesprek "
                  "Hommelstraat')");
  EXPECT_FALSE(std::filesystem::exists(pdf));
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sheets"), 3) << "no sheet recorded";
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM spots"), 0);
}

}  // namespace
}  // namespace wijkatlas::sketch::test

namespace wijkatlas::sketch::test {
namespace {

// No lost updates on the command line: a change based on a version that is no longer the
// row's is refused with exit 5 and a message saying who changed what; `store log` lists what
// changed since a session or a date, in Dutch.
TEST(StatusCommand, AChangeBasedOnAnOldVersionExitsFiveAndStoreLogListsTheChanges) {
  TempDir dir;
  const auto store = v1_store(dir);
  ASSERT_EQ(status(store, {"--session", session, "--sketches"}).code, 0);
  const CliRun listed = status(store, {"--session", session, "--sketches"});
  EXPECT_CONTAINS(listed.out, "(versie 1)");
  const CliRun first = status(store, {"--set", "S6", "opgepakt", "--based-on", "1", "--by",
                                      "planner Oost", "--note", "gemeld"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_CONTAINS(first.out, "nu versie 2");
  const CliRun second =
      status(store, {"--set", "S6", "geen actie", "--based-on", "1", "--by", "wijkplatform"});
  EXPECT_EQ(second.code, 5) << second.err;
  EXPECT_CONTAINS(second.err, "schets S6: it changed since version 1 was read: now version 2");
  EXPECT_CONTAINS(second.err, "by planner Oost (status 'nieuw' -> 'opgepakt'");
  EXPECT_CONTAINS(second.err, "'wijkatlas status --session SESSIE' shows it as it is now");
  EXPECT_EQ(query_text(store, "SELECT status FROM sketches WHERE number = 6"), "opgepakt");
  EXPECT_EQ(status(store, {"--based-on", "1"}).code, 2) << "--based-on goes with --set";

  const CliRun log =
      run_wijkatlas({"store", "log", "--since", "2000-01-01", "--store", store.string()});
  ASSERT_EQ(log.code, 0) << log.err;
  EXPECT_CONTAINS(log.out, "sinds 2000-01-01");
  EXPECT_CONTAINS(log.out, " planner Oost: schets S6: status 'nieuw' -> 'opgepakt'");
  EXPECT_CONTAINS(log.out, " planner Oost: schets S6: notitie (leeg) -> 'gemeld'");
  const CliRun since_session =
      run_wijkatlas({"store", "log", "--since", "planner Oost", "--store", store.string()});
  ASSERT_EQ(since_session.code, 0) << since_session.err;
  EXPECT_CONTAINS(since_session.out, "geen wijzigingen sinds sessie 'planner Oost'");
  const CliRun unknown =
      run_wijkatlas({"store", "log", "--since", "Tafel 99", "--store", store.string()});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_CONTAINS(unknown.err, "--since: no session 'Tafel 99' in this store");
  EXPECT_EQ(run_wijkatlas({"store", "log", "--store", store.string()}).code, 2);
}

TEST(StatusCommand, StoreInitMakesANewStoreAndNeverOverAnOldOne) {
  TempDir dir;
  const auto store = dir / "nieuw.gpkg";
  const CliRun made = run_wijkatlas({"store", "init", "--store", store.string()});
  ASSERT_EQ(made.code, 0) << made.err;
  EXPECT_CONTAINS(made.out,
                  "projectstore gemaakt: " + store.string() + " (project 'npao', formaat 6)");
  EXPECT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'project'"), "npao");
  const CliRun again =
      run_wijkatlas({"store", "init", "--store", store.string(), "--project", "ander"});
  EXPECT_EQ(again.code, 4) << again.err;
  EXPECT_EQ(query_text(store, "SELECT value FROM wijkatlas_project WHERE key = 'project'"), "npao")
      << "the existing store is left as it was";
  const CliRun log =
      run_wijkatlas({"store", "log", "--since", "2000-01-01", "--store", store.string()});
  EXPECT_EQ(log.code, 0) << log.err;
  EXPECT_CONTAINS(log.out, "geen wijzigingen sinds 2000-01-01");
}

}  // namespace
}  // namespace wijkatlas::sketch::test
