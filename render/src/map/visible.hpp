#pragma once
// Which features a frame shows: envelope tests in RD New metres.
#include <boost/geometry/algorithms/envelope.hpp>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::render::detail {

inline bool boxes_meet(const geo::Box& a, const geo::Box& b) {
  return a.min_corner().x() <= b.max_corner().x() && b.min_corner().x() <= a.max_corner().x() &&
         a.min_corner().y() <= b.max_corner().y() && b.min_corner().y() <= a.max_corner().y();
}

inline bool contains(const geo::Box& box, const geo::Point& p) {
  return p.x() >= box.min_corner().x() && p.x() <= box.max_corner().x() &&
         p.y() >= box.min_corner().y() && p.y() <= box.max_corner().y();
}

template <class Geometry>
geo::Box envelope_of(const Geometry& g) {
  geo::Box box;
  boost::geometry::envelope(g, box);
  return box;
}

}  // namespace wijkatlas::render::detail
