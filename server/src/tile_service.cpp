#include "tile_service.hpp"

#include <chrono>
#include <stdexcept>

#include "wijkatlas/render/tiles.hpp"
#include "wijkatlas/support/free_memory.hpp"

namespace wijkatlas::server {

TileService::TileService(const std::optional<std::filesystem::path>& extract,
                         const geo::BaseMapCacheOptions& cache, std::size_t cache_bytes,
                         std::size_t painters,
                         const std::optional<std::filesystem::path>& disk_root,
                         geo::Reporter& reporter)
    : reporter_(reporter), cache_(cache_bytes) {
  if (extract) basemap_.emplace(*extract, cache, reporter);
  if (disk_root)
    disk_.emplace(*disk_root, tile_version(basemap_ ? basemap_->content_sha256() : "", {}),
                  reporter);
  for (std::size_t i = 0; i < std::max<std::size_t>(1, painters); ++i)
    painters_.emplace_back([this](std::stop_token stop) { paint(stop); });
}

TileBytes TileService::tile(const render::TileCoord& tile) {
  grid_.tile_box(tile);  // throws for a tile outside the grid
  if (TileBytes hit = cache_.find(tile)) {
    ++hits_;
    return hit;
  }
  if (disk_) {
    if (TileBytes kept = disk_->find(tile)) {
      ++disk_hits_;
      cache_.put(tile, kept);
      return kept;
    }
  }
  return render(tile);
}

TileBytes TileService::render(const render::TileCoord& tile) {
  const render::Metatile meta = render::metatile_of(grid_, tile);
  const std::uint64_t key = grid_key(meta.z, meta.x, meta.y);
  std::unique_lock lock(render_mutex_);
  if (TileBytes done = cache_.find(tile)) return done;  // drawn since the first look
  std::shared_ptr<Job>& job = in_flight_[key];
  if (!job) {
    job = std::make_shared<Job>(Job{meta, false, {}, nullptr});
    queue_.push_back(job);
    work_.notify_one();
  }
  const std::shared_ptr<Job> mine = job;
  drawn_.wait(lock, [&] { return mine->done; });
  if (mine->error) std::rethrow_exception(mine->error);
  for (const auto& [coord, png] : mine->tiles)
    if (coord == tile) return png;
  throw std::logic_error("a metatile was drawn without its tile");
}

void TileService::paint(std::stop_token stop) {
  std::unique_lock lock(render_mutex_);
  for (;;) {
    if (!work_.wait(lock, stop, [&] { return !queue_.empty(); })) return;
    const std::shared_ptr<Job> job = queue_.front();
    queue_.pop_front();
    ++painting_;
    lock.unlock();
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<render::TileCoord, TileBytes>> tiles;
    std::exception_ptr error;
    try {
      tiles = draw(job->meta);
      for (const auto& [coord, png] : tiles) cache_.put(coord, png);
    } catch (...) {
      error = std::current_exception();
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    lock.lock();
    job->tiles = tiles;
    job->error = error;
    job->done = true;
    in_flight_.erase(grid_key(job->meta.z, job->meta.x, job->meta.y));
    --painting_;
    if (!error) {
      ++metatiles_;
      render_ms_ += ms;
    }
    drawn_.notify_all();
    if (disk_ && !tiles.empty()) {
      // Kept for the next run once the requests waiting for them have their tiles.
      lock.unlock();
      for (const auto& [coord, png] : tiles) disk_->put(coord, *png);
      lock.lock();
    }
    if (painting_ == 0 && queue_.empty()) {
      // The drawing memory (4 MB surfaces, the features read) is free now: give it back once a
      // burst of metatiles is over, not after each (faulting it in again slowed a viewport by a
      // fifth; docs/performance.md).
      lock.unlock();
      support::return_free_memory();
      lock.lock();
    }
  }
}

std::vector<std::pair<render::TileCoord, TileBytes>> TileService::draw(
    const render::Metatile& meta) {
  std::vector<render::MapLayer> layers;
  if (basemap_) {
    const geo::Box ground = render::metatile_box(grid_, meta, render::tile_read_buffer_px);
    layers.emplace_back(render::BaseMapLayer{basemap_->read(ground, reporter_), true});
  }
  std::vector<std::pair<render::TileCoord, TileBytes>> out;
  for (render::RenderedTile& t : render::render_metatile(std::move(layers), grid_, meta)) {
    t.png.shrink_to_fit();  // the cache counts what the tile holds, not what it grew to
    out.emplace_back(t.tile, std::make_shared<const std::vector<std::byte>>(std::move(t.png)));
  }
  return out;
}

TileService::Stats TileService::stats() const {
  Stats s;
  s.hits = hits_;
  s.disk_hits = disk_hits_;
  s.cached_bytes = cache_.bytes();
  const std::lock_guard lock(render_mutex_);
  s.metatiles = metatiles_;
  s.render_ms = render_ms_;
  return s;
}

}  // namespace wijkatlas::server
