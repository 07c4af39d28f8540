// `wijkatlas ingest` of a scan, through the photo reader: a sheet printed by `wijkatlas sheet`,
// drawn on (a red filled block, a blue dot, black writing) and "scanned" flat. Checks the wiring
// (sheet, session, category, provenance, idempotence, privacy), not the reader's accuracy, which
// tests/sketch/photo/ measures.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "image_bombs.hpp"
#include "sheet_test_support.hpp"
#include "test_support.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::store::ProjectStore;
using wijkatlas::test::TempDir;

TEST(IngestPhoto, DrawnOnScanComesBackOnItsSheet) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  const auto pdf = dir / "blad.pdf";
  const CliRun printed = run_wijkatlas(
      {"sheet", "--centre", "9.5215,47.1405", "--crs", "EPSG:4326", "--basemap",
       wijkatlas::test::data_file("osm/liechtenstein-2013-08-03.osm.pbf").string(), "--session",
       "Blokgesprek Städtle", "--store", store.string(), "--no-date", "-o", pdf.string()});
  ASSERT_EQ(printed.code, 0) << printed.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(printed.out, m, std::regex("blad-id: ([0-9A-Z]{3}-[0-9A-Z]{3})")));
  const std::string id = m[1];
  const auto record = ProjectStore::open(store.string()).find_sheet(id);
  ASSERT_TRUE(record.has_value());
  const SheetInfo sheet = record->sheet;

  command_output("pdftoppm -r 150 -png -singlefile " + quoted(pdf) + " " + quoted(dir / "scan"));
  cv::Mat page = cv::imread((dir / "scan.png").string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(page.empty());
  // The sheet scanned before anyone drew on it: refused with the reason and not recorded, so
  // the drawn-on scan below is still read.
  const auto blank_scan = dir / "blad_leeg.png";
  cv::imwrite(blank_scan.string(), page);
  const CliRun undrawn = run_wijkatlas({"ingest", "--store", store.string(), blank_scan.string()});
  EXPECT_EQ(undrawn.code, 3);
  EXPECT_CONTAINS(undrawn.err, "no marks found on sheet " + id);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 0);

  const double px = 150 / 25.4;
  const auto at = [&](double x_mm, double y_mm) {
    return cv::Point(static_cast<int>((sheet.frame.x + x_mm) * px),
                     static_cast<int>((sheet.frame.y + y_mm) * px));
  };
  cv::rectangle(page, at(60, 60), at(100, 90), cv::Scalar(40, 40, 210),
                cv::FILLED);  // red marker, BGR
  cv::circle(page, at(180, 150), static_cast<int>(3 * px), cv::Scalar(200, 80, 30),
             cv::FILLED);  // blue dot
  cv::putText(page, "te druk!", at(120, 200), cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(20, 20, 20),
              4);  // black writing
  const auto scan = dir / "blad_scan.png";
  cv::imwrite(scan.string(), page);

  const CliRun r = run_wijkatlas({"ingest", "--store", store.string(), scan.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.out, "van blad " + id);
  EXPECT_GE(query_number(store, "SELECT COUNT(*) FROM sketches WHERE sheet_id = '" + id +
                                    "' AND category = 'probleem' AND kind = 'vlak' AND source = "
                                    "'scan' AND session = 'Blokgesprek Städtle'"),
            1);
  EXPECT_GE(query_number(store, "SELECT COUNT(*) FROM sketches WHERE category = 'idee'"), 1);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests WHERE photo IS NOT NULL"), 0)
      << "photos are not kept by default";
  const long long stored = query_number(store, "SELECT COUNT(*) FROM sketches");
  const CliRun again = run_wijkatlas({"ingest", "--store", store.string(), scan.string()});
  EXPECT_EQ(again.code, 0);
  EXPECT_CONTAINS(again.out, "al ingelezen");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), stored);

  // An image without a sheet: a clear message, input error, nothing stored.
  cv::Mat blank(1200, 1600, CV_8UC3, cv::Scalar(235, 235, 235));
  const auto wall = dir / "muur.png";
  cv::imwrite(wall.string(), blank);
  const CliRun none = run_wijkatlas({"ingest", "--store", store.string(), wall.string()});
  EXPECT_EQ(none.code, 3);
  EXPECT_CONTAINS(none.err, "muur.png");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 1);
}

// A 1.5 KB JPEG declaring 32,000 x 32,000 pixels: refused on its header at once, as bad input.
TEST(IngestPhoto, DecompressionBombIsRefusedAsBadInput) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  const auto bomb = dir / "foto.jpg";
  wijkatlas::test::write_bytes(bomb, wijkatlas::test::jpeg_declaring(32000, 32000));
  const CliRun r = run_wijkatlas({"ingest", "--store", store.string(), bomb.string()});
  EXPECT_EQ(r.code, 3);
  EXPECT_CONTAINS(r.err, "foto.jpg, reading the image: the image declares 32000 x 32000 pixels");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 0);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
