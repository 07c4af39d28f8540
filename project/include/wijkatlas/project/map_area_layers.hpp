#pragma once
// Drawable layers from the area hierarchy and from features read from a file: the fields a
// definition names are looked up here, and a missing one is reported through `fail(key, msg)`.
#include <functional>
#include <string>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/render/map_definition.hpp"

namespace wijkatlas::project {

using FailAt = std::function<void(const std::string& key, const std::string& message)>;  // throws

// "buurt", "wijk", "programma"/"programmawijk", "gemeente"; reports unknown ones at `key`.
geo::Level parse_map_level(const std::string& text, const std::string& key, const FailAt& fail);

// The envelope of one area of a level (by code or name, any case), or of the whole level.
geo::Box fit_areas(const geo::AreaHierarchy& hierarchy, const std::string& level,
                   const std::string& area, const FailAt& fail);

// Fields of an area: naam, code, inwoners, oppervlakte_km2, dichtheid (inhabitants per km²
// land), and every joined indicator.
render::MapLayer area_layer_from_hierarchy(const geo::AreaHierarchy& hierarchy,
                                           const render::LayerDefinition& l, const FailAt& fail);

render::MapLayer layer_from_features(const geo::Layer& data, const render::LayerDefinition& l,
                                     bool is_cbs, const FailAt& fail);

}  // namespace wijkatlas::project
