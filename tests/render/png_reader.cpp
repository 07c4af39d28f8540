#include "png_reader.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <string>

namespace wijkatlas::render::test {

namespace {

// Decodes an image whose header `image` has read.
RgbImage finish_read(png_image& image, const std::string& source) {
  RgbImage result;
  image.format = PNG_FORMAT_RGB;
  result.width = static_cast<int>(image.width);
  result.height = static_cast<int>(image.height);
  result.rgb.resize(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, result.rgb.data(), 0, nullptr) == 0) {
    ADD_FAILURE() << "cannot decode " << source << ": " << image.message;
  }
  return result;
}

}  // namespace

RgbImage read_png(const std::filesystem::path& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0) {
    ADD_FAILURE() << "cannot read " << path << ": " << image.message;
    return {};
  }
  return finish_read(image, path.string());
}

RgbImage read_png(std::span<const std::byte> bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) {
    ADD_FAILURE() << "cannot read the PNG in memory: " << image.message;
    return {};
  }
  return finish_read(image, "the PNG in memory");
}

std::pair<int, int> png_dimensions(const std::filesystem::path& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0) {
    ADD_FAILURE() << "cannot read " << path << ": " << image.message;
    return {0, 0};
  }
  const std::pair<int, int> size{static_cast<int>(image.width), static_cast<int>(image.height)};
  png_image_free(&image);
  return size;
}

}  // namespace wijkatlas::render::test
