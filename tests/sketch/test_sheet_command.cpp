// `wijkatlas sheet` end to end: a real sheet on the real OSM extract is written as PDF, read by
// independent readers (pdfinfo, pdftotext), rasterised at 150 dpi like a flat scan, and its
// machine-readable parts are read back with zbar and OpenCV's ArUco detector.
#include <gtest/gtest.h>
#include <zbar.h>

#include <fstream>
#include <opencv2/aruco.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "sheet_test_support.hpp"
#include "test_support.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::store::ProjectStore;
using wijkatlas::test::TempDir;
constexpr double dpi = 150;
constexpr double px_per_mm = dpi / 25.4;

std::string sheet_id_in(const std::string& out) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("blad-id: ([0-9A-Z]{3}-[0-9A-Z]{3})"))) return "";
  return m[1];
}

std::vector<std::string> qr_codes(const cv::Mat& gray) {
  zbar::ImageScanner scanner;
  scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  zbar::Image image(static_cast<unsigned>(gray.cols), static_cast<unsigned>(gray.rows), "Y800",
                    gray.data, static_cast<unsigned long>(gray.total()));
  scanner.scan(image);
  std::vector<std::string> out;
  for (auto symbol = image.symbol_begin(); symbol != image.symbol_end(); ++symbol)
    out.push_back(symbol->get_data());
  image.set_data(nullptr, 0);
  return out;
}

TEST(SheetCommand, SheetOnRealOsmExtractReadsBack) {
  TempDir dir;
  const auto pdf = dir / "blad.pdf";
  const auto store = dir / "project.gpkg";
  const CliRun r = run_wijkatlas(
      {"sheet", "--centre", "9.5215,47.1405", "--crs", "EPSG:4326", "--scale", "2500", "--basemap",
       wijkatlas::test::data_file("osm/liechtenstein-2013-08-03.osm.pbf").string(), "--session",
       "Blokgesprek Städtle", "--store", store.string(), "--no-date", "-o", pdf.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string id = sheet_id_in(r.out);
  ASSERT_FALSE(id.empty()) << r.out;

  // The store knows the sheet, with the same description the QR code carries.
  ProjectStore project = ProjectStore::open(store.string());
  const auto record = project.find_sheet(id);
  ASSERT_TRUE(record.has_value());
  const SheetInfo& sheet = record->sheet;
  EXPECT_EQ(record->session, "Blokgesprek Städtle");
  EXPECT_DOUBLE_EQ(sheet.scale, 2500);
  EXPECT_EQ(sheet.paper, "A3");
  EXPECT_EQ(sheet.orientation, "landscape");

  const std::string info = command_output("pdfinfo " + quoted(pdf));
  EXPECT_CONTAINS(info, "1190.55 x 841.89 pts (A3)");
  const std::string text = command_output("pdftotext -layout " + quoted(pdf) + " -");
  for (const char* needle :
       {"rood = probleem", "groen = fijne plek", "blauw = idee / wens", "zwart = schrijven",
        "Sessie", "Datum", "Blokgesprek Städtle", "© OpenStreetMap-bijdragers", "Schaal 1:2.500"}) {
    EXPECT_CONTAINS(text, needle);
  }
  EXPECT_CONTAINS(text, "Blad " + id);
  EXPECT_CONTAINS(text, "Städtle");  // a street name of the base map
  // Landmarks: a townhall and a museum mapped as buildings, a supermarket and a pharmacy as points.
  for (const char* landmark :
       {"Rathaus Vaduz", "Kunstmuseum Liechtenstein", "Coop", "Schloss Apotheke"}) {
    EXPECT_CONTAINS(text, landmark);
  }

  command_output("pdftoppm -r 150 -png -singlefile " + quoted(pdf) + " " + quoted(dir / "blad"));
  const cv::Mat colour = cv::imread((dir / "blad.png").string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(colour.empty());
  EXPECT_NEAR(colour.cols, 420 * px_per_mm, 2);
  cv::Mat gray;
  cv::cvtColor(colour, gray, cv::COLOR_BGR2GRAY);

  const auto codes = qr_codes(gray);
  ASSERT_EQ(codes.size(), 1u) << "one QR code, readable at 150 dpi";
  EXPECT_EQ(codes.front(), encode_payload(sheet));
  EXPECT_EQ(decode_payload(codes.front()).id, id);

  std::vector<std::vector<cv::Point2f>> corners;
  std::vector<int> ids;
  cv::aruco::detectMarkers(gray, cv::aruco::getPredefinedDictionary(cv::aruco::DICT_4X4_50),
                           corners, ids);
  ASSERT_EQ(ids.size(), 8u) << "all eight fiducials found";
  const auto placements = marker_placements(sheet);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    ASSERT_GE(ids[i], 0);
    ASSERT_LT(ids[i], 8);
    cv::Point2f centre(0, 0);
    for (const auto& c : corners[i]) centre += c * 0.25f;
    const PageRect& square = placements[static_cast<std::size_t>(ids[i])].square;
    const double dx = centre.x / px_per_mm - (square.x + square.width / 2);
    const double dy = centre.y / px_per_mm - (square.y + square.height / 2);
    EXPECT_LT(std::hypot(dx, dy), 1.0) << "marker " << ids[i];
  }
  std::vector<int> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));

  // Inside the frame nothing is strongly coloured: only marker ink will be.
  const cv::Rect frame(static_cast<int>((sheet.frame.x + 1) * px_per_mm),
                       static_cast<int>((sheet.frame.y + 1) * px_per_mm),
                       static_cast<int>((sheet.frame.width - 2) * px_per_mm),
                       static_cast<int>((sheet.frame.height - 2) * px_per_mm));
  cv::Mat hsv;
  cv::cvtColor(colour(frame), hsv, cv::COLOR_BGR2HSV);
  std::vector<cv::Mat> channels;
  cv::split(hsv, channels);
  double max_saturation = 0;
  cv::minMaxLoc(channels[1], nullptr, &max_saturation);
  EXPECT_LT(max_saturation / 255.0, 0.25) << "base map saturation";
  const double mean_saturation = cv::mean(channels[1])[0] / 255.0;
  EXPECT_LT(mean_saturation, 0.05);
  // ...yet there is a base map: the frame is not blank.
  cv::Mat frame_gray = gray(frame);
  EXPECT_GT(cv::countNonZero(frame_gray < 235), frame.area() / 50);
}

// The real data directory without its osm/ folder: no extract, not even the bundled one.
std::filesystem::path data_dir_without_osm(const TempDir& dir) {
  const auto data = dir / "data";
  std::filesystem::create_directories(data);
  for (const auto& entry : std::filesystem::directory_iterator(wijkatlas::test::data_dir())) {
    if (entry.path().filename() != "osm")
      std::filesystem::create_directory_symlink(entry.path(), data / entry.path().filename());
  }
  return data;
}

TEST(SheetCommand, ArnhemSheetWithoutOsmDrawsBuurtenAndIsRecorded) {
  TempDir dir;
  const auto pdf = dir / "klarendal.pdf";
  const auto store = dir / "project.gpkg";
  const CliRun r = run_wijkatlas({"sheet", "--area", "Klarendal", "--paper", "A3", "--orientation",
                                  "portrait", "--store", store.string(), "--no-date", "--data-dir",
                                  data_dir_without_osm(dir).string(), "-o", pdf.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_CONTAINS(r.err, "no OSM extract");
  const std::string text = command_output("pdftotext " + quoted(pdf) + " -");
  EXPECT_CONTAINS(text, "Tekenblad Klarendal");
  EXPECT_CONTAINS(text, "Bron: CBS, Kadaster");
  EXPECT_CONTAINS(text, "Klarendal-Noord");
  // Landmarks from the real asset points: a station (OSM) and a school (DUO).
  EXPECT_CONTAINS(text, "Arnhem Velperpoort");
  EXPECT_CONTAINS(text, "Basisschool Kunst Rijk");
  EXPECT_CONTAINS(text, "DUO");
  const std::string info = command_output("pdfinfo " + quoted(pdf));
  EXPECT_CONTAINS(info, "841.89 x 1190.55 pts (A3)");
  ProjectStore project = ProjectStore::open(store.string());
  const auto record = project.find_sheet(sheet_id_in(r.out));
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->area, "Klarendal");
  EXPECT_EQ(record->sheet.orientation, "portrait");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sheets"), 1);
}

// Without a fetched extract, an Arnhem sheet has the bundled base map of 2021: its streets and
// its credit (prepared in the tests' cache directory, XDG_CACHE_HOME).
TEST(SheetCommand, ArnhemSheetHasTheBundledBaseMapOf2021) {
  TempDir dir;
  const auto pdf = dir / "klarendal.pdf";
  const CliRun r =
      run_wijkatlas({"sheet", "--area", "Klarendal", "--store", (dir / "project.gpkg").string(),
                     "--no-date", "-o", pdf.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("no OSM extract"), std::string::npos) << r.err;
  std::string text = command_output("pdftotext -raw " + quoted(pdf) + " -");
  std::erase_if(text,
                [](char c) { return c == ' ' || c == '\n'; });  // street names run along streets
  EXPECT_CONTAINS(text, "Klarendalseweg");
  EXPECT_CONTAINS(text, "©OpenStreetMap-bijdragers(2021)");
  EXPECT_CONTAINS(text, "Klarendal-Noord");  // the buurten over the base map
  EXPECT_CONTAINS(text, "CBS-grenzenvereenvoudigd;afwijkingtot~300m");
}

// On the bundled base map, a sheet's landmarks come from the extract and from the data
// directory's point tables: the playgrounds OSM left unnamed, and the DUO schools.
TEST(SheetCommand, ArnhemSheetLandmarksIncludeThePointTablesOfTheDataDirectory) {
  TempDir dir;
  const auto pdf = dir / "winkelcentrum.pdf";
  const CliRun r =
      run_wijkatlas({"sheet", "--centre", "193450,443850", "--store",
                     (dir / "project.gpkg").string(), "--no-date", "-o", pdf.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string text = command_output("pdftotext " + quoted(pdf) + " -");
  EXPECT_CONTAINS(text, "Huisartsenpraktijk Presikhaaf");
  EXPECT_CONTAINS(text, "speeltuin");
  EXPECT_CONTAINS(text, "Bron: DUO");
  EXPECT_CONTAINS(text, "© OpenStreetMap-bijdragers (2021)");
}

// --cache-dir says where the base map is prepared; one that cannot be made costs time, not the
// sheet.
TEST(SheetCommand, CacheDirHoldsThePreparedBaseMap) {
  TempDir dir;
  const auto sheet = [&](const std::filesystem::path& cache, const std::string& name) {
    return run_wijkatlas(
        {"sheet", "--centre", "9.5215,47.1405", "--crs", "EPSG:4326", "--basemap",
         wijkatlas::test::data_file("osm/liechtenstein-2013-08-03.osm.pbf").string(), "--store",
         (dir / "project.gpkg").string(), "--cache-dir", cache.string(), "-o",
         (dir / name).string()});
  };
  const CliRun r = sheet(dir / "cache", "a.pdf");
  ASSERT_EQ(r.code, 0) << r.err;
  std::size_t prepared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "cache"))
    prepared += entry.path().extension() == ".wbm";
  EXPECT_EQ(prepared, 1u);
  const auto blocker = dir / "a_file";
  std::ofstream(blocker) << "not a directory";
  const CliRun slow = sheet(blocker / "cache", "b.pdf");
  ASSERT_EQ(slow.code, 0) << slow.err;
  EXPECT_CONTAINS(slow.err, "slower");
  EXPECT_TRUE(std::filesystem::exists(dir / "b.pdf"));
}

TEST(SheetCommand, WrongOptionsAreUsageErrors) {
  TempDir dir;
  const std::string store = (dir / "p.gpkg").string();
  EXPECT_EQ(run_wijkatlas({"sheet", "--store", store, "-o", (dir / "a.pdf").string()}).code, 2);
  EXPECT_EQ(
      run_wijkatlas({"sheet", "--area", "Klarendal", "--centre", "191000,444000", "--store", store})
          .code,
      2);
  const CliRun unknown = run_wijkatlas(
      {"sheet", "--area", "Nergenshuizen", "--store", store, "-o", (dir / "b.pdf").string()});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_CONTAINS(unknown.err, "Nergenshuizen");
  EXPECT_EQ(run_wijkatlas(
                {"sheet", "--area", "Klarendal", "--store", store, "-o", (dir / "c.txt").string()})
                .code,
            2);
  EXPECT_EQ(run_wijkatlas({"sheet", "--area", "Klarendal", "--paper", "B5", "--store", store, "-o",
                           (dir / "d.pdf").string()})
                .code,
            2);
}

TEST(SheetCommand, LonLatWithoutCrsIsRefusedWithAHint) {
  TempDir dir;
  const CliRun r = run_wijkatlas({"sheet", "--centre", "5.93,51.99", "--store",
                                  (dir / "p.gpkg").string(), "-o", (dir / "a.pdf").string()});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_CONTAINS(r.err, "--crs EPSG:4326");
  EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir / "p.gpkg"))
      << "no store is made for a sheet that is not printed";
}

TEST(SheetCommand, LockedStoreStopsBeforeWriting) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  ProjectStore::create(store.string(), "npao");  // an existing store someone has open in QGIS
  const StoreLock lock(store);
  const CliRun r = run_wijkatlas(
      {"sheet", "--area", "Klarendal", "--store", store.string(), "-o", (dir / "k.pdf").string()});
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_CONTAINS(r.err, "locked");
  EXPECT_FALSE(std::filesystem::exists(dir / "k.pdf"));
}

}  // namespace
}  // namespace wijkatlas::sketch::test
