#pragma once
// The tags of one feature read from GDAL's OSM driver: its own columns plus `other_tags`.
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::geo::detail {

OsmTags osm_tags_of(const Layer& layer, const Feature& feature);

}  // namespace wijkatlas::geo::detail
