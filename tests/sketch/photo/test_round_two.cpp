// Round two end to end (issue 5): a session's drawings give spots, a planner sets their
// statuses, `wijkatlas sheet --previous` prints them in grey on a new sheet of the real OSM
// extract, residents draw new marks (some across the grey), and a scan and a simulated phone
// photo of it are read back: only the new ink comes back, nothing from the grey overlay.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/geometry.hpp>
#include <cstdlib>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "drawn_marks.hpp"
#include "mark_scoring.hpp"
#include "photo_simulation.hpp"
#include "sheet_test_support.hpp"
#include "test_support.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::test {
namespace {

using sketch::test::command_output;
using sketch::test::query_number;
using sketch::test::quoted;

constexpr int dpi = 200;
constexpr double px_per_mm = dpi / 25.4;
constexpr const char* first_session = "Ronde 1 Städtle";
constexpr const char* second_session = "Ronde 2 Städtle";

// Where the first session drew, in the 300 x 200 frame units of standard_marks(): A and B where
// the new marks leave paper free, C under the new red area at (45, 40).
struct EarlierSpot {
  sketch::InkCategory category;
  cv::Point2d centre;
  double rx, ry;
  std::vector<int> sheets;  // which of the three first-round sheets marked it
};
const std::vector<EarlierSpot> earlier{
    {sketch::InkCategory::probleem, {85, 140}, 16, 10, {0, 1, 2}},  // A: P01, nothing new drawn
    {sketch::InkCategory::fijne_plek, {58, 46}, 14, 9, {0, 2}},     // C: P02, new red ink across it
    {sketch::InkCategory::idee, {205, 85}, 14, 10, {0, 1}},         // B: P03, nothing new drawn
};

std::vector<std::string> args(const std::filesystem::path& store, const std::string& session,
                              const std::filesystem::path& pdf) {
  return {"sheet",        "--centre",  "9.5215,47.1405",
          "--crs",        "EPSG:4326", "--scale",
          "2500",         "--basemap", data_file("osm/liechtenstein-2013-08-03.osm.pbf").string(),
          "--session",    session,     "--store",
          store.string(), "--no-date", "-o",
          pdf.string()};
}

std::string sheet_id(const CliRun& r) {
  std::smatch m;
  if (!std::regex_search(r.out, m, std::regex("blad-id: ([0-9A-Z]{3}-[0-9A-Z]{3})")))
    throw std::runtime_error("no sheet id in: " + r.out);
  return m[1];
}

cv::Point2d frame_mm(const sketch::SheetInfo& s, cv::Point2d unit) {
  return {s.frame.x + unit.x * s.frame.width / 300, s.frame.y + unit.y * s.frame.height / 200};
}

geo::MultiPolygon ellipse_rd(const sketch::SheetInfo& s, cv::Point2d centre, double rx, double ry) {
  geo::Polygon p;
  const cv::Point2d c = frame_mm(s, centre);
  for (int i = 0; i <= 32; ++i) {
    const double a = 2 * M_PI * (i % 32) / 32;
    p.outer().push_back(sketch::page_to_world(s, c.x + rx * std::cos(a), c.y + ry * std::sin(a)));
  }
  boost::geometry::correct(p);
  return {p};
}

cv::Mat rasterise(const std::filesystem::path& pdf, const std::filesystem::path& stem) {
  command_output("pdftoppm -r " + std::to_string(dpi) + " -png -singlefile " + quoted(pdf) + " " +
                 quoted(stem));
  return cv::imread(stem.string() + ".png", cv::IMREAD_COLOR);
}

// Share of dark-ish pixels (grey < 200) inside an ellipse on the page.
double ink_share(const cv::Mat& page, const sketch::SheetInfo& s, const EarlierSpot& e) {
  cv::Mat mask(page.size(), CV_8U, cv::Scalar(0));
  const cv::Point2d c = frame_mm(s, e.centre) * px_per_mm;
  cv::ellipse(
      mask, cv::Point(c),
      cv::Size(static_cast<int>(e.rx * px_per_mm * 0.8), static_cast<int>(e.ry * px_per_mm * 0.8)),
      0, 0, 360, cv::Scalar(255), cv::FILLED);
  cv::Mat grey;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  const cv::Mat dark = (grey < 200) & mask;
  return static_cast<double>(cv::countNonZero(dark)) / cv::countNonZero(mask);
}

std::string one_line(std::string text) {
  text = std::regex_replace(text, std::regex("\\s+"), " ");
  return text;
}

struct RoundTwo {
  TempDir dir;
  std::filesystem::path store = dir / "project.gpkg";
  sketch::SheetInfo first, second;
  std::vector<sketch::SpotRecord> spots;
  std::string text;  // pdftotext of the round-two sheet
  std::string previous_session;
  cv::Mat first_page, second_page, drawn_page;
  std::vector<DrawnMark> marks;

  RoundTwo() {
    // Round one: one printed sheet and two more copies of it, drawn on digitally.
    const CliRun r1 = run_wijkatlas(args(store, first_session, dir / "ronde1.pdf"));
    if (r1.code != 0) throw std::runtime_error(r1.err);
    {
      store::ProjectStore s = store::ProjectStore::open(store.string());
      first = s.find_sheet(sheet_id(r1))->sheet;
      std::vector<sketch::SheetInfo> sheets{first, first, first};
      for (int i = 1; i < 3; ++i) {
        sheets[static_cast<std::size_t>(i)].id = sketch::new_sheet_id();
        s.record_sheet({sheets[static_cast<std::size_t>(i)], "", first_session, ""});
      }
      for (int i = 0; i < 3; ++i) {
        store::IngestBatch b;
        b.file_name = "ronde1_" + std::to_string(i) + ".geojson";
        b.content_sha256 =
            std::to_string(i) + std::string(63, 'a');  // ingest ids are its first 12 digits
        b.sheet = sheets[static_cast<std::size_t>(i)];
        b.session = first_session;
        for (const EarlierSpot& e : earlier) {
          if (std::find(e.sheets.begin(), e.sheets.end(), i) == e.sheets.end()) continue;
          // Each resident drew the place a little differently.
          const geo::MultiPolygon shape =
              ellipse_rd(first, e.centre + cv::Point2d(i - 1.0, 0.5 * (i - 1)), e.rx, e.ry);
          b.marks.push_back({e.category,
                             sketch::MarkKind::area,
                             shape,
                             boost::geometry::area(shape),
                             0,
                             1,
                             {},
                             {}});
        }
        s.ingest(b);
      }
    }
    const auto status = [&](std::vector<std::string> a) {
      a.insert(a.begin(), {"status", "--store", store.string()});
      const CliRun r = run_wijkatlas(a);
      if (r.code != 0) throw std::runtime_error(r.err);
    };
    status({"--session", first_session});
    // An initiative in the registry, beside spot A.
    const cv::Point2d at = frame_mm(first, {118, 152});
    const geo::Point where = sketch::page_to_world(first, at.x, at.y);
    const auto registry = dir.write(
        "register.geojson",
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
"features":[{"type":"Feature","properties":{"id":"LI-001","naam":"Buurtlicht Städtle","thema":"veiligheid","status":"lopend"},
"geometry":{"type":"Point","coordinates":[)" +
            std::to_string(where.x()) + "," + std::to_string(where.y()) + "]}}]}");
    status({"--set", "ronde-1-stadtle-P01", "opgepakt", "--note", "extra lantaarnpalen",
            "--initiative", "Buurtlicht", "--registry", registry.string()});
    status({"--set", "ronde-1-stadtle-P02", "in behandeling", "--note", "gesprek met de eigenaar"});
    status({"--set", "ronde-1-stadtle-P03", "geen actie", "--note", "valt buiten het programma"});

    // Round two: the new sheet shows the first session in grey.
    std::vector<std::string> a2 = args(store, second_session, dir / "ronde2.pdf");
    a2.insert(a2.end(), {"--previous", first_session});
    const CliRun r2 = run_wijkatlas(a2);
    if (r2.code != 0) throw std::runtime_error(r2.err);
    {
      store::ProjectStore s = store::ProjectStore::open(store.string());
      const auto record = s.find_sheet(sheet_id(r2));
      second = record->sheet;
      previous_session = record->previous_session;
      spots = s.spots(first_session);
    }
    text = one_line(command_output("pdftotext " + quoted(dir / "ronde2.pdf") + " -"));
    first_page = rasterise(dir / "ronde1.pdf", dir / "ronde1");
    second_page = rasterise(dir / "ronde2.pdf", dir / "ronde2");
    drawn_page = second_page.clone();
    marks = standard_marks(second);
    draw_marks(drawn_page, px_per_mm, marks);
    draw_handwriting(drawn_page, px_per_mm, second);
    if (const char* keep = std::getenv("WIJKATLAS_PHOTO_DEBUG")) {  // to look at the sheet
      std::filesystem::copy_file(dir / "ronde2.pdf", std::filesystem::path(keep) / "ronde2.pdf",
                                 std::filesystem::copy_options::overwrite_existing);
      cv::imwrite((std::filesystem::path(keep) / "ronde2_getekend.png").string(), drawn_page);
    }
  }
};

const RoundTwo& round_two() {
  static const RoundTwo r;
  return r;
}

void check_only_new_ink(const std::filesystem::path& photo, double min_iou) {
  const RoundTwo& d = round_two();
  const sketch::PhotoReading r = sketch::read_sheet_photo(photo);
  EXPECT_EQ(r.sheet.id, d.second.id);
  const Score s = score(d.marks, r.marks, sketch::metres_per_mm(d.second));
  SCOPED_TRACE(s.report());
  EXPECT_EQ(r.marks.size(), d.marks.size()) << "exactly the new marks";
  for (const MarkScore& m : s.marks) {
    ASSERT_GE(m.read_index, 0) << "new mark #" << m.truth_index
                               << " not read with its colour and kind";
    if (d.marks[m.truth_index].kind != sketch::MarkKind::point) {
      EXPECT_GE(m.iou, min_iou) << "new mark #" << m.truth_index;
    }
  }
  EXPECT_EQ(s.unmatched_read, 0)
      << "nothing read from the grey overlay, its labels or the base map";
  EXPECT_LE(s.rms_m, 1.5);
  // Where nothing new was drawn (spots P01 and P03), nothing is read at all.
  for (const sketch::SpotRecord& spot : d.spots) {
    if (sketch::to_string(spot.category) == "fijne_plek")
      continue;  // P02 lies under the new red area
    for (const sketch::InkMark& m : r.marks) {
      std::visit(
          [&](const auto& g) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(g)>, std::monostate>) {
              EXPECT_FALSE(boost::geometry::intersects(g, spot.geometry))
                  << sketch::to_string(m.category) << " mark read inside spot " << spot.id
                  << " where nothing new was drawn";
            }
          },
          m.geometry);
    }
  }
  std::cout << "[ round 2  ] " << photo.filename().string() << ": " << r.marks.size()
            << " marks, min IoU " << s.min_iou << ", RMS " << s.rms_m << " m\n";
}

TEST(RoundTwo, SpotsOfTheFirstSessionCarryTheirStatus) {
  const RoundTwo& d = round_two();
  ASSERT_EQ(d.spots.size(), 3u);
  EXPECT_EQ(d.spots[0].id, "ronde-1-stadtle-P01");
  EXPECT_EQ(sketch::to_string(d.spots[0].category), "probleem");
  EXPECT_EQ(d.spots[0].n, 3);
  EXPECT_EQ(d.spots[0].N, 3);
  EXPECT_EQ(d.spots[0].status.status, sketch::Status::opgepakt);
  ASSERT_TRUE(d.spots[0].status.initiative.has_value());
  EXPECT_EQ(d.spots[0].status.initiative->id, "LI-001");
  EXPECT_EQ(sketch::to_string(d.spots[1].category), "fijne_plek");
  EXPECT_EQ(sketch::to_string(d.spots[2].category), "idee");
  EXPECT_EQ(d.previous_session, first_session) << "the sheet record says which session it shows";
  EXPECT_EQ(d.second.frame.width, d.first.frame.width) << "the same layout as a first-round sheet";
}

TEST(RoundTwo, KeyAndLabelsArePrintedAsText) {
  const std::string& t = round_two().text;
  EXPECT_NE(t.find("Vorige keer"), std::string::npos) << t;
  EXPECT_NE(t.find("grijs: wat u vorige keer tekende, met wat ermee gedaan is"), std::string::npos)
      << t;
  EXPECT_NE(t.find("Vorige sessie: Ronde 1 Städtle (3 plekken, elk op minstens 2 bladen getekend)"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("P01 probleem · opgepakt"), std::string::npos) << t;
  EXPECT_NE(t.find("P02 fijne plek · in behandeling"), std::string::npos) << t;
  EXPECT_NE(t.find("P03 idee · geen actie"), std::string::npos) << t;
  EXPECT_NE(t.find("extra lantaarnpalen"), std::string::npos) << t;
  EXPECT_NE(t.find("Buurtlicht Städtle"), std::string::npos) << t;
  EXPECT_NE(t.find("Teken met stift"), std::string::npos) << "the marker key is still there";
}

TEST(RoundTwo, OverlayIsVisibleYetWithoutColour) {
  const RoundTwo& d = round_two();
  // The hatching darkens the spots compared with the same place on the first-round sheet.
  for (const EarlierSpot& e : earlier) {
    EXPECT_GT(ink_share(d.second_page, d.second, e), ink_share(d.first_page, d.first, e) + 0.05)
        << "spot at (" << e.centre.x << ", " << e.centre.y << ") not printed";
  }
  // Inside the frame nothing is saturated: the same bound the plain sheet keeps.
  const sketch::SheetInfo& s = d.second;
  const cv::Rect frame(static_cast<int>(s.frame.x * px_per_mm) + 4,
                       static_cast<int>(s.frame.y * px_per_mm) + 4,
                       static_cast<int>(s.frame.width * px_per_mm) - 8,
                       static_cast<int>(s.frame.height * px_per_mm) - 8);
  cv::Mat hsv;
  cv::cvtColor(d.second_page(frame), hsv, cv::COLOR_BGR2HSV);
  std::vector<cv::Mat> channels;
  cv::split(hsv, channels);
  double max_saturation = 0;
  cv::minMaxLoc(channels[1], nullptr, &max_saturation);
  EXPECT_LT(max_saturation / 255.0, 0.25);
}

TEST(RoundTwo, FlatScanYieldsOnlyTheNewInk) {
  TempDir dir;
  check_only_new_ink(write_photo(round_two().drawn_page, dir.path(), "ronde2_scan", 0), 0.9);
}

TEST(RoundTwo, PhonePhotoYieldsOnlyTheNewInkAndIngestStoresOnlyThat) {
  const RoundTwo& d = round_two();
  TempDir dir;
  const PhotoParams p = upright_phone_photo("ronde2_foto");
  const auto photo =
      write_photo(simulate_photo(d.drawn_page, p), dir.path(), p.name, p.jpeg_quality);
  check_only_new_ink(photo, 0.85);

  const auto store = dir / "project.gpkg";
  std::filesystem::copy_file(d.store, store);
  const long long first_round = query_number(store, "SELECT COUNT(*) FROM sketches");
  const CliRun r = run_wijkatlas({"ingest", "--store", store.string(), photo.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches WHERE session = '" +
                                    std::string(second_session) + "'"),
            static_cast<long long>(d.marks.size()));
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"),
            first_round + static_cast<long long>(d.marks.size()));
}

}  // namespace
}  // namespace wijkatlas::test
