// Photos that cannot be read are refused with a message that says why and what to do; the
// awkward ones that can be read (QR code covered but the sheet id typed) are read.
#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgproc.hpp>

#include "drawn_marks.hpp"
#include "photo_simulation.hpp"
#include "scan_pdf.hpp"
#include "synthetic_sheet.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::test {
namespace {

constexpr double k = 6;

cv::Mat drawn_page(const SheetImageOptions& options = SheetImageOptions(k)) {
  const auto s = a3_sheet();
  cv::Mat page = render_sheet(s, options);
  draw_marks(page, options.px_per_mm, standard_marks(s));
  return page;
}

// The message of the data_error read_sheet_photo throws, or "read" when it reads the photo.
std::string refusal(const std::filesystem::path& path,
                    const sketch::PhotoReadOptions& options = {}) {
  try {
    sketch::read_sheet_photo(path, options);
  } catch (const data_error& e) {
    EXPECT_EQ(e.path(), path.string()) << "the message names the file";
    return e.what();
  }
  return "read";
}

PhotoParams plain_photo(std::string name) {
  PhotoParams p;
  p.name = std::move(name);
  p.rotation_deg = 3;
  p.tilt = 0.05;
  p.blur_px = 0.8;
  p.noise = 3;
  p.jpeg_quality = 90;
  return p;
}

TEST(PhotoErrors, QrCodeMissingAsksForTheMarginOrTheSheetId) {
  TempDir dir;
  const auto path =
      write_photo(simulate_photo(drawn_page(SheetImageOptions(k, false)), plain_photo("no_qr")),
                  dir.path(), "no_qr", 90);
  EXPECT_NE(
      refusal(path).find("QR code not found: photograph the whole sheet including the margin"),
      std::string::npos);
  // With the typed sheet id (looked up by the caller) the same photo reads.
  sketch::PhotoReadOptions options;
  options.known_sheet = a3_sheet();
  const auto r = sketch::read_sheet_photo(path, options);
  EXPECT_FALSE(r.sheet_from_qr);
  EXPECT_EQ(r.marks.size(), standard_marks(a3_sheet()).size());
}

TEST(PhotoErrors, AnotherProgramsQrCode) {
  TempDir dir;
  const auto path =
      write_photo(simulate_photo(drawn_page(SheetImageOptions(k, true, "https://example.org/menu")),
                                 plain_photo("other_qr")),
                  dir.path(), "other_qr", 90);
  EXPECT_NE(refusal(path).find("not a wijkatlas sheet"), std::string::npos);
}

TEST(PhotoErrors, HalfASheetNamesTheMissingPart) {
  TempDir dir;
  const cv::Mat photo = simulate_photo(drawn_page(), plain_photo("half"));
  // Upper-left part only: markers 0, 1 and 7 (the QR code, right of the frame, is lost too, so
  // the sheet id is typed in).
  const cv::Mat upper_left =
      photo(cv::Rect(0, 0, photo.cols * 55 / 100, photo.rows * 62 / 100)).clone();
  sketch::PhotoReadOptions options;
  options.known_sheet = a3_sheet();
  const std::string half = refusal(write_photo(upper_left, dir.path(), "upper_left", 90), options);
  EXPECT_NE(half.find("only 3 of 8 markers found: the right and bottom sides"), std::string::npos)
      << half;
  // The right side cut off, markers and all: the map is not all there, so it is refused rather
  // than read in part.
  const cv::Mat cut = photo(cv::Rect(0, 0, photo.cols * 68 / 100, photo.rows)).clone();
  const std::string side = refusal(write_photo(cut, dir.path(), "right_cut", 90), options);
  EXPECT_NE(side.find("the right side is outside the photo"), std::string::npos) << side;
}

TEST(PhotoErrors, TooBlurry) {
  TempDir dir;
  PhotoParams p = plain_photo("blurry");
  p.blur_px = 9;
  const std::string m =
      refusal(write_photo(simulate_photo(drawn_page(), p), dir.path(), "blurry", 90));
  EXPECT_NE(m.find("image too blurry"), std::string::npos) << m;
}

TEST(PhotoErrors, ScanAt100DpiIsTooCoarse) {
  TempDir dir;
  cv::Mat scan;
  cv::resize(drawn_page(), scan, cv::Size(), 100 / 25.4 / k, 100 / 25.4 / k, cv::INTER_AREA);
  const std::string m = refusal(write_photo(scan, dir.path(), "scan_100dpi", 0));
  EXPECT_NE(m.find("image resolution too low (about 100 dpi): scan at 300 dpi"), std::string::npos)
      << m;
}

TEST(PhotoErrors, DamagedFiles) {
  TempDir dir;
  const auto jpeg =
      write_photo(simulate_photo(drawn_page(), plain_photo("ok")), dir.path(), "truncated", 90);
  std::filesystem::resize_file(jpeg, std::filesystem::file_size(jpeg) / 2);
  EXPECT_NE(refusal(jpeg).find("JPEG file is damaged or incomplete"), std::string::npos);

  const auto text = dir.write("notes.jpg", "not a photo at all");
  EXPECT_NE(refusal(text).find("not a JPEG, PNG or PDF"), std::string::npos);
  const auto empty = dir.write("empty.png", "");
  EXPECT_NE(refusal(empty).find("empty"), std::string::npos);
  EXPECT_THROW(sketch::read_sheet_photo(dir / "missing.jpg"), io_error);
}

TEST(PhotoErrors, NoSheetInThePhoto) {
  TempDir dir;
  // A holiday snapshot: sky, sea and a boat.
  cv::Mat photo(2400, 3200, CV_8UC3, cv::Scalar(220, 180, 120));
  photo(cv::Rect(0, 1300, 3200, 1100)).setTo(cv::Scalar(140, 100, 30));
  cv::circle(photo, {2400, 500}, 200, cv::Scalar(120, 240, 255), cv::FILLED, cv::LINE_AA);
  cv::fillConvexPoly(photo,
                     std::vector<cv::Point>{{1000, 1250}, {1600, 1250}, {1500, 1400}, {1100, 1400}},
                     cv::Scalar(30, 30, 160));
  const auto path = write_photo(photo, dir.path(), "holiday", 90);
  EXPECT_NE(refusal(path).find("no drawing sheet found"), std::string::npos);
}

TEST(PhotoErrors, GreyScaleScan) {
  TempDir dir;
  cv::Mat grey;
  cv::cvtColor(drawn_page(), grey, cv::COLOR_BGR2GRAY);
  const std::string m = refusal(write_photo(grey, dir.path(), "grey", 0));
  EXPECT_NE(m.find("no colour"), std::string::npos) << m;
}

// Light with next to no blue in it (a red lamp, a sodium street light): blue ink cannot be told
// from black, so the photo is refused with the reason rather than read without its blue marks.
TEST(PhotoErrors, LightWithoutOneColourIsRefused) {
  TempDir dir;
  PhotoParams p = plain_photo("red_lamp");
  p.light = cv::Scalar(0.04, 0.3, 1.0);
  const std::string m =
      refusal(write_photo(simulate_photo(drawn_page(), p), dir.path(), p.name, 90));
  EXPECT_NE(m.find("too dark or too strongly coloured to tell the marker colours apart"),
            std::string::npos)
      << m;
}

// Candle-like light (paper at R 254, G 169, B 94) is corrected and read, with a warning.
TEST(PhotoErrors, StronglyColouredLightIsReadWithAWarning) {
  TempDir dir;
  PhotoParams p = plain_photo("candle");
  p.light = cv::Scalar(0.36, 0.66, 1.0);
  const auto r = sketch::read_sheet_photo(
      write_photo(simulate_photo(drawn_page(), p), dir.path(), p.name, 90));
  EXPECT_EQ(r.marks.size(), standard_marks(a3_sheet()).size());
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(
      r.warnings.back().find("strongly coloured light corrected (white paper came out as R 25"),
      std::string::npos)
      << r.warnings.back();
}

// The map coloured over edge to edge with a highlighter (no marker colour of the key): no paper
// is left to tell the ink from, so the photo is refused, not read as a sheet without marks.
TEST(PhotoErrors, MapWithoutPaperIsRefused) {
  TempDir dir;
  cv::Mat page = drawn_page();
  const auto& f = a3_sheet().frame;
  cv::Mat map = page(
      cv::Rect(page_px(f.x + 1, f.y + 1, k), page_px(f.x + f.width - 1, f.y + f.height - 1, k)));
  cv::multiply(map, cv::Scalar(0.35, 0.95, 1.0), map);
  const std::string m =
      refusal(write_photo(simulate_photo(page, plain_photo("yellow")), dir.path(), "yellow", 90));
  EXPECT_NE(m.find("the paper of the map cannot be told apart from ink"), std::string::npos) << m;
}

TEST(PhotoErrors, ScannerPdfIsReadLikeAnImage) {
  TempDir dir;
  const auto s = a3_sheet();
  const auto png = write_photo(drawn_page(SheetImageOptions(8)), dir.path(), "scan", 0);
  const auto pdf = dir / "scan.pdf";
  write_scan_pdf(png, pdf, s.page_width_mm, s.page_height_mm);
  const auto r = sketch::read_sheet_photo(pdf);
  EXPECT_EQ(r.sheet.id, s.id);
  EXPECT_EQ(r.marks.size(), standard_marks(s).size());

  const auto broken = dir.write("broken.pdf", "%PDF-1.4\nthis is not really a PDF");
  EXPECT_NE(refusal(broken).find("PDF"), std::string::npos);
}

}  // namespace
}  // namespace wijkatlas::test
