#pragma once
// Base map tiles: served from the memory cache, or drawn with their metatile (4 x 4 tiles, one
// label pass) from the prepared OSM extract by a few painter threads of their own (one per core
// of a laptop with two): metatiles are drawn side by side, each once (a request for a metatile
// being drawn waits for that drawing), and only those threads hold Pango's per-thread font
// maps. The server's workers keep answering from the cache meanwhile. With a disk cache, tiles
// drawn in an earlier run of the same base map and style come from disk (tile_disk_cache.hpp),
// and every tile drawn is written there after the requests waiting for it are answered.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "tile_cache.hpp"
#include "tile_disk_cache.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/tile_grid.hpp"
#include "wijkatlas/render/tiles.hpp"

namespace wijkatlas::server {

class TileService {
 public:
  // `extract` nullopt: no OSM data, tiles show the paper tone only. `disk_root` nullopt: tiles
  // in memory only; else the directory that keeps them between runs (TileDiskCache).
  TileService(const std::optional<std::filesystem::path>& extract,
              const geo::BaseMapCacheOptions& cache, std::size_t cache_bytes, std::size_t painters,
              const std::optional<std::filesystem::path>& disk_root, geo::Reporter& reporter);
  // A PNG. Throws render_error for a tile outside the grid.
  TileBytes tile(const render::TileCoord& tile);
  const render::TileGrid& grid() const { return grid_; }
  // The prepared base map the tiles are drawn from; nullptr without an OSM extract.
  const geo::PreparedBaseMap* basemap() const { return basemap_ ? &*basemap_ : nullptr; }

  struct Stats {
    std::size_t hits = 0;
    std::size_t disk_hits = 0;  // read from disk, not drawn
    std::size_t metatiles = 0;
    double render_ms = 0;  // all metatiles together
    std::size_t cached_bytes = 0;
  };
  Stats stats() const;
  // The directory tiles are kept in between runs; nullptr when they are not.
  const TileDiskCache* disk() const { return disk_ ? &*disk_ : nullptr; }
  // Held while a print is drawn: one print at a time (an A0 page is large), beside the tiles.
  std::mutex& print_painter() { return print_mutex_; }

 private:
  // One metatile to draw, shared by the requests that wait for it.
  struct Job {
    render::Metatile meta;
    bool done = false;
    std::vector<std::pair<render::TileCoord, TileBytes>> tiles;
    std::exception_ptr error;
  };
  TileBytes render(const render::TileCoord& tile);
  void paint(std::stop_token stop);
  std::vector<std::pair<render::TileCoord, TileBytes>> draw(const render::Metatile& meta);

  render::TileGrid grid_;
  std::optional<geo::PreparedBaseMap> basemap_;
  geo::Reporter& reporter_;
  TileCache cache_;
  std::optional<TileDiskCache> disk_;
  mutable std::mutex render_mutex_;   // guards what follows up to hits_
  std::condition_variable_any work_;  // a job was queued (or the service stops)
  std::condition_variable drawn_;     // a job is done
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<std::uint64_t, std::shared_ptr<Job>> in_flight_;  // queued or being drawn
  std::size_t painting_ = 0;
  std::size_t metatiles_ = 0;
  double render_ms_ = 0;
  std::atomic<std::size_t> hits_{0};
  std::atomic<std::size_t> disk_hits_{0};
  std::mutex print_mutex_;
  std::vector<std::jthread> painters_;  // last: stopped and joined before the rest goes
};

}  // namespace wijkatlas::server
