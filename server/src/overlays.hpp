#pragma once
// The overlays the page can switch on: programme wijken, CBS wijken and buurten from the area
// hierarchy, initiatives by theme from the registry. Each is a GeoJSON FeatureCollection in RD
// New plus a catalogue entry: its Dutch title, its legend in the printed maps' symbols and
// colours, and the Dutch label of every attribute. Personal fields (contact_*, prive_*) are
// never read.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::server {

struct Overlay {
  std::string id;
  nlohmann::json entry;     // catalogue: titel, soort, stijl, legenda, velden, zichtbaar
  nlohmann::json features;  // FeatureCollection
};

Overlay area_overlay(const geo::AreaHierarchy& hierarchy, geo::Level level);
// `registry` read with only its public fields; the themes get the symbols the printed maps give
// them (sorted theme names, render::category_symbol).
Overlay initiative_overlay(const geo::Layer& registry);

// Named landmarks (geo/landmarks.hpp) as one point layer, off at start; `source` credits them.
Overlay landmark_overlay(const std::vector<geo::Landmark>& landmarks, const std::string& source);

// The registry's public fields in the order the page shows them.
std::vector<std::string> initiative_fields();

}  // namespace wijkatlas::server
