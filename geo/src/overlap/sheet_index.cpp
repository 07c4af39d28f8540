#include "overlap/sheet_index.hpp"

#include <boost/geometry.hpp>

namespace wijkatlas::geo::overlap_detail {
namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
std::vector<SheetIndex::Entry> entries(std::span<const DissolvedSheet> sheets, bool coverage) {
  std::vector<SheetIndex::Entry> out;
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const MultiPolygon& mp = coverage ? sheets[s].coverage : sheets[s].marked;
    for (std::size_t p = 0; p < mp.size(); ++p) {
      out.push_back({bg::return_envelope<Box>(mp[p]),
                     {static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(p),
                      static_cast<std::uint32_t>(bg::num_points(mp[p]))}});
    }
  }
  return out;
}
}  // namespace

SheetIndex::SheetIndex(std::span<const DissolvedSheet> sheets) {
  auto marked = entries(sheets, false);
  bg::assign_inverse(extent_);
  for (const auto& e : marked) bg::expand(extent_, e.first);
  // Packing construction (STR bulk load): faster to build and to query than inserts.
  marked_ = Tree(marked.begin(), marked.end());
  auto coverage = entries(sheets, true);
  coverage_ = Tree(coverage.begin(), coverage.end());
}

std::vector<SheetIndex::Entry> SheetIndex::marked_in(const Box& box) const {
  std::vector<Entry> out;
  marked_.query(bgi::intersects(box), std::back_inserter(out));
  return out;
}

std::size_t SheetIndex::marked_vertices_in(const Box& box) const {
  std::size_t total = 0;
  for (auto it = marked_.qbegin(bgi::intersects(box)); it != marked_.qend(); ++it) {
    total += it->second.vertices;
  }
  return total;
}

std::vector<SheetIndex::Entry> SheetIndex::coverage_in(const Box& box) const {
  std::vector<Entry> out;
  coverage_.query(bgi::intersects(box), std::back_inserter(out));
  return out;
}

}  // namespace wijkatlas::geo::overlap_detail
