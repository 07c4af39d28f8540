#pragma once
// The steps of plan_map, one file each.
#include <map>
#include <string>
#include <vector>

#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render::detail {

// The classes of each choropleth and the symbols of each point layer, into plan.classes and
// plan.symbols (one entry per layer). Throws render_error for values that do not match.
void plan_layer_styles(const MapSpec& spec, MapPlan& plan);

// Symbol per category, over the whole layer (sorted names), so pages of an atlas agree.
std::map<std::string, SymbolStyle> assign_symbols(const PointLayer& layer);

// Entries for what the frame shows: classes with counts, categories present, no-data.
std::vector<LegendEntry> legend_entries(const MapSpec& spec, const MapPlan& plan);

// Credits of the layers the frame shows.
std::string attribution_text(const MapSpec& spec, const geo::Box& extent);

// Area names, point labels and street names through the collision pass.
void place_map_labels(const MapSpec& spec, MapPlan& plan);

// The inset's frame: everything it shows, fitted at whatever round scale it needs.
std::optional<MapFrame> plan_inset(const LocatorInset& inset, const RectMm& area);

// User-facing words in the map's language.
std::string word(Language language, std::string_view key);

// The OpenStreetMap credit, with the data's year for an older extract (BaseMap::edition):
// "© OpenStreetMap-bijdragers (2021)".
std::string osm_credit(Language language, std::string_view edition);
// A kind of landmark as a legend names it: "Buurthuis", "Community centre".
std::string landmark_kind_name(geo::LandmarkKind kind, Language language);

}  // namespace wijkatlas::render::detail
