#include "qr_reader.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "zbar_handles.hpp"

namespace wijkatlas::sketch::photo {
namespace {

std::vector<std::string> scan(zbar::zbar_image_scanner_t* scanner, const cv::Mat& gray) {
  const cv::Mat image = gray.isContinuous() ? gray : gray.clone();
  ZbarImage zimage(zbar::zbar_image_create());
  zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(zimage.get(), static_cast<unsigned>(image.cols),
                            static_cast<unsigned>(image.rows));
  // No cleanup handler: the pixels stay owned by `image`, which outlives the zbar image.
  zbar::zbar_image_set_data(zimage.get(), image.data, image.total(), nullptr);
  std::vector<std::string> out;
  if (zbar::zbar_scan_image(scanner, zimage.get()) <= 0) return out;
  for (const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(zimage.get()); sym;
       sym = zbar::zbar_symbol_next(sym)) {
    if (zbar::zbar_symbol_get_type(sym) != zbar::ZBAR_QRCODE) continue;
    out.emplace_back(zbar::zbar_symbol_get_data(sym), zbar::zbar_symbol_get_data_length(sym));
  }
  return out;
}

ZbarScanner qr_scanner() {
  ZbarScanner scanner(zbar::zbar_image_scanner_create());
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  // Raw bytes: the payload is JSON, zbar's character-set guessing only gets in the way.
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
  return scanner;
}

}  // namespace

std::vector<std::string> read_qr_codes_once(const cv::Mat& gray) {
  return scan(qr_scanner().get(), gray);
}

std::vector<std::string> read_qr_codes_thresholded(const cv::Mat& gray, int block_px) {
  // Dark modules must be clearly darker than their neighbourhood's mean: a margin of 10 grey
  // levels keeps sensor noise on white paper white.
  constexpr double margin = 10;
  cv::Mat binary;
  cv::adaptiveThreshold(gray, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY,
                        std::max(3, block_px | 1), margin);
  return read_qr_codes_once(binary);
}

std::vector<int> qr_read_sizes(int long_side) {
  // About 3,200 px first (a sheet's QR modules are then 4-6 px, and a phone's paper texture and
  // noise are averaged away), then smaller ones, and the original size last (a flat scan whose
  // code is small on the page).
  std::vector<int> sizes;
  for (const int s : {3200, 2400, 1800, 1300}) {
    if (s < long_side) sizes.push_back(s);
  }
  sizes.push_back(long_side);
  return sizes;
}

std::vector<std::string> read_qr_codes_at(const cv::Mat& gray, std::span<const int> sizes) {
  const ZbarScanner scanner = qr_scanner();
  const int long_side = std::max(gray.cols, gray.rows);
  for (const int s : sizes) {
    cv::Mat resized;
    if (s >= long_side) {
      resized = gray;
    } else {
      const double f = static_cast<double>(s) / long_side;
      cv::resize(gray, resized, cv::Size(), f, f, cv::INTER_AREA);
    }
    auto found = scan(scanner.get(), resized);
    if (!found.empty()) return found;
  }
  return {};
}

std::vector<std::string> read_qr_codes(const cv::Mat& gray) {
  return read_qr_codes_at(gray, qr_read_sizes(std::max(gray.cols, gray.rows)));
}

}  // namespace wijkatlas::sketch::photo
