#include "tile_cache.hpp"

namespace wijkatlas::server {

// What a tile holds: its bytes, its vector's spare room, the map and list nodes and the
// shared pointer's control block.
std::size_t TileCache::cost(const TileBytes& png) {
  return png->capacity() + 128;
}

TileBytes TileCache::find(const render::TileCoord& tile) {
  const std::lock_guard lock(mutex_);
  const auto it = slots_.find(grid_key(tile.z, tile.x, tile.y));
  if (it == slots_.end()) return nullptr;
  ages_.splice(ages_.begin(), ages_, it->second.age);
  return it->second.png;
}

void TileCache::put(const render::TileCoord& tile, TileBytes png) {
  const std::lock_guard lock(mutex_);
  const std::uint64_t k = grid_key(tile.z, tile.x, tile.y);
  if (const auto it = slots_.find(k); it != slots_.end()) {
    bytes_ -= cost(it->second.png);
    ages_.erase(it->second.age);
    slots_.erase(it);
  }
  bytes_ += cost(png);
  ages_.push_front(k);
  slots_.emplace(k, Slot{std::move(png), ages_.begin()});
  while (bytes_ > max_bytes_ && ages_.size() > 1) {
    const auto oldest = slots_.find(ages_.back());
    bytes_ -= cost(oldest->second.png);
    slots_.erase(oldest);
    ages_.pop_back();
  }
}

std::size_t TileCache::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace wijkatlas::server
