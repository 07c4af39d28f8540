#pragma once
// OSM tags written inline, for the tests of what the base map and the landmarks make of them.
#include <initializer_list>
#include <utility>

#include "wijkatlas/geo/basemap.hpp"

namespace wijkatlas::test {

inline geo::OsmTags tags(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  geo::OsmTags t;
  for (const auto& [k, v] : pairs) t.values.emplace(k, v);
  return t;
}

}  // namespace wijkatlas::test
