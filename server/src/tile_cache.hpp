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

class TileCache {
 public:
  explicit TileCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  TileBytes find(const render::TileCoord& tile);
  void put(const render::TileCoord& tile, TileBytes png);
  std::size_t bytes() const;

 private:
  static std::uint64_t key(const render::TileCoord& t);
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
