#pragma once
// The quiet OSM base map under a thematic map that is not made from a map definition (the
// overlap map, the compare panels), so that residents find their streets on it.
#include <filesystem>
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map_spec.hpp"

namespace wijkatlas::project {

struct BaseMapSource {
  bool enabled = true;
  std::string data_dir;   // its OSM extract (geo::find_osm_extract); empty: resolve_data_dir()
  std::string cache_dir;  // prepared base maps; empty: geo::default_cache_dir()
  bool street_labels = true;
};

inline BaseMapSource without_street_labels(BaseMapSource source) {
  source.street_labels = false;
  return source;
}

// The ground the map's frame will show, with a margin for what reaches over its edge. Throws
// render_error when the frame cannot be planned.
geo::Box frame_ground(const render::MapSpec& spec);

// Puts the base map under every layer of `spec`, read for the ground its frame shows. Without
// an extract in the data directory the map stays as it is, with a warning.
void add_base_map_under(render::MapSpec& spec, const BaseMapSource& source,
                        geo::Reporter& reporter);

// The warning for a map that asked for a base map where the data directory has none.
std::string no_base_map_message(const std::filesystem::path& data_dir);

}  // namespace wijkatlas::project
