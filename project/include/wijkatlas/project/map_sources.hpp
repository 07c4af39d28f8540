#pragma once
// Turning a map definition into a drawable map: finds the data (areas of the CBS hierarchy,
// any GDAL source, the OSM extract), checks every layer and field the definition names, and
// reports problems as config_error with the definition's file, key and line.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/codes.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map_definition.hpp"
#include "wijkatlas/render/map_spec.hpp"

namespace wijkatlas::project {

// Fit the map to this area instead of the definition's extent; the atlas renders one
// definition once per programme wijk this way.
struct ExtentOverride {
  std::string level;  // empty: the definition's extent
  std::string area;
};

// Loads data once for any number of maps (the atlas draws many pages from the same areas).
class MapSources {
 public:
  // data_dir "": resolve_data_dir(). Base maps are prepared once per extract in `cache`. With a
  // project `store` (a location as store::ProjectStore::open takes it), the areas and key
  // figures it holds and, for layers that ask for them (store_table), its initiatives.
  MapSources(std::string data_dir, geo::Reporter& reporter, geo::BaseMapCacheOptions cache = {},
             std::string store = {});
  ~MapSources();
  MapSources(const MapSources&) = delete;
  MapSources& operator=(const MapSources&) = delete;

  render::MapSpec resolve(const render::MapDefinition& definition,
                          const ExtentOverride& extent = {});
  // Code and name of every area of a level, in the hierarchy's order.
  std::vector<std::pair<std::string, std::string>> areas_of(geo::Level level);

  struct State;  // the data loaded so far (map_sources.cpp)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace wijkatlas::project
