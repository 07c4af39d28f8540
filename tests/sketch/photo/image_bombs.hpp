#pragma once
// Decompression bombs: small, valid JPEG and PNG files whose headers declare another size (a
// 1.5 KB JPEG promising 32,000 x 32,000 pixels), as a hostile or broken upload would.
#include <filesystem>
#include <vector>

namespace wijkatlas::test {

std::vector<unsigned char> jpeg_declaring(int width, int height);
std::vector<unsigned char> png_declaring(int width, int height);

void write_bytes(const std::filesystem::path& path, const std::vector<unsigned char>& bytes);

}  // namespace wijkatlas::test
