#pragma once
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo::overlap_detail {

// Unions neighbouring faces with equal (n, N) (pieces cut by tile edges) into whole faces.
std::vector<OverlapFace> merge_equal_faces(std::vector<OverlapFace> faces,
                                           const OverlapOptions& options);

}  // namespace wijkatlas::geo::overlap_detail
