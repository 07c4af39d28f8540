#pragma once
// A phone photo of a sheet, simulated: the page lies on a table, seen at an angle (perspective),
// turned by any amount, with a shadow falling across it, coloured or mixed light, lens blur,
// sensor noise and JPEG.
#include <filesystem>
#include <opencv2/core.hpp>
#include <optional>
#include <string>

namespace wijkatlas::test {

struct PhotoParams {
  std::string name;
  cv::Size size{3200, 2400};  // the photo, in pixels
  double fill = 0.85;         // share of the photo's shorter side the page covers
  double rotation_deg = 0;    // in-plane turn (90, 180, ... included)
  double tilt = 0;            // perspective: the far edge is this much narrower, the near wider
  double skew = 0;            // perspective sideways
  double blur_px = 0;         // Gaussian sigma
  double noise = 0;           // sensor noise sigma (0..255 scale)
  double shadow = 0;          // darkest share of the light lost under the shadow (0..1)
  // Colour of the light as the camera records it, as gains on B, G, R: a warm lamp left
  // uncorrected is (0.5, 0.78, 1), paper comes out yellow-orange; daylight through a window on
  // a camera set for indoor light is bluish, (1, 0.86, 0.72).
  cv::Scalar light{1, 1, 1};
  // Mixed light: the light's colour turns from `light` on one side of the photo to this one on
  // the other (a lamp on one side, a window on the other).
  std::optional<cv::Scalar> other_light;
  // A hard-edged shadow across the page (an arm, the edge of a lamp shade): the share of the
  // light lost on the shadow side, which is lit by the bluer light of the room only.
  double hard_shadow = 0;
  int jpeg_quality = 0;  // 0: write PNG
  unsigned seed = 1;
};

cv::Mat simulate_photo(const cv::Mat& page, const PhotoParams& params);

// A phone held upright over the table: a 12 MP portrait photo of a landscape sheet, turned by
// 93°, a little tilted, blurred and noisy, half in shadow, JPEG 85.
PhotoParams upright_phone_photo(std::string name);

// Writes JPEG (params.jpeg_quality > 0) or PNG; returns the path.
std::filesystem::path write_photo(const cv::Mat& image, const std::filesystem::path& dir,
                                  const std::string& name, int jpeg_quality);

}  // namespace wijkatlas::test
