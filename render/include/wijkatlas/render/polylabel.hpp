#pragma once
// Where to put an area's name: the pole of inaccessibility, the interior point farthest from
// the outline (Mapbox's polylabel). Unlike the centroid it lies inside a C-shaped buurt, and
// unlike GEOS's point-on-surface it sits where the label has the most room.
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::render {

struct InteriorPoint {
  geo::Point point;
  double distance = 0;  // to the nearest edge: the radius of the largest free circle
};

// For a multipolygon, the best point of its parts. `precision` is in the geometry's units.
// An empty geometry gives distance 0 at the origin.
InteriorPoint pole_of_inaccessibility(const geo::MultiPolygon& shape, double precision = 1.0);

}  // namespace wijkatlas::render
