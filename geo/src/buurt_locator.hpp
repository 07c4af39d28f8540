#pragma once
// The locator over a hierarchy's buurten, which join_points and join_point_stream share: it
// reads the buurten's polygons where they are, without a copy.
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/locator.hpp"

namespace wijkatlas::geo::detail {

inline PolygonLocator buurt_locator(const AreaHierarchy& hierarchy, std::size_t expected_points,
                                    unsigned threads) {
  const auto& buurten = hierarchy.at(Level::buurt);
  std::vector<const MultiPolygon*> polygons;
  polygons.reserve(buurten.size());
  for (const auto& b : buurten) polygons.push_back(&b.geometry);
  LocatorOptions options;
  options.expected_points = expected_points;
  options.threads = threads;
  return PolygonLocator(std::span<const MultiPolygon* const>(polygons), options);
}

}  // namespace wijkatlas::geo::detail
