#include "photo_simulation.hpp"

#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>

namespace wijkatlas::test {
namespace {

// Position across the photo along direction `angle_deg`, -1..1 from one corner to the other.
double across(int x, int y, cv::Size size, double angle_deg) {
  const double a = angle_deg * M_PI / 180;
  return ((x - size.width / 2.0) * std::cos(a) + (y - size.height / 2.0) * std::sin(a)) /
         (0.5 * std::hypot(size.width, size.height));
}

// The light's colour (one lamp, or a lamp and a window mixed across the photo) and a hard
// shadow edge, as gains per pixel and channel.
void apply_light(cv::Mat& photo, const PhotoParams& p) {
  if (p.light == cv::Scalar(1, 1, 1) && !p.other_light && p.hard_shadow <= 0) return;
  // The shadow side is lit by the room's diffuse light, a little bluer than the lamp.
  const cv::Scalar shade(1.0, 0.93, 0.85);
  cv::Mat f;
  photo.convertTo(f, CV_32FC3);
  for (int y = 0; y < f.rows; ++y) {
    auto* row = f.ptr<cv::Vec3f>(y);
    for (int x = 0; x < f.cols; ++x) {
      cv::Scalar gain = p.light;
      if (p.other_light) {
        const double t = 1 / (1 + std::exp(-5 * across(x, y, f.size(), 30)));
        gain = p.light * (1 - t) + *p.other_light * t;
      }
      // Straight edge through the photo, a third of the way in; a penumbra of a few pixels.
      if (p.hard_shadow > 0) {
        const double d = (across(x, y, f.size(), 60) - 0.15) * 0.5 * std::hypot(f.cols, f.rows);
        const double w = 1 / (1 + std::exp(-d / 1.5));
        for (int c = 0; c < 3; ++c) gain[c] *= 1 - w + w * (1 - p.hard_shadow) * shade[c];
      }
      for (int c = 0; c < 3; ++c) row[x][c] = static_cast<float>(row[x][c] * gain[c]);
    }
  }
  f.convertTo(photo, CV_8UC3);
}

}  // namespace

cv::Mat simulate_photo(const cv::Mat& page, const PhotoParams& p) {
  std::mt19937 random(p.seed);
  // cv::randn draws from OpenCV's thread-wide generator: seed it too, so a photo depends on its
  // parameters only, not on which tests ran before in the same process.
  cv::theRNG().state = p.seed;
  // A wooden table: warm brown with some grain.
  cv::Mat photo(p.size, CV_8UC3, cv::Scalar(70, 110, 150));
  cv::Mat grain(p.size, CV_8UC3);
  cv::randn(grain, cv::Scalar(0, 0, 0), cv::Scalar(12, 12, 12));
  cv::GaussianBlur(grain, grain, cv::Size(), 3);
  photo += grain;

  // Page corners, centred, then tilted, turned and placed.
  const double a = p.rotation_deg * M_PI / 180;
  const double pw = page.cols, ph = page.rows;
  const std::array<cv::Point2d, 4> centred{
      {{-pw / 2, -ph / 2}, {pw / 2, -ph / 2}, {pw / 2, ph / 2}, {-pw / 2, ph / 2}}};
  std::vector<cv::Point2f> src{{0, 0},
                               {static_cast<float>(pw), 0},
                               {static_cast<float>(pw), static_cast<float>(ph)},
                               {0, static_cast<float>(ph)}};
  std::vector<cv::Point2d> turned;
  for (const cv::Point2d& c : centred) {
    // Perspective as seen by a camera tilted forward: far (top) edge narrower, near edge wider.
    const double v = c.y / (ph / 2);  // -1 top, +1 bottom
    const double u = c.x / (pw / 2);
    cv::Point2d q(c.x * (1 + p.tilt * v), c.y * (1 + 0.5 * p.tilt * v));
    q.y *= (1 + p.skew * u);
    turned.emplace_back(q.x * std::cos(a) - q.y * std::sin(a),
                        q.x * std::sin(a) + q.y * std::cos(a));
  }
  // The photographer frames the sheet: its outline fills `fill` of the photo.
  double min_x = 1e18, max_x = -1e18, min_y = 1e18, max_y = -1e18;
  for (const auto& t : turned) {
    min_x = std::min(min_x, t.x), max_x = std::max(max_x, t.x), min_y = std::min(min_y, t.y),
    max_y = std::max(max_y, t.y);
  }
  const double scale =
      p.fill * std::min(p.size.width / (max_x - min_x), p.size.height / (max_y - min_y));
  const cv::Point2d mid((min_x + max_x) / 2, (min_y + max_y) / 2);
  std::vector<cv::Point2f> dst;
  for (const auto& t : turned) {
    const cv::Point2d r = (t - mid) * scale;
    dst.emplace_back(static_cast<float>(r.x + p.size.width / 2.0),
                     static_cast<float>(r.y + p.size.height / 2.0));
  }
  const cv::Mat h = cv::getPerspectiveTransform(src, dst);
  cv::warpPerspective(page, photo, h, p.size, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);

  if (p.shadow > 0) {
    // A soft shadow across one side (a person leaning over the table), and slightly warm light.
    cv::Mat light(p.size, CV_32F);
    const double angle = std::uniform_real_distribution<double>(0, 2 * M_PI)(random);
    for (int y = 0; y < light.rows; ++y) {
      for (int x = 0; x < light.cols; ++x) {
        const double t =
            ((x - light.cols / 2.0) * std::cos(angle) + (y - light.rows / 2.0) * std::sin(angle)) /
            (0.5 * std::hypot(light.cols, light.rows));
        const double s = 1 / (1 + std::exp(-6 * t));  // 0..1 across the photo
        light.at<float>(y, x) = static_cast<float>(1 - p.shadow * s);
      }
    }
    cv::Mat f;
    photo.convertTo(f, CV_32FC3);
    std::vector<cv::Mat> ch;
    cv::split(f, ch);
    const std::array<double, 3> warm{0.9, 0.97, 1.0};
    for (std::size_t c = 0; c < 3; ++c) ch[c] = ch[c].mul(light) * warm[c];
    cv::merge(ch, f);
    f.convertTo(photo, CV_8UC3);
  }
  apply_light(photo, p);
  if (p.blur_px > 0) cv::GaussianBlur(photo, photo, cv::Size(), p.blur_px);
  if (p.noise > 0) {
    cv::Mat noise(p.size, CV_16SC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(p.noise));
    cv::Mat s;
    photo.convertTo(s, CV_16SC3);
    s += noise;
    s.convertTo(photo, CV_8UC3);
  }
  return photo;
}

PhotoParams upright_phone_photo(std::string name) {
  PhotoParams p;
  p.name = std::move(name);
  p.size = {3000, 4000};
  p.rotation_deg = 93;
  p.tilt = 0.1;
  p.blur_px = 1.0;
  p.noise = 4;
  p.shadow = 0.35;
  p.jpeg_quality = 85;
  return p;
}

std::filesystem::path write_photo(const cv::Mat& image, const std::filesystem::path& dir,
                                  const std::string& name, int jpeg_quality) {
  const std::filesystem::path path = dir / (name + (jpeg_quality > 0 ? ".jpg" : ".png"));
  std::vector<int> params;
  if (jpeg_quality > 0) params = {cv::IMWRITE_JPEG_QUALITY, jpeg_quality};
  if (!cv::imwrite(path.string(), image, params))
    throw std::runtime_error("cannot write " + path.string());
  return path;
}

}  // namespace wijkatlas::test
