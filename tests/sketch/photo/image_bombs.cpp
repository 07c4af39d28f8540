#include "image_bombs.hpp"

#include <cstdint>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>

namespace wijkatlas::test {
namespace {

std::vector<unsigned char> encoded(const std::string& ext) {
  const cv::Mat image(64, 64, CV_8UC3, cv::Scalar(240, 240, 240));
  std::vector<unsigned char> bytes;
  if (!cv::imencode(ext, image, bytes)) throw std::runtime_error("cannot encode " + ext);
  return bytes;
}

void put_be16(std::vector<unsigned char>& b, std::size_t at, int v) {
  b.at(at) = static_cast<unsigned char>((v >> 8) & 0xFF);
  b.at(at + 1) = static_cast<unsigned char>(v & 0xFF);
}

void put_be32(std::vector<unsigned char>& b, std::size_t at, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i)
    b.at(at + i) = static_cast<unsigned char>((v >> (24 - 8 * i)) & 0xFF);
}

// PNG's CRC-32 (ISO 3309), bitwise: a few dozen bytes are checked.
std::uint32_t crc32(const unsigned char* data, std::size_t n) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

}  // namespace

std::vector<unsigned char> jpeg_declaring(int width, int height) {
  std::vector<unsigned char> b = encoded(".jpg");
  // Walk the segments after SOI to the frame header (SOF0..SOF15 without DHT, JPG and DAC).
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (b[i] != 0xFF) throw std::runtime_error("unexpected JPEG layout");
    const unsigned char marker = b[i + 1];
    const std::size_t length = static_cast<std::size_t>(b[i + 2] << 8 | b[i + 3]);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      put_be16(b, i + 5, height);
      put_be16(b, i + 7, width);
      return b;
    }
    i += 2 + length;
  }
  throw std::runtime_error("no frame header in the JPEG");
}

std::vector<unsigned char> png_declaring(int width, int height) {
  std::vector<unsigned char> b = encoded(".png");
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC.
  put_be32(b, 16, static_cast<std::uint32_t>(width));
  put_be32(b, 20, static_cast<std::uint32_t>(height));
  put_be32(b, 29, crc32(b.data() + 12, 17));
  return b;
}

void write_bytes(const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace wijkatlas::test
