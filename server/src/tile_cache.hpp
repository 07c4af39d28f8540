#pragma once
// Rendered tiles kept in memory up to a byte budget, least recently used out first. Safe to use
// from the server's worker threads.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::server {

using TileBytes = std::shared_ptr<const std::vector<std::byte>>;

// A tile's or metatile's z, x, y packed into one number (z < 64, x and y < 2^29).
inline std::uint64_t grid_key(int z, int x, int y) {
  return (static_cast<std::uint64_t>(z) << 58) | (static_cast<std::uint64_t>(x) << 29) |
         static_cast<std::uint64_t>(y);
}

class TileCache {
 public:
  explicit TileCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  TileBytes find(const render::TileCoord& tile);
  void put(const render::TileCoord& tile, TileBytes png);
  std::size_t bytes() const;

 private:
  static std::size_t cost(const TileBytes& png);
  struct Slot {
    TileBytes png;
    std::list<std::uint64_t>::iterator age;
  };
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<std::uint64_t> ages_;  // most recent first
  std::unordered_map<std::uint64_t, Slot> slots_;
  mutable std::mutex mutex_;
};

}  // namespace wijkatlas::server
