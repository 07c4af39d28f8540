#include "viewer_state.hpp"

#include "basemap_coverage.hpp"
#include "box_margin.hpp"
#include "geojson.hpp"
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::server {
namespace {

geo::Layer read_registry(const std::string& registry, store::ProjectStore& store,
                         geo::Reporter& reporter) {
  if (registry.empty()) {
    if (std::optional<geo::Layer> stored = store.initiatives()) {
      reporter.info("initiatives from the project store " + store.location() + " (" +
                    std::to_string(stored->features.size()) + ")");
      return std::move(*stored);  // the store keeps no personal fields
    }
  }
  const std::filesystem::path path =
      registry.empty() ? geo::project_file("examples/initiatieven_arnhem_oost.csv")
                       : std::filesystem::path(registry);
  geo::ReadOptions read;
  read.fields = initiative_fields();  // never the personal contact fields
  return geo::read_layer(path, read, reporter);
}

nlohmann::json grid_json(const render::TileGrid& g) {
  nlohmann::json resolutions = nlohmann::json::array();
  for (int z = 0; z <= g.max_level; ++z) resolutions.push_back(g.resolution(z));
  return {{"oorsprong", {g.origin_x, g.origin_y}},
          {"tegel_px", g.tile_px},
          {"resoluties", resolutions},
          {"url", "/tiles/{z}/{x}/{y}.png"}};
}

std::string osm_credit(const std::filesystem::path& extract) {
  const std::string edition = geo::osm_extract_edition(extract);
  return "© OpenStreetMap-bijdragers" + (edition.empty() ? "" : " (" + edition + ")");
}

}  // namespace

std::unique_ptr<ViewerState> load_viewer_state(const ServerOptions& options,
                                               store::ProjectStore& store,
                                               geo::Reporter& reporter) {
  WebAssets assets(options.web_dir);
  project::AreaSource source;
  source.data_dir = options.data_dir;
  project::LoadedAreas areas = project::load_areas(store, source, reporter);
  project::add_indicators(areas, {}, true, reporter);
  const geo::AreaHierarchy& h = areas.hierarchy;

  std::vector<Overlay> overlays;
  overlays.push_back(area_overlay(h, geo::Level::buurt));
  overlays.push_back(area_overlay(h, geo::Level::wijk));
  overlays.push_back(area_overlay(h, geo::Level::programma));
  geo::Layer initiatives = read_registry(options.registry, store, reporter);
  overlays.push_back(initiative_overlay(initiatives));

  const std::filesystem::path data_dir = geo::resolve_data_dir(options.data_dir);
  const std::optional<std::filesystem::path> extract = geo::find_osm_extract(data_dir);
  if (!extract)
    reporter.warn("geen OSM-extract in " + data_dir.string() +
                  "/osm: tegels zonder basiskaart (datasets/fetch.sh haalt hem op)");
  AreaSearch search(h);
  std::optional<std::filesystem::path> tile_dir;
  if (options.tiles_on_disk) {
    const std::filesystem::path root = options.cache_dir.empty()
                                           ? geo::default_cache_dir()
                                           : std::filesystem::path(options.cache_dir);
    if (!root.empty()) tile_dir = root;
  }
  auto tiles = std::make_unique<TileService>(extract, geo::BaseMapCacheOptions{options.cache_dir},
                                             options.tile_cache_bytes, options.tile_painters,
                                             tile_dir, reporter);

  PlacePicker picker{{}, tiles->basemap(), &reporter};
  for (const geo::Area& buurt : h.at(geo::Level::buurt))
    picker.buurten[buurt.code] = {buurt.naam, buurt.geometry};
  if (const geo::PreparedBaseMap* basemap = tiles->basemap()) {
    // The places residents orient by, over the programme area and a kilometre around it.
    const geo::Box near = grown(search.home(), 1000);
    overlays.push_back(landmark_overlay(basemap->landmarks(near, reporter), osm_credit(*extract)));
  }

  nlohmann::json layers = nlohmann::json::array();
  std::map<std::string, std::string> bodies;
  for (Overlay& o : overlays) {
    layers.push_back(o.entry);
    bodies[o.id] = o.features.dump();
  }
  std::vector<IndicatorValues> indicators = indicator_values(h);
  nlohmann::json measures = nlohmann::json::object();
  for (const IndicatorValues& v : indicators) measures[v.layer] = v.measures;
  nlohmann::json catalogue = {{"lagen", layers},
                              {"indicatoren", measures},
                              {"start", bbox_json(search.home())},
                              {"tegelraster", grid_json(tiles->grid())},
                              {"basiskaart_bron", extract ? osm_credit(*extract) : ""}};
  // The page keeps its view on the ground the base map has data for (basemap_coverage.hpp).
  if (const auto coverage = extract ? basemap_coverage(*extract) : std::nullopt)
    catalogue["basiskaart_dekking"] = bbox_json(*coverage);
  return std::unique_ptr<ViewerState>(new ViewerState{
      std::move(assets), std::move(bodies), catalogue.dump(), std::move(search), std::move(tiles),
      std::move(indicators), std::move(initiatives), std::move(picker)});
}

}  // namespace wijkatlas::server
