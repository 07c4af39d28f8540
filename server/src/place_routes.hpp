#pragma once
// Pointing at a place without drawing (issue 14): buurt -> street -> "bij" a landmark, from the
// project's buurten, the base map's street names and its landmarks (project/place_picker.hpp).
// Read-only: the page stores the chosen point as an ordinary drawing.
#include <httplib.h>

#include <map>
#include <string>

#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::server {

struct PickerBuurt {
  std::string naam;
  geo::MultiPolygon geometry;
};

struct PlacePicker {
  std::map<std::string, PickerBuurt> buurten;     // by CBS code
  const geo::PreparedBaseMap* basemap = nullptr;  // none: no streets to offer
  geo::Reporter* reporter = nullptr;
};

// GET /api/aanwijzen/straten?buurt=CODE and GET /api/aanwijzen/plekken?buurt=CODE&straat=NAAM.
void add_place_routes(httplib::Server& http, const PlacePicker& picker);

}  // namespace wijkatlas::server
