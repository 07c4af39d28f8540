#include "image_source.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "pdf_raster.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/input_file.hpp"

namespace wijkatlas::sketch::photo {
namespace {

constexpr const char* step = "reading the image";

bool starts_with(const std::vector<unsigned char>& bytes,
                 std::initializer_list<unsigned char> magic) {
  return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}
bool is_jpeg(const std::vector<unsigned char>& bytes) {
  return starts_with(bytes, {0xFF, 0xD8, 0xFF});
}
bool is_png(const std::vector<unsigned char>& bytes) {
  return starts_with(bytes, {0x89, 'P', 'N', 'G'});
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

// The bytes as a file in GDAL's memory file system for as long as this lives (not copied).
class MemoryFile {
 public:
  explicit MemoryFile(const std::vector<unsigned char>& bytes)
      : name_("/vsimem/wijkatlas-image-" +
              std::to_string(reinterpret_cast<std::uintptr_t>(bytes.data()))) {
    VSILFILE* f = VSIFileFromMemBuffer(name_.c_str(), const_cast<GByte*>(bytes.data()),
                                       static_cast<vsi_l_offset>(bytes.size()), FALSE);
    if (f != nullptr) VSIFCloseL(f);
  }
  ~MemoryFile() { VSIUnlink(name_.c_str()); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

std::string format_name(const std::vector<unsigned char>& bytes) {
  return is_jpeg(bytes) ? "JPEG" : "PNG";
}

}  // namespace

cv::Size declared_image_size(const std::filesystem::path& path,
                             const std::vector<unsigned char>& bytes) {
  support::ensure_gdal_registered();
  const support::QuietGdalErrors quiet;
  const MemoryFile file(bytes);
  const std::string driver = format_name(bytes);
  const char* const drivers[] = {driver.c_str(), nullptr};
  const support::GdalDataset ds(
      GDALDataset::Open(file.name().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers));
  if (!ds || ds->GetRasterXSize() <= 0 || ds->GetRasterYSize() <= 0) {
    throw data_error(
        path.string(), step,
        "the " + driver + " file is damaged (its header cannot be read): copy or export it again");
  }
  return {ds->GetRasterXSize(), ds->GetRasterYSize()};
}

cv::Mat load_image(const std::filesystem::path& path) {
  const std::vector<unsigned char> bytes =
      support::read_regular_file(path, max_image_file_bytes, step, "a photo or scan of a sheet");
  if (bytes.empty()) throw data_error(path.string(), step, "the file is empty");

  const bool jpeg = is_jpeg(bytes), png = is_png(bytes);
  if (starts_with(bytes, {'%', 'P', 'D', 'F'})) return rasterise_pdf(path, bytes);
  if (!jpeg && !png) {
    throw data_error(path.string(), step,
                     "not a JPEG, PNG or PDF file: take a photo (JPEG) or scan to PNG or PDF");
  }
  // A decompression bomb: a small file whose header promises an enormous image. Refused on the
  // header, before the decoder allocates it.
  const cv::Size declared = declared_image_size(path, bytes);
  const double pixels = static_cast<double>(declared.width) * declared.height;
  if (pixels > max_image_pixels) {
    throw data_error(
        path.string(), step,
        "the image declares " + std::to_string(declared.width) + " x " +
            std::to_string(declared.height) + " pixels (" +
            std::to_string(std::llround(pixels / 1e6)) + " megapixels), more than the " +
            std::to_string(std::llround(max_image_pixels / 1e6)) +
            " megapixels a sheet needs: scan at 300 dpi, or use the photo as the camera took it");
  }
  if (jpeg && !jpeg_has_end_marker(bytes)) {
    throw data_error(path.string(), step,
                     "the JPEG file is damaged or incomplete (it ends too early): copy the photo "
                     "again from the phone");
  }
  // Orientation from EXIF is ignored: the markers tell which way up the sheet is anyway.
  cv::Mat image;
  try {
    image = cv::imdecode(bytes, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  } catch (const cv::Exception&) {
    image.release();  // OpenCV's own limits or a decoder error: the same answer as an empty result
  }
  if (image.empty()) {
    throw data_error(path.string(), step,
                     "the " + format_name(bytes) +
                         " file is damaged and cannot be decoded: copy or export it again");
  }
  return image;
}

}  // namespace wijkatlas::sketch::photo
