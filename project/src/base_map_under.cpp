#include "wijkatlas/project/base_map_under.hpp"

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::project {

std::string no_base_map_message(const std::filesystem::path& data_dir) {
  return "no OSM extract in " + data_dir.string() +
         "/osm: a map without base map (datasets/fetch.sh fetches it)";
}

geo::Box frame_ground(const render::MapSpec& spec) {
  const render::MapFrame frame = render::plan_frame(spec, render::map_page_layout(spec.page).map);
  const geo::Box box = frame.world_extent();
  const double pad = 50;
  return geo::Box({box.min_corner().x() - pad, box.min_corner().y() - pad},
                  {box.max_corner().x() + pad, box.max_corner().y() + pad});
}

void add_base_map_under(render::MapSpec& spec, const BaseMapSource& source,
                        geo::Reporter& reporter) {
  if (!source.enabled) return;
  const auto data_dir = geo::resolve_data_dir(source.data_dir);
  const auto extract = geo::find_osm_extract(data_dir);
  if (!extract) {
    reporter.warn(no_base_map_message(data_dir));
    return;
  }
  const geo::PreparedBaseMap prepared(*extract, {source.cache_dir}, reporter);
  render::BaseMapLayer base{prepared.read(frame_ground(spec), reporter), source.street_labels};
  spec.layers.insert(spec.layers.begin(), render::MapLayer{std::move(base)});
}

}  // namespace wijkatlas::project
