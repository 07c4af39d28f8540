#pragma once
// Base map tiles: served from the memory cache, or drawn with their metatile (4 x 4 tiles, one
// label pass) from the prepared OSM extract. One metatile is drawn at a time: Cairo and Pango
// are used from one thread, the other workers keep answering from the cache meanwhile.
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>

#include "tile_cache.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::server {

class TileService {
 public:
  // `extract` nullopt: no OSM data, tiles show the paper tone only.
  TileService(const std::optional<std::filesystem::path>& extract,
              const geo::BaseMapCacheOptions& cache, std::size_t cache_bytes,
              geo::Reporter& reporter);
  // A PNG. Throws render_error for a tile outside the grid.
  TileBytes tile(const render::TileCoord& tile);
  const render::TileGrid& grid() const { return grid_; }

  struct Stats {
    std::size_t hits = 0;
    std::size_t metatiles = 0;
    double render_ms = 0;  // all metatiles together
    std::size_t cached_bytes = 0;
  };
  Stats stats() const;
  // Held while Cairo and Pango draw: a print takes it too.
  std::mutex& painter() { return render_mutex_; }

 private:
  TileBytes render(const render::TileCoord& tile);

  render::TileGrid grid_;
  std::optional<geo::PreparedBaseMap> basemap_;
  geo::Reporter& reporter_;
  TileCache cache_;
  mutable std::mutex render_mutex_;
  std::atomic<std::size_t> hits_{0};
  std::size_t metatiles_ = 0;  // under render_mutex_
  double render_ms_ = 0;
};

}  // namespace wijkatlas::server
