#include "locator/banded_polygons.hpp"

#include <algorithm>
#include <stdexcept>

namespace wijkatlas::geo::locator_detail {
namespace {

// The on-edge test reaches this far beyond an edge's ends, so an edge is filed that far into
// the neighbouring bands too.
constexpr double reach = on_edge_tolerance;

}  // namespace

BandedPolygon BandedPolygons::frame(std::span<const Edge> own) {
  BandedPolygon b;
  if (own.empty()) return b;
  b.xmin = b.xmax = own.front().x0;
  b.ymin = own.front().y0;
  b.ymax = own.front().y1;
  for (const Edge& e : own) {
    b.xmin = std::min({b.xmin, e.x0, e.x1});
    b.xmax = std::max({b.xmax, e.x0, e.x1});
    b.ymin = std::min(b.ymin, e.y0);
    b.ymax = std::max(b.ymax, e.y1);
  }
  // About four edges per band keeps the exact test short without wasting memory.
  b.band_count = static_cast<std::uint32_t>(std::clamp<std::size_t>(own.size() / 4, 1, 1024));
  b.inverse_band_height = b.band_count / std::max(b.ymax - b.ymin, 1e-9);
  return b;
}

std::size_t BandedPolygons::filed_edges(std::span<const Edge> own) {
  const BandedPolygon b = frame(own);
  std::size_t filed = 0;
  for (const Edge& e : own) filed += band_of(b, e.y1 + reach) - band_of(b, e.y0 - reach) + 1;
  return filed;
}

void BandedPolygons::Chunk::add(std::span<const Edge> own) {
  BandedPolygon& b = polygons_.emplace_back(frame(own));
  b.first_band = static_cast<std::uint32_t>(band_offsets_.size() - 1);
  if (own.empty()) return;
  // Counting sort: count the edges filed in each band, then file them.
  band_offsets_.resize(band_offsets_.size() + b.band_count, 0);
  std::uint32_t* offsets = band_offsets_.data() + b.first_band;
  ranges_.clear();
  for (const Edge& e : own) {
    const std::uint32_t first = band_of(b, e.y0 - reach), last = band_of(b, e.y1 + reach);
    ranges_.emplace_back(first, last);
    for (std::uint32_t i = first; i <= last; ++i) ++offsets[i + 1];
  }
  for (std::uint32_t i = 1; i <= b.band_count; ++i) offsets[i] += offsets[i - 1];
  // filed_edges counted the same bands with the same arithmetic.
  if (offsets[b.band_count] > capacity_) {
    throw std::logic_error("locator: a chunk's edges outgrew the storage counted for them");
  }
  used_ = offsets[b.band_count];
  cursor_.assign(offsets, offsets + b.band_count);
  for (std::size_t k = 0; k < own.size(); ++k) {
    for (std::uint32_t i = ranges_[k].first; i <= ranges_[k].second; ++i)
      edges_[cursor_[i]++] = own[k];
  }
}

BandedPolygons::BandedPolygons(std::vector<Chunk> chunks, support::HugePageArray<Edge> edges)
    : chunks_(std::move(chunks)), edges_(std::move(edges)) {
  std::size_t count = 0;
  for (const Chunk& chunk : chunks_) count += chunk.polygons_.size();
  polygons_.reserve(count);
  // The chunks no longer grow: their storage stays where it is.
  for (Chunk& chunk : chunks_) {
    edge_count_ += chunk.used_;
    for (BandedPolygon& b : chunk.polygons_) {
      b.band_offsets = chunk.band_offsets_.data() + b.first_band;
      b.edges = chunk.edges_;
      polygons_.push_back(b);
    }
    chunk.polygons_ = {};
  }
}

}  // namespace wijkatlas::geo::locator_detail
