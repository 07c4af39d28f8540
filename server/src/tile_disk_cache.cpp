#include "tile_disk_cache.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>

#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::server {
namespace {
namespace fs = std::filesystem;

constexpr std::array<unsigned char, 8> png_signature = {0x89, 'P',  'N',  'G',
                                                        '\r', '\n', 0x1a, '\n'};
// The last chunk of every PNG: IEND with its CRC.
constexpr std::array<unsigned char, 8> png_end = {'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};

bool whole_png(const std::vector<std::byte>& bytes) {
  if (bytes.size() < png_signature.size() + png_end.size()) return false;
  const auto as_byte = [](unsigned char c) { return std::byte{c}; };
  return std::equal(png_signature.begin(), png_signature.end(), bytes.begin(),
                    [&](unsigned char c, std::byte b) { return as_byte(c) == b; }) &&
         std::equal(png_end.begin(), png_end.end(), bytes.end() - png_end.size(),
                    [&](unsigned char c, std::byte b) { return as_byte(c) == b; });
}

}  // namespace

std::string tile_version(const std::string& extract_sha256, const render::TileStyle& style) {
  const std::string data =
      extract_sha256.empty() ? "zonder-basiskaart" : extract_sha256.substr(0, 16);
  return data + "-s" + std::to_string(render::tile_style_version) + "-" +
         std::to_string(std::lround(style.label_scale * 100)) + "-" +
         (style.language == render::Language::nl ? "nl" : "en");
}

TileDiskCache::TileDiskCache(const fs::path& root, std::string version, geo::Reporter& reporter)
    : directory_(root / "tegels" / version), reporter_(reporter) {
  std::error_code ec;
  fs::create_directories(directory_, ec);
  if (ec) {
    turn_off("cannot create " + directory_.string() + ": " + ec.message());
    return;
  }
  // Tiles of another extract or style: never asked for again.
  for (const fs::directory_entry& entry : fs::directory_iterator(root / "tegels", ec)) {
    if (entry.path().filename() == version) continue;
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

fs::path TileDiskCache::file_of(const render::TileCoord& tile) const {
  return directory_ / std::to_string(tile.z) / std::to_string(tile.x) /
         (std::to_string(tile.y) + ".png");
}

TileBytes TileDiskCache::find(const render::TileCoord& tile) const {
  if (!enabled_) return nullptr;
  std::ifstream in(file_of(tile), std::ios::binary);
  if (!in) return nullptr;
  std::vector<char> chars{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::vector<std::byte> bytes(chars.size());
  std::transform(chars.begin(), chars.end(), bytes.begin(), [](char c) { return std::byte(c); });
  if (!whole_png(bytes)) return nullptr;  // drawn again, and written over
  return std::make_shared<const std::vector<std::byte>>(std::move(bytes));
}

void TileDiskCache::put(const render::TileCoord& tile, const std::vector<std::byte>& png) {
  if (!enabled_) return;
  const fs::path file = file_of(tile);
  try {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) throw output_error(file.parent_path().string(), ec.message());
    geo::AtomicFile out(file);
    {
      std::ofstream stream(out.temporary_path(), std::ios::binary);
      stream.write(reinterpret_cast<const char*>(png.data()),
                   static_cast<std::streamsize>(png.size()));
      stream.close();
      if (!stream) throw output_error(file.string(), "cannot write (disk full?)");
    }
    out.commit();
  } catch (const std::exception& e) {
    turn_off(e.what());
  }
}

void TileDiskCache::turn_off(const std::string& why) {
  if (!enabled_.exchange(false)) return;  // warned once already
  reporter_.warn("tiles are not kept on disk (" + why + "); they stay in memory for this run");
}

}  // namespace wijkatlas::server
