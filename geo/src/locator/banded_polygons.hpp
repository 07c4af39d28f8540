#pragma once
// The exact per-polygon tests of PolygonLocator: each polygon's edges grouped in horizontal
// bands, so that a point only tests the few edges near its y.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "locator/edges.hpp"
#include "wijkatlas/support/huge_page_array.hpp"

namespace wijkatlas::geo::locator_detail {

struct BandedPolygon {
  // Bounding box of the edges; empty (min > max) for a polygon without edges.
  double xmin = 1, ymin = 1, xmax = 0, ymax = 0;
  double inverse_band_height = 0;
  std::uint32_t band_count = 0;
  std::uint32_t first_band = 0;                 // in its chunk's band offsets
  const std::uint32_t* band_offsets = nullptr;  // band i: edges[band_offsets[i]..[i + 1])
  const Edge* edges = nullptr;
};

class BandedPolygons {
 public:
  // How many edges a polygon files in its bands (an edge near a band boundary is filed in
  // both): the storage to give the chunk that adds it.
  static std::size_t filed_edges(std::span<const Edge> own);

  // Consecutive polygons, built on one thread; several chunks are built in parallel, each into
  // its own part of one array of edges (in huge pages: tens of megabytes written once, where
  // faulting in 4 KiB pages took most of the build).
  class Chunk {
   public:
    // The part of the edge array this chunk fills: exactly the filed_edges of its polygons.
    void use(Edge* edges, std::size_t capacity) {
      edges_ = edges;
      capacity_ = capacity;
    }
    void add(std::span<const Edge> own);  // the next polygon's edges

   private:
    friend class BandedPolygons;
    std::vector<BandedPolygon> polygons_;
    std::vector<std::uint32_t> band_offsets_{0};
    Edge* edges_ = nullptr;
    std::size_t used_ = 0, capacity_ = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges_;  // scratch: bands per edge
    std::vector<std::uint32_t> cursor_;                            // scratch: next slot per band
  };

  BandedPolygons() = default;
  // `chunks` in polygon order, filled into `edges`.
  BandedPolygons(std::vector<Chunk> chunks, support::HugePageArray<Edge> edges);

  std::size_t size() const { return polygons_.size(); }
  std::size_t edge_count() const { return edge_count_; }  // as filed in bands

  // Whether polygon k's bounding box (closed) holds p. The other tests are only asked for
  // polygons whose box holds the point, as an R-tree of the boxes would.
  bool box_covers(std::uint32_t k, double px, double py) const {
    const BandedPolygon& b = polygons_[k];
    return px >= b.xmin && px <= b.xmax && py >= b.ymin && py <= b.ymax;
  }

  // Odd number of crossings of the ray from p towards +x (ray_crosses).
  bool contains(std::uint32_t k, double px, double py) const {
    bool inside = false;
    for (const Edge& e : band_edges(k, py)) inside ^= ray_crosses(e, px, py);
    return inside;
  }

  // Ask the cache for what contains(k, ., py) reads: first the band's place among the edges,
  // then, once that has arrived, the band's first edges.
  void prefetch_band(std::uint32_t k, double py) const {
    const BandedPolygon& b = polygons_[k];
    if (b.band_count > 0) __builtin_prefetch(b.band_offsets + band_of(b, py));
  }
  void prefetch_band_edges(std::uint32_t k, double py) const {
    const BandedPolygon& b = polygons_[k];
    if (b.band_count > 0) __builtin_prefetch(b.edges + b.band_offsets[band_of(b, py)]);
  }

  bool touches(std::uint32_t k, double px, double py) const {
    for (const Edge& e : band_edges(k, py)) {
      if (on_edge(e, px, py)) return true;
    }
    return false;
  }

 private:
  // Band holding y, by the same arithmetic at build and at query time, so that an edge is
  // always filed in every band a query on it can look in.
  static std::uint32_t band_of(const BandedPolygon& b, double y) {
    const double position = (y - b.ymin) * b.inverse_band_height;
    return static_cast<std::uint32_t>(
        std::clamp(position, 0.0, static_cast<double>(b.band_count - 1)));
  }
  std::span<const Edge> band_edges(std::uint32_t k, double py) const {
    const BandedPolygon& b = polygons_[k];
    if (b.band_count == 0) return {};
    const std::uint32_t band = band_of(b, py);
    return std::span<const Edge>(b.edges + b.band_offsets[band],
                                 b.band_offsets[band + 1] - b.band_offsets[band]);
  }

  // The polygon's box and bands, without its edges filed.
  static BandedPolygon frame(std::span<const Edge> own);

  std::vector<BandedPolygon> polygons_;
  std::vector<Chunk> chunks_;           // the band offsets polygons_ points into
  support::HugePageArray<Edge> edges_;  // the edges polygons_ points into
  std::size_t edge_count_ = 0;
};

}  // namespace wijkatlas::geo::locator_detail
