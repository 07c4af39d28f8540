// End to end without a camera: a sheet with known marks in marker colours and black writing,
// scanned flat or photographed (simulated), read back and compared with what was drawn.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/covered_by.hpp>
#include <cstdlib>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "drawn_marks.hpp"
#include "mark_scoring.hpp"
#include "photo_simulation.hpp"
#include "synthetic_sheet.hpp"
#include "test_support.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::test {
namespace {

constexpr double page_px_per_mm = 8;  // ~200 dpi: keeps the suite quick on two cores

struct DrawnSheet {
  sketch::SheetInfo sheet = a3_sheet();
  std::vector<DrawnMark> marks = standard_marks(sheet);
  cv::Mat page;
  DrawnSheet() {
    page = render_sheet(sheet, SheetImageOptions(page_px_per_mm));
    draw_marks(page, page_px_per_mm, marks);
    draw_handwriting(page, page_px_per_mm, sheet);
  }
};

const DrawnSheet& drawn_sheet() {
  static const DrawnSheet sheet;
  return sheet;
}

// Set WIJKATLAS_PHOTO_DEBUG=/some/dir to keep the simulated photos for a look.
void keep_for_debugging(const std::filesystem::path& photo) {
  if (const char* dir = std::getenv("WIJKATLAS_PHOTO_DEBUG")) {
    std::filesystem::copy_file(photo, std::filesystem::path(dir) / photo.filename(),
                               std::filesystem::copy_options::overwrite_existing);
  }
}

void keep_crops(const std::string& name, const sketch::PhotoReading& r) {
  if (const char* dir = std::getenv("WIJKATLAS_PHOTO_DEBUG")) {
    for (std::size_t i = 0; i < r.marks.size(); ++i) {
      std::ofstream out(std::filesystem::path(dir) / (name + "_mark" + std::to_string(i) + ".png"),
                        std::ios::binary);
      out.write(reinterpret_cast<const char*>(r.marks[i].crop_png.data()),
                static_cast<std::streamsize>(r.marks[i].crop_png.size()));
    }
  }
}

struct Case {
  PhotoParams photo;
  bool flat_scan = false;
  double min_iou = 0.85;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.photo.name;
}

class ReadPhoto : public ::testing::TestWithParam<Case> {};

TEST_P(ReadPhoto, MarksMatchWhatWasDrawn) {
  const Case& c = GetParam();
  const DrawnSheet& d = drawn_sheet();
  TempDir dir;
  cv::Mat image;
  if (c.flat_scan) {
    image = d.page.clone();
    if (c.photo.rotation_deg == 180) cv::rotate(image, image, cv::ROTATE_180);
    if (c.photo.noise > 0) {
      PhotoParams scanner;
      scanner.name = c.photo.name;
      scanner.size = image.size();
      scanner.fill = 1.0;
      scanner.noise = c.photo.noise;
      image = simulate_photo(image, scanner);
    }
  } else {
    image = simulate_photo(d.page, c.photo);
  }
  const auto path = write_photo(image, dir.path(), c.photo.name, c.photo.jpeg_quality);
  keep_for_debugging(path);

  const sketch::PhotoReading r = sketch::read_sheet_photo(path);
  keep_crops(c.photo.name, r);
  EXPECT_TRUE(r.sheet_from_qr);
  EXPECT_EQ(r.sheet.id, d.sheet.id);
  EXPECT_EQ(r.markers_found, 8);
  EXPECT_LT(r.reprojection_error_mm, 0.5);

  const Score s = score(d.marks, r.marks, sketch::metres_per_mm(d.sheet));
  SCOPED_TRACE(s.report());
  for (const MarkScore& m : s.marks) {
    const DrawnMark& drawn = d.marks[m.truth_index];
    ASSERT_GE(m.read_index, 0) << "drawn mark #" << m.truth_index << " ("
                               << sketch::to_string(drawn.category) << ", "
                               << sketch::to_string(drawn.kind)
                               << ") not read with its colour and kind";
    if (drawn.kind != sketch::MarkKind::point) {
      EXPECT_GE(m.iou, c.min_iou) << "drawn mark #" << m.truth_index;
    }
    const sketch::InkMark& read = r.marks[static_cast<std::size_t>(m.read_index)];
    EXPECT_GT(read.confidence, 0.5);
    EXPECT_FALSE(read.crop_png.empty());
    EXPECT_TRUE(boost::geometry::covered_by(geo::envelope(read.geometry), read.crop_extent));
    if (read.kind == sketch::MarkKind::area) {
      EXPECT_GT(read.area_m2, 0);
    }
    if (read.kind == sketch::MarkKind::line) {
      EXPECT_GT(read.length_m, 0);
    }
  }
  // Nothing from the base map, the key, the QR code or the black writing.
  EXPECT_EQ(s.unmatched_read, 0);
  // 1.5 m on the ground is 0.6 mm on an A3 sheet at 1:2,500.
  EXPECT_LE(s.rms_m, 1.5);
  double min_confidence = 1;
  for (const sketch::InkMark& m : r.marks) min_confidence = std::min(min_confidence, m.confidence);
  std::cout << "[ photo    ] " << c.photo.name << ": min IoU " << s.min_iou << ", RMS " << s.rms_m
            << " m, min confidence " << min_confidence << "\n";
}

PhotoParams photo(std::string name, double rotation, double tilt, double blur, double noise,
                  double shadow, int jpeg, double skew = 0, cv::Size size = {3200, 2400}) {
  PhotoParams p;
  p.size = size;
  p.name = std::move(name);
  p.rotation_deg = rotation;
  p.tilt = tilt;
  p.skew = skew;
  p.blur_px = blur;
  p.noise = noise;
  p.shadow = shadow;
  p.jpeg_quality = jpeg;
  p.seed = static_cast<unsigned>(rotation * 10 + 1);
  return p;
}

INSTANTIATE_TEST_SUITE_P(Scans, ReadPhoto,
                         ::testing::Values(Case{photo("scan_flat", 0, 0, 0, 0, 0, 0), true, 0.9},
                                           Case{photo("scan_upside_down", 180, 0, 0, 2, 0, 0), true,
                                                0.9}),
                         [](const auto& test_info) { return test_info.param.photo.name; });

INSTANTIATE_TEST_SUITE_P(
    Photos, ReadPhoto,
    ::testing::Values(
        Case{photo("photo_mild", 4, 0.05, 0.8, 3, 0.15, 92)},
        Case{photo("photo_turned_90", 95, 0.1, 1.0, 4, 0.3, 85, 0.04, {2400, 3200})},
        Case{photo("photo_upside_down", 172, 0.18, 1.2, 5, 0.4, 80, 0, {4000, 3000})},
        // ~30 degrees off square: the far edge of the sheet 2/3 as wide as the near one.
        Case{photo("photo_30_degrees", 12, 0.2, 1.0, 4, 0.3, 85, 0, {4000, 3000})},
        Case{photo("photo_steep_270", 290, 0.15, 1.0, 5, 0.5, 80, -0.04, {3000, 4000})},
        // ~30 degrees off square with the QR code on the far, narrow side, heavy
        // sensor noise and JPEG 75 on 12 MP: zbar reads the code neither in the
        // photo nor squared up as it is, only squared up and locally thresholded.
        Case{photo("photo_30_degrees_noisy_qr_far", 100, 0.2, 1.0, 14, 0.3, 75, 0, {4000, 3000})}),
    [](const auto& test_info) { return test_info.param.photo.name; });

// Light as it falls in a community centre in the evening, with the camera's white balance left
// where it was (a phone corrects only part of a strong cast): colour casts of several
// temperatures and strengths, a lamp and a window mixed, and a hard shadow edge across the map.
PhotoParams lit(std::string name, double rotation, cv::Scalar light,
                std::optional<cv::Scalar> other = {}, double hard_shadow = 0) {
  PhotoParams p = photo(std::move(name), rotation, 0.08, 0.9, 4, 0, 88);
  p.light = light;
  p.other_light = other;
  p.hard_shadow = hard_shadow;
  return p;
}

const cv::Scalar warm_2700k(0.50, 0.78, 1.0), warm_3000k(0.68, 0.86, 1.0),
    candle_2200k(0.36, 0.66, 1.0);
const cv::Scalar fluorescent(1.0, 0.93, 0.82), window_daylight(1.0, 0.86, 0.72);

INSTANTIATE_TEST_SUITE_P(
    Light, ReadPhoto,
    ::testing::Values(Case{lit("light_warm_led_3000k", 3, warm_3000k)},
                      Case{lit("light_warm_lamp_2700k", 176, warm_2700k)},
                      Case{lit("light_candle_2200k", 88, candle_2200k)},
                      Case{lit("light_cool_fluorescent", 2, fluorescent)},
                      Case{lit("light_daylight_window", 183, window_daylight)},
                      Case{lit("light_lamp_and_window", 5, warm_2700k, window_daylight)},
                      Case{lit("light_candle_and_window", 28, candle_2200k, window_daylight)},
                      Case{lit("light_hard_shadow_edge", 1, {1, 1, 1}, {}, 0.7)},
                      Case{lit("light_lamp_hard_shadow_edge", 178, warm_3000k, {}, 0.45)}),
    [](const auto& test_info) { return test_info.param.photo.name; });

// The stored confidence says how far the reading can be trusted: high for a clean scan, clearly
// lower for a photo near the limits (just over 110 dpi, blurred, noisy, by candle light).
TEST(ReadPhotoConfidence, HighOnACleanScanLowOnADegradedPhoto) {
  const DrawnSheet& d = drawn_sheet();
  TempDir dir;
  const sketch::PhotoReading clean =
      sketch::read_sheet_photo(write_photo(d.page, dir.path(), "clean", 0));
  PhotoParams p = lit("degraded", 88, candle_2200k);
  p.blur_px = 1.6;
  p.noise = 8;
  p.jpeg_quality = 75;
  // So degraded that the QR code does not read: the sheet id is typed.
  sketch::PhotoReadOptions typed_id;
  typed_id.known_sheet = d.sheet;
  const sketch::PhotoReading degraded = sketch::read_sheet_photo(
      write_photo(simulate_photo(d.page, p), dir.path(), p.name, 75), typed_id);
  ASSERT_EQ(clean.marks.size(), d.marks.size());
  ASSERT_EQ(degraded.marks.size(), d.marks.size());
  double lowest_clean = 1, highest_degraded = 0, mean_degraded = 0;
  for (const sketch::InkMark& m : clean.marks) lowest_clean = std::min(lowest_clean, m.confidence);
  for (const sketch::InkMark& m : degraded.marks) {
    highest_degraded = std::max(highest_degraded, m.confidence);
    mean_degraded += m.confidence / static_cast<double>(degraded.marks.size());
  }
  std::cout << "[ photo    ] confidence: clean scan at least " << lowest_clean
            << ", degraded photo at most " << highest_degraded << " (mean " << mean_degraded
            << ")\n";
  EXPECT_GE(lowest_clean, 0.85);
  EXPECT_LT(highest_degraded, lowest_clean - 0.15);
  EXPECT_LT(mean_degraded, 0.65);
  EXPECT_GT(mean_degraded, 0.3);
}

// The same steep, noisy photo with a corner marker covered (a coffee cup): no squared-up view
// without the four corners, so the QR code is read from the photo itself, locally thresholded.
TEST(ReadPhotoQr, SteepNoisyPhotoWithACornerCovered) {
  const DrawnSheet& d = drawn_sheet();
  cv::Mat page = d.page.clone();
  const sketch::PageRect m = sketch::marker_placements(d.sheet)[0].square;
  const cv::Point2d a = page_px(m.x - 3, m.y - 3, page_px_per_mm),
                    b = page_px(m.x + m.width + 3, m.y + m.height + 3, page_px_per_mm);
  cv::rectangle(page, a, b, cv::Scalar(255, 255, 255), cv::FILLED);
  TempDir dir;
  const PhotoParams p =
      photo("photo_30_degrees_noisy_corner_covered", 100, 0.2, 1.0, 14, 0.3, 75, 0, {4000, 3000});
  const auto path = write_photo(simulate_photo(page, p), dir.path(), p.name, p.jpeg_quality);
  keep_for_debugging(path);
  const sketch::PhotoReading r = sketch::read_sheet_photo(path);
  EXPECT_TRUE(r.sheet_from_qr);
  EXPECT_EQ(r.sheet.id, d.sheet.id);
  EXPECT_EQ(r.markers_found, 7);
  const Score s = score(d.marks, r.marks, sketch::metres_per_mm(d.sheet));
  EXPECT_EQ(s.unmatched_read, 0) << s.report();
  EXPECT_LE(s.rms_m, 1.5) << s.report();
}

}  // namespace
}  // namespace wijkatlas::test
