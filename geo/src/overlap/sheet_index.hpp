#pragma once
// R-trees over the parts of the dissolved sheets (marked areas and coverages), so a tile finds
// the few parts that reach it without looking at every sheet.
#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

struct PartRef {
  std::uint32_t sheet;
  std::uint32_t part;
  std::uint32_t vertices;
};

class SheetIndex {
 public:
  using Entry = std::pair<Box, PartRef>;
  using Tree = boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>>;

  explicit SheetIndex(std::span<const DissolvedSheet> sheets);

  std::vector<Entry> marked_in(const Box& box) const;
  std::vector<Entry> coverage_in(const Box& box) const;
  // Vertices of the marked parts whose envelopes meet `box`: the tiling's measure of work.
  std::size_t marked_vertices_in(const Box& box) const;
  const Box& extent() const noexcept { return extent_; }
  bool empty() const noexcept { return marked_.empty(); }

 private:
  Tree marked_;
  Tree coverage_;
  Box extent_;
};

}  // namespace wijkatlas::geo::overlap_detail
