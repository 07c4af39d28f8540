#include "tile_service.hpp"

#include <chrono>

#include "wijkatlas/render/tiles.hpp"

namespace wijkatlas::server {

TileService::TileService(const std::optional<std::filesystem::path>& extract,
                         const geo::BaseMapCacheOptions& cache, std::size_t cache_bytes,
                         geo::Reporter& reporter)
    : reporter_(reporter), cache_(cache_bytes) {
  if (extract) basemap_.emplace(*extract, cache, reporter);
}

TileBytes TileService::tile(const render::TileCoord& tile) {
  grid_.tile_box(tile);  // throws for a tile outside the grid
  if (TileBytes hit = cache_.find(tile)) {
    ++hits_;
    return hit;
  }
  return render(tile);
}

TileBytes TileService::render(const render::TileCoord& tile) {
  const std::lock_guard lock(render_mutex_);
  if (TileBytes done = cache_.find(tile)) return done;  // drawn while this one waited
  const auto start = std::chrono::steady_clock::now();
  const render::Metatile meta = render::metatile_of(grid_, tile);
  std::vector<render::MapLayer> layers;
  if (basemap_) {
    const geo::Box ground = render::metatile_box(grid_, meta, render::tile_read_buffer_px);
    layers.emplace_back(render::BaseMapLayer{basemap_->read(ground, reporter_), true});
  }
  TileBytes wanted;
  for (render::RenderedTile& t : render::render_metatile(std::move(layers), grid_, meta)) {
    auto png = std::make_shared<const std::vector<std::byte>>(std::move(t.png));
    if (t.tile == tile) wanted = png;
    cache_.put(t.tile, std::move(png));
  }
  ++metatiles_;
  render_ms_ +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return wanted;
}

TileService::Stats TileService::stats() const {
  Stats s;
  s.hits = hits_;
  s.cached_bytes = cache_.bytes();
  const std::lock_guard lock(render_mutex_);
  s.metatiles = metatiles_;
  s.render_ms = render_ms_;
  return s;
}

}  // namespace wijkatlas::server
