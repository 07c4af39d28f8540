#pragma once
// A box grown by a margin on every side (RD New metres).
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::server {

inline geo::Box grown(const geo::Box& box, double margin) {
  return {{box.min_corner().x() - margin, box.min_corner().y() - margin},
          {box.max_corner().x() + margin, box.max_corner().y() + margin}};
}

}  // namespace wijkatlas::server
