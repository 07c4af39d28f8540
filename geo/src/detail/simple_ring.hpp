#pragma once
// A quick test for the common valid polygon (one shell, no holes) before asking GEOS: reading
// 14,000 buurten spent most of its time in GEOS's validity check, which builds a noding index
// for every polygon. This sweep answers "certainly simple" or "ask GEOS"; it never calls an
// invalid ring valid, because every test near a tie (touching, collinear, rounding) says "ask
// GEOS".
#include <span>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::detail {

// True only when `ring` (closed: first point == last) is certainly a simple ring that GEOS
// would accept as the shell of a valid polygon: at least three distinct corners, finite
// coordinates, no repeated consecutive points, no two edges meeting except neighbours at their
// shared corner, no edge folding back onto its neighbour. False means: not known, ask GEOS.
bool certainly_simple_ring(std::span<const Point> ring);

}  // namespace wijkatlas::geo::detail
