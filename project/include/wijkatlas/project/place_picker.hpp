#pragma once
// Pointing at a place without drawing (issue 14), for people who cannot use a mouse on a map:
// choose a buurt, then a street of it (the base map's street names), then "bij ..." a landmark
// along that street. The chosen place is a point on the street: nearest the landmark, or the
// street's middle in the buurt.
#include <string>
#include <vector>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::project {

struct StreetChoice {
  std::string name;
  geo::MultiLineString geometry;  // its named lines inside the area (RD New)
  geo::Point middle;              // the point of those lines nearest their centre
  double length_m = 0;
};

struct PlaceNearStreet {
  std::string name;
  geo::LandmarkKind kind = geo::LandmarkKind::park;
  geo::Point location;    // the landmark itself
  geo::Point on_street;   // the street's point nearest it: where the point is set
  double distance_m = 0;  // from the street
};

// The named streets (and paths) of `map` inside `area`, one per name, sorted by name as Dutch
// readers sort (case and accents aside). Waterways and railways are left out.
std::vector<StreetChoice> streets_in_area(const geo::BaseMap& map, const geo::MultiPolygon& area);

// Landmarks within `max_distance_m` of the street, nearest first, at most `limit`.
std::vector<PlaceNearStreet> places_along(const StreetChoice& street,
                                          const std::vector<geo::Landmark>& landmarks,
                                          double max_distance_m = 150, std::size_t limit = 12);

}  // namespace wijkatlas::project
