#pragma once
// A small, fixed map built in code (no data files): a grid of buurten with an indicator, a
// C-shaped area, a base map with named streets, water and buildings, and category points.
// Reference images and plan checks use it, so its content must not change without a re-baseline.
#include "wijkatlas/render/map_spec.hpp"

namespace wijkatlas::render::test {

// Somewhere in Arnhem-Oost (RD New).
inline constexpr double origin_x = 193'000;
inline constexpr double origin_y = 443'000;

MapSpec small_map_spec();

// A square (RD metres) as a multipolygon.
geo::MultiPolygon square(double x, double y, double side);

}  // namespace wijkatlas::render::test
