#pragma once
// Rendered tiles kept on disk between runs, so that the next meeting's beamer shows the wijk at
// once: <cache dir>/tegels/<version>/<z>/<x>/<y>.png. A tile is drawn from the base map's extract
// in the tile style, nothing else, so the version is made of exactly those: the extract's
// content (SHA-256) and the style (render::tile_style_version, label scale, language). A changed
// extract or style finds none of the old tiles, and the tiles of other versions are removed when
// a cache opens. Each tile is written whole (temporary file + rename): a killed server leaves no
// half tile, and a file that is not a whole PNG is ignored and drawn again. When the directory
// cannot be written (read-only, disk full) the tiles stay in memory only, with one warning.
#include <atomic>
#include <filesystem>
#include <string>

#include "tile_cache.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/tile_grid.hpp"
#include "wijkatlas/render/tiles.hpp"

namespace wijkatlas::server {

// "<first 16 hex digits of the extract's SHA-256>-s<style version>-<label scale>-<language>";
// "zonder-basiskaart-..." without an extract.
std::string tile_version(const std::string& extract_sha256, const render::TileStyle& style);

class TileDiskCache {
 public:
  // `root`: the cache directory (tiles go to root/tegels/<version>). Removes the tiles of other
  // versions. Never throws for the disk: a cache that cannot be used is off.
  TileDiskCache(const std::filesystem::path& root, std::string version, geo::Reporter& reporter);

  // The tile's PNG, or nullptr when it is not on disk (or not a whole PNG).
  TileBytes find(const render::TileCoord& tile) const;
  // Writes the tile; a failure turns the cache off with one warning.
  void put(const render::TileCoord& tile, const std::vector<std::byte>& png);

  bool enabled() const { return enabled_; }
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path file_of(const render::TileCoord& tile) const;
  void turn_off(const std::string& why);

  std::filesystem::path directory_;
  geo::Reporter& reporter_;
  std::atomic<bool> enabled_{true};
};

}  // namespace wijkatlas::server
