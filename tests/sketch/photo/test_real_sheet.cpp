// End to end on a real sheet: `wijkatlas sheet` renders an A3 1:2,500 sheet on the real OSM
// extract, pdftoppm rasterises it, marks and black writing are drawn on it, and scans and
// simulated phone photos of it are read back.
#include <gtest/gtest.h>

#include <cstdlib>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "drawn_marks.hpp"
#include "mark_scoring.hpp"
#include "photo_simulation.hpp"
#include "qr_reader.hpp"
#include "test_support.hpp"
#include "wijkatlas/app/command_line.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::test {
namespace {

constexpr int dpi = 200;
constexpr double k = dpi / 25.4;

struct RealSheet {
  TempDir dir;
  sketch::SheetInfo sheet;
  std::vector<DrawnMark> marks;
  cv::Mat page;

  RealSheet() {
    const auto pdf = dir / "blad.pdf";
    std::vector<std::string> args{
        "wijkatlas", "sheet",
        "--centre",  "9.5215,47.1405",
        "--crs",     "EPSG:4326",
        "--scale",   "2500",
        "--basemap", data_file("osm/liechtenstein-2013-08-03.osm.pbf").string(),
        "--session", "Blokgesprek Städtle",
        "--store",   (dir / "project.gpkg").string(),
        "--no-date", "-o",
        pdf.string()};
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    if (app::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) != 0) {
      throw std::runtime_error("wijkatlas sheet failed: " + err.str());
    }
    const std::string command = "pdftoppm -r " + std::to_string(dpi) + " -png -singlefile '" +
                                pdf.string() + "' '" + (dir / "blad").string() + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("pdftoppm failed");
    page = cv::imread((dir / "blad.png").string(), cv::IMREAD_COLOR);
    cv::Mat gray;
    cv::cvtColor(page, gray, cv::COLOR_BGR2GRAY);
    const auto codes = sketch::photo::read_qr_codes(gray);
    if (codes.empty()) throw std::runtime_error("the rendered sheet's QR code does not read");
    sheet = sketch::decode_payload(codes.front());
    marks = standard_marks(sheet);
    draw_marks(page, k, marks);
    draw_handwriting(page, k, sheet);
  }
};

const RealSheet& real_sheet() {
  static const RealSheet sheet;
  return sheet;
}

void check(const std::filesystem::path& path, double min_iou) {
  const RealSheet& d = real_sheet();
  const sketch::PhotoReading r = sketch::read_sheet_photo(path);
  if (const char* dir = std::getenv("WIJKATLAS_PHOTO_DEBUG")) {
    std::filesystem::copy_file(path, std::filesystem::path(dir) / path.filename(),
                               std::filesystem::copy_options::overwrite_existing);
    for (std::size_t i = 0; i < r.marks.size(); ++i) {
      cv::imwrite((std::filesystem::path(dir) /
                   (path.stem().string() + "_mark" + std::to_string(i) + ".png"))
                      .string(),
                  cv::imdecode(r.marks[i].crop_png, cv::IMREAD_COLOR));
    }
  }
  EXPECT_TRUE(r.sheet_from_qr);
  EXPECT_EQ(r.sheet.id, d.sheet.id);
  EXPECT_EQ(r.markers_found, 8);
  const Score s = score(d.marks, r.marks, sketch::metres_per_mm(d.sheet));
  SCOPED_TRACE(s.report());
  for (const MarkScore& m : s.marks) {
    const DrawnMark& drawn = d.marks[m.truth_index];
    ASSERT_GE(m.read_index, 0) << "drawn mark #" << m.truth_index << " ("
                               << sketch::to_string(drawn.category) << ", "
                               << sketch::to_string(drawn.kind)
                               << ") not read with its colour and kind";
    if (drawn.kind != sketch::MarkKind::point) {
      EXPECT_GE(m.iou, min_iou) << "drawn mark #" << m.truth_index;
    }
  }
  EXPECT_EQ(s.unmatched_read, 0) << "nothing from the OSM base map, the key or the black writing";
  EXPECT_LE(s.rms_m, 1.5);
  std::cout << "[ real     ] " << path.filename().string() << ": min IoU " << s.min_iou << ", RMS "
            << s.rms_m << " m\n"
            << s.report() << "\n";
}

TEST(RealSheet, RendersWithRoomForTheTestMarks) {
  const RealSheet& d = real_sheet();
  EXPECT_EQ(d.sheet.paper, "A3");
  EXPECT_DOUBLE_EQ(d.sheet.scale, 2500);
  // standard_marks() stretches its 300 x 200 mm layout to the frame; it needs about this much.
  EXPECT_GE(d.sheet.frame.width, 250);
  EXPECT_GE(d.sheet.frame.height, 170);
}

TEST(RealSheet, FlatScanAt200Dpi) {
  TempDir dir;
  check(write_photo(real_sheet().page, dir.path(), "real_scan", 0), 0.9);
}

TEST(RealSheet, PhonePhotoTurned90) {
  TempDir dir;
  const PhotoParams p = upright_phone_photo("real_photo_90");
  check(write_photo(simulate_photo(real_sheet().page, p), dir.path(), p.name, p.jpeg_quality),
        0.85);
}

TEST(RealSheet, PhonePhotoUpsideDown) {
  TempDir dir;
  PhotoParams p;
  p.name = "real_photo_180";
  p.size = {4000, 3000};
  p.rotation_deg = 185;
  p.tilt = 0.12;
  p.skew = 0.03;
  p.blur_px = 1.2;
  p.noise = 5;
  p.shadow = 0.4;
  p.jpeg_quality = 80;
  check(write_photo(simulate_photo(real_sheet().page, p), dir.path(), p.name, p.jpeg_quality),
        0.85);
}

}  // namespace
}  // namespace wijkatlas::test
