// read_sheet_photo: the steps in order, and the one place that decides which problem to report
// when several are visible (a blurry, low-resolution photo also loses its QR code; the message
// names the cause, not the symptom).
#include "wijkatlas/sketch/photo_reader.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "confidence.hpp"
#include "homography.hpp"
#include "image_quality.hpp"
#include "image_source.hpp"
#include "ink.hpp"
#include "markers.hpp"
#include "provenance.hpp"
#include "qr_reader.hpp"
#include "qr_rectified.hpp"
#include "rectify.hpp"
#include "vectorise.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {

using namespace photo;

// Below this the 2 mm cells of a marker and thin strokes are a pixel or two wide.
constexpr double min_dpi = 110;
constexpr double warn_dpi = 150;
// Marker-edge blur (10-90 % rise, page mm): a sharp photo measures 0.1-0.3 mm.
constexpr double max_blur_mm = 1.0;
constexpr double warn_blur_mm = 0.5;
// Without markers: blur of the whole photo at 1600 px (see overall_blur_px); a sharp photo
// measures under 1.
constexpr double max_overall_blur_px = 2.5;
// Marker corners further than this from where the layout puts them: the sheet is not flat.
constexpr double max_rms_mm = 1.0;

int round_dpi(double px_per_mm) {
  return static_cast<int>(std::lround(px_per_mm * 25.4 / 10.0) * 10);
}

std::string too_low_resolution(double px_per_mm) {
  return "image resolution too low (about " + std::to_string(round_dpi(px_per_mm)) +
         " dpi): scan at 300 dpi, or photograph the sheet so that it fills the picture";
}
const std::string too_blurry =
    "image too blurry: hold the camera still, use more light and let it focus on the sheet";

// "the lower-right corner is", "the right and bottom sides are".
std::string parts_are(const std::string& parts) {
  const bool plural =
      parts.find(" and ") != std::string::npos || parts.find("sides") != std::string::npos;
  return parts + (plural ? " are" : " is");
}

// Below this share of the map looking like paper, the light was not understood (or the map
// is coloured in edge to edge): ink could not be told from paper, so nothing is guessed.
constexpr double min_paper_share = 0.25;
// A channel of the paper under this (0..255) holds too little light to recover a marker colour.
constexpr double min_paper_channel = 20;
// Paper's brightest channel over its darkest: above this the light is strongly coloured.
constexpr double warn_light_cast = 2.0;

std::string rgb_text(const cv::Scalar& bgr) {
  return "R " + std::to_string(cvRound(bgr[2])) + ", G " + std::to_string(cvRound(bgr[1])) +
         ", B " + std::to_string(cvRound(bgr[0]));
}

// Refuses a photo whose paper cannot be found or whose light holds too little of one colour;
// warns when the white band could not be measured or the light was strongly coloured.
void check_light(const std::string& file, const RectifiedPage& page,
                 std::vector<std::string>& warnings) {
  const double darkest = std::min({page.paper_white[0], page.paper_white[1], page.paper_white[2]});
  const double brightest =
      std::max({page.paper_white[0], page.paper_white[1], page.paper_white[2]});
  if (darkest < min_paper_channel) {
    throw data_error(file, "measuring the light",
                     "the light on the sheet is too dark or too strongly coloured to tell the "
                     "marker colours apart "
                     "(white paper came out as " +
                         rgb_text(page.paper_white) +
                         "): photograph the sheet in daylight or under a white lamp");
  }
  if (page.paper_share < min_paper_share) {
    throw data_error(
        file, "finding the paper",
        "the paper of the map cannot be told apart from ink (only " +
            std::to_string(cvRound(100 * page.paper_share)) +
            " % of the map looks like paper): photograph the sheet again in even, white light "
            "(daylight or a white lamp), without coloured light or glare on it");
  }
  if (!page.white_balanced) {
    warnings.push_back(
        "the white border between the map and the black squares is hidden or drawn over: colours "
        "were not corrected for the light");
  } else if (brightest > warn_light_cast * darkest) {
    warnings.push_back("strongly coloured light corrected (white paper came out as " +
                       rgb_text(page.paper_white) +
                       "): check the colours of the marks, or photograph the sheet in daylight");
  }
}

std::string strip_prefix(std::string text, const std::string& prefix) {
  if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  return text;
}

}  // namespace

PhotoReading read_sheet_photo(const std::filesystem::path& image, const PhotoReadOptions& options) {
  const std::string file = image.string();
  const auto progress = [&](const char* step, double fraction) {
    if (options.progress) options.progress(step, fraction);
  };
  progress("loading", 0.0);
  const cv::Mat photo = load_image(image);
  if (std::min(photo.cols, photo.rows) < 300) {
    throw data_error(
        file, "reading the image",
        "the image is only " + std::to_string(photo.cols) + " x " + std::to_string(photo.rows) +
            " pixels: too small to hold a readable sheet; use the original photo, not a preview");
  }
  cv::Mat gray;
  cv::cvtColor(photo, gray, cv::COLOR_BGR2GRAY);

  progress("markers", 0.15);
  const std::vector<DetectedMarker> markers = detect_markers(gray);
  progress("QR code", 0.3);
  // The likeliest size first; then, with the corner markers found, the squared-up view (0.3 s,
  // and what reads a steep, noisy photo), before the other sizes, where zbar spends over a
  // second on a noisy full-size photo; they remain for a sheet whose corner is covered.
  const std::vector<int> sizes = qr_read_sizes(std::max(gray.cols, gray.rows));
  std::vector<std::string> codes = read_qr_codes_at(gray, std::span(sizes).first(1));
  if (codes.empty()) codes = read_qr_codes_squared_up(gray, markers, SheetInfo{}.marker_mm);
  if (codes.empty()) codes = read_qr_codes_at(gray, std::span(sizes).subspan(1));
  if (codes.empty()) {
    // Last, without a squared-up view (a corner marker covered): the photo as it is, locally
    // thresholded over a block of about 1/130 of its long side (a few QR modules on a sheet
    // that fills the picture).
    codes = read_qr_codes_thresholded(gray, std::max(gray.cols, gray.rows) / 130);
  }

  PhotoReading reading;
  std::optional<SheetInfo> sheet;
  std::string qr_problem;
  for (const std::string& code : codes) {
    try {
      sheet = decode_payload(code);
      reading.sheet_from_qr = true;
      break;
    } catch (const data_error& e) {
      qr_problem = strip_prefix(e.what(), "QR code: ");
    }
  }
  if (!sheet && options.known_sheet) sheet = options.known_sheet;
  if (!sheet && !qr_problem.empty()) throw data_error(file, "QR code", qr_problem);

  const double default_marker_mm = SheetInfo{}.marker_mm;
  if (!sheet) {
    if (markers.empty()) {
      if (overall_blur_px(gray) > max_overall_blur_px)
        throw data_error(file, "checking sharpness", too_blurry);
      throw data_error(file, "finding the sheet",
                       "no drawing sheet found in the image: photograph a printed wijkatlas sheet, "
                       "with its QR code "
                       "and the eight black-and-white squares around the map");
    }
    const double ppmm = px_per_mm_from_markers(markers, default_marker_mm);
    if (ppmm * 25.4 < min_dpi)
      throw data_error(file, "checking the resolution", too_low_resolution(ppmm));
    if (marker_edge_width_mm(gray, markers, default_marker_mm) > max_blur_mm) {
      throw data_error(file, "checking sharpness", too_blurry);
    }
    throw data_error(
        file, "QR code",
        "QR code not found: photograph the whole sheet including the margin (or give the sheet id "
        "printed under the QR code)");
  }
  reading.sheet = *sheet;
  reading.markers_found = static_cast<int>(markers.size());

  if (reading.markers_found < min_markers) {
    if (!markers.empty() && marker_edge_width_mm(gray, markers, sheet->marker_mm) > max_blur_mm) {
      throw data_error(file, "checking sharpness", too_blurry);
    }
    if (markers.empty() && overall_blur_px(gray) > max_overall_blur_px)
      throw data_error(file, "checking sharpness", too_blurry);
    if (markers.empty()) {
      throw data_error(file, "markers",
                       "none of the 8 markers found: photograph the whole sheet, with the "
                       "black-and-white squares "
                       "around the map");
    }
    throw data_error(
        file, "markers",
        "only " + std::to_string(markers.size()) +
            " of 8 markers found: " + parts_are(missing_parts(markers)) +
            " outside the photo (or covered): photograph the whole sheet with all eight "
            "black-and-white squares");
  }
  progress("homography", 0.4);
  const PageHomography h = fit_page_homography(markers, *sheet);
  if (h.corners_used == 0) {
    throw data_error(
        file, "markers",
        "the markers do not match the sheet's layout: is this the sheet the QR code describes?");
  }
  reading.reprojection_error_mm = h.rms_mm;
  if (h.rms_mm > max_rms_mm) {
    throw data_error(
        file, "markers",
        "the sheet is not flat in the photo (markers " + std::to_string(h.rms_mm).substr(0, 4) +
            " mm out of place): lay the sheet flat on a table and photograph it again");
  }
  if (h.px_per_mm * 25.4 < min_dpi)
    throw data_error(file, "checking the resolution", too_low_resolution(h.px_per_mm));
  const double blur = marker_edge_width_mm(gray, markers, sheet->marker_mm);
  if (blur > max_blur_mm) throw data_error(file, "checking sharpness", too_blurry);
  if (is_grey_scale(photo)) {
    throw data_error(
        file, "separating ink",
        "the image has no colour (a grey-scale scan?): scan or photograph in colour so the marker "
        "colours can be told apart");
  }

  if (reading.markers_found < marker_count) {
    reading.warnings.push_back("only " + std::to_string(reading.markers_found) +
                               " of 8 markers found (" + missing_parts(markers) +
                               "): positions far from the markers may be less accurate");
  }
  if (h.px_per_mm * 25.4 < warn_dpi) {
    reading.warnings.push_back("low resolution (about " + std::to_string(round_dpi(h.px_per_mm)) +
                               " dpi): thin strokes may be missed");
  }
  if (blur > warn_blur_mm) reading.warnings.push_back("slightly blurry: fine detail may be lost");

  progress("rectifying", 0.5);
  const RectifiedPage page =
      rectify(photo, h.photo_to_page, h.px_per_mm, *sheet, options.pixels_per_mm);
  // Half a sheet is refused, not read in part: all of a sheet's marks go in, or none.
  if (page.frame_seen < 0.99) {
    const std::string parts =
        reading.markers_found < marker_count ? missing_parts(markers) : "part of the map";
    throw data_error(
        file, "finding the sheet",
        parts_are(parts) + " outside the photo (" +
            std::to_string(static_cast<int>(std::lround(100 * (1 - page.frame_seen)))) +
            " % of the map): photograph the whole sheet");
  }
  check_light(file, page, reading.warnings);
  if (page.lighting_ratio > 1.5) reading.warnings.push_back("uneven lighting corrected");

  progress("separating ink", 0.65);
  const InkMasks ink = separate_ink(page);
  progress("vectorising", 0.8);
  const double photo_factor = photo_confidence(
      {reading.markers_found, blur, h.px_per_mm, h.rms_mm, page.paper_white, page.white_balanced});
  for (VectorMark& vm : vectorise(ink, page, *sheet)) {
    vm.mark.confidence *= photo_factor;
    Crop crop = provenance_crop(page, *sheet, vm.px_box);
    vm.mark.crop_png = std::move(crop.png);
    vm.mark.crop_extent = crop.extent;
    reading.marks.push_back(std::move(vm.mark));
  }
  progress("done", 1.0);
  return reading;
}

}  // namespace wijkatlas::sketch
