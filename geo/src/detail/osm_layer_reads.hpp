#pragma once
// Counts the reads behind geo::osm_layer_reads(): every read of an OSM extract's layer.

namespace wijkatlas::geo::detail {

void count_osm_layer_read();

}  // namespace wijkatlas::geo::detail
