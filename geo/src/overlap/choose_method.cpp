// When to switch from the exact map to the grid. The exact map's cost follows its number of
// faces, which follows the number of crossing outlines: every pair of overlapping marked parts
// of different sheets adds a few faces. Counting pairs of overlapping envelopes through the
// R-tree is cheap (well under a second for 20,000 sketches) and predicts that well enough.
#include <boost/geometry.hpp>

#include "overlap/sheet_index.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {
namespace {
// Faces per overlapping pair of parts, measured on the benchmark sets (docs/overlap.md).
constexpr double faces_per_pair = 2.0;
}  // namespace

OverlapEstimate choose_overlap_method(std::span<const DissolvedSheet> sheets,
                                      double max_exact_faces) {
  OverlapEstimate e;
  const overlap_detail::SheetIndex index(sheets);
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    for (const Polygon& part : sheets[s].marked) {
      e.vertices += boost::geometry::num_points(part);
      for (const auto& [box, ref] : index.marked_in(boost::geometry::return_envelope<Box>(part))) {
        if (ref.sheet > s) ++e.overlapping_pairs;  // each pair once, never a sheet with itself
      }
    }
  }
  e.expected_faces = faces_per_pair * static_cast<double>(e.overlapping_pairs);
  e.method = e.expected_faces <= max_exact_faces ? OverlapMethod::exact : OverlapMethod::grid;
  return e;
}

}  // namespace wijkatlas::geo
