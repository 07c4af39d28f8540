#include "image_source.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <vector>

#include "pdf_raster.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch::photo {
namespace {

constexpr const char* step = "reading the image";

bool starts_with(const std::vector<unsigned char>& bytes, std::initializer_list<unsigned char> magic) {
  return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

// A JPEG cut short (an interrupted copy or upload) has no end-of-image marker. libjpeg would
// fill the missing rows with grey and only warn, so the reader would look for ink in grey.
// Cameras may append data after the marker, hence the search in the file's tail.
bool jpeg_has_end_marker(const std::vector<unsigned char>& bytes) {
  const std::size_t tail = std::min<std::size_t>(bytes.size(), 1 << 20);
  for (std::size_t i = bytes.size() - 1; i > bytes.size() - tail; --i) {
    if (bytes[i - 1] == 0xFF && bytes[i] == 0xD9) return true;
  }
  return false;
}

}  // namespace

cv::Mat load_image(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string(), "cannot open the image file");
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw data_error(path.string(), step, "the file is empty");

  const bool jpeg = starts_with(bytes, {0xFF, 0xD8, 0xFF});
  const bool png = starts_with(bytes, {0x89, 'P', 'N', 'G'});
  if (starts_with(bytes, {'%', 'P', 'D', 'F'})) return rasterise_pdf(path, bytes);
  if (!jpeg && !png) {
    throw data_error(path.string(), step, "not a JPEG, PNG or PDF file: take a photo (JPEG) or scan to PNG or PDF");
  }
  if (jpeg && !jpeg_has_end_marker(bytes)) {
    throw data_error(path.string(), step, "the JPEG file is damaged or incomplete (it ends too early): copy the photo again from the phone");
  }
  // Orientation from EXIF is ignored: the markers tell which way up the sheet is anyway.
  cv::Mat image = cv::imdecode(bytes, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  if (image.empty()) {
    throw data_error(path.string(), step, std::string("the ") + (jpeg ? "JPEG" : "PNG") + " file is damaged and cannot be decoded: copy or export it again");
  }
  return image;
}

}  // namespace wijkatlas::sketch::photo
