#pragma once
// The exact per-polygon tests of PolygonLocator: each polygon's edges grouped in horizontal
// bands, so that a point only tests the few edges near its y.
#include <cstdint>
#include <span>
#include <vector>

#include "locator/edges.hpp"

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
  // Consecutive polygons, built on one thread; several chunks are built in parallel and keep
  // their own storage.
  class Chunk {
   public:
    void add(std::span<const Edge> own);  // the next polygon's edges

   private:
    friend class BandedPolygons;
    std::vector<BandedPolygon> polygons_;
    std::vector<std::uint32_t> band_offsets_{0};
    std::vector<Edge> edges_;
  };

  BandedPolygons() = default;
  explicit BandedPolygons(std::vector<Chunk> chunks);  // in polygon order

  std::size_t size() const { return polygons_.size(); }

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

  bool touches(std::uint32_t k, double px, double py) const {
    for (const Edge& e : band_edges(k, py)) {
      if (on_edge(e, px, py)) return true;
    }
    return false;
  }

 private:
  // Band holding y, by the same arithmetic at build and at query time, so that an edge is
  // always filed in every band a query on it can look in.
  static std::uint32_t band_of(const BandedPolygon& b, double y);
  std::span<const Edge> band_edges(std::uint32_t k, double py) const {
    const BandedPolygon& b = polygons_[k];
    if (b.band_count == 0) return {};
    const std::uint32_t band = band_of(b, py);
    return std::span<const Edge>(b.edges + b.band_offsets[band],
                                 b.band_offsets[band + 1] - b.band_offsets[band]);
  }

  std::vector<BandedPolygon> polygons_;
  std::vector<Chunk> chunks_;  // the storage polygons_ points into
};

}  // namespace wijkatlas::geo::locator_detail
