#pragma once
// The one geometric predicate the arrangement needs, with a guaranteed sign: on which side of
// the line a->b lies c. A floating-point filter (Shewchuk's bound for orient2d) decides almost
// every call; the rest goes to GEOS's double-double orientation.
#include <cmath>

#include "overlap/geos_context.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::overlap_detail {

// +1: c lies left of a->b (counter-clockwise), -1: right, 0: on the line.
inline int orientation(const Point& a, const Point& b, const Point& c) {
  const double left = (b.x() - a.x()) * (c.y() - a.y());
  const double right = (b.y() - a.y()) * (c.x() - a.x());
  const double det = left - right;
  const double bound = 3.3306690738754716e-16 * (std::fabs(left) + std::fabs(right));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  // A difference of two doubles is zero only when they are equal, so two zero products are an
  // exact zero: the common case of points on one tile edge.
  if (left == 0 && right == 0) return 0;
  const int o =
      GEOSOrientationIndex_r(geos_context().get(), a.x(), a.y(), b.x(), b.y(), c.x(), c.y());
  if (o == 2) throw geometry_error("overlap arrangement", "GEOS orientation test failed");
  return o;
}

}  // namespace wijkatlas::geo::overlap_detail
