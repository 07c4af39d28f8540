#pragma once
// Reads PNGs back for pixel checks (libpng's simplified API).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace wijkatlas::render::test {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  // rows top to bottom, 3 bytes a pixel

  struct Rgb {
    int r, g, b;
    bool operator==(const Rgb&) const = default;
  };
  Rgb at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

RgbImage read_png(const std::filesystem::path& path);
// The same from a PNG in memory.
RgbImage read_png(std::span<const std::byte> bytes);

// Width and height from the header only, without decoding (for very large images).
std::pair<int, int> png_dimensions(const std::filesystem::path& path);

}  // namespace wijkatlas::render::test
