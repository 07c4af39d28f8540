#include "wijkatlas/project/map_sources.hpp"

#include <boost/geometry/algorithms/covered_by.hpp>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/base_map_under.hpp"
#include "wijkatlas/project/map_area_layers.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/project/overlap_map.hpp"
#include "wijkatlas/project/sheet_landmarks.hpp"
#include "wijkatlas/project/since_last_time.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/store/project_store.hpp"
#include "wijkatlas/store/store_file.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;
using render::LayerDefinition;
using render::LayerType;

}  // namespace

struct MapSources::State {
  std::string data_dir_option;
  geo::Reporter& reporter;
  std::optional<fs::path> data_dir;
  std::optional<LoadedAreas> areas;
  bool warned_no_osm = false;  // once per atlas, not once per page
  geo::BaseMapCacheOptions cache;
  std::map<fs::path, geo::PreparedBaseMap> basemaps;      // opened once, read once per page
  std::optional<render::SheetLandmarks> table_landmarks;  // the data directory's, read once
  std::string store_location;                             // empty: files only
  std::optional<store::ProjectStore> project_store;
  std::optional<std::optional<geo::Layer>> stored_initiatives;  // read once

  store::ProjectStore& opened_store() {
    if (!project_store) project_store.emplace(store::ProjectStore::open(store_location));
    return *project_store;
  }

  // The store's imported initiatives, when a store is given and holds them.
  const std::optional<geo::Layer>& initiatives() {
    if (!stored_initiatives)
      stored_initiatives = store_location.empty() ? std::nullopt : opened_store().initiatives();
    return *stored_initiatives;
  }

  // The landmarks of the data directory's point tables on `ground`: the tables are read once
  // per atlas, not once per page.
  render::SheetLandmarks landmarks_on(const geo::Box& ground) {
    if (!table_landmarks) {
      const geo::Box everywhere({-1e9, -1e9}, {1e9, 1e9});
      table_landmarks = asset_landmarks(everywhere, resolved_data_dir().string(), reporter);
    }
    render::SheetLandmarks out = *table_landmarks;
    std::erase_if(out.places, [&](const geo::Landmark& l) {
      return !boost::geometry::covered_by(l.location, ground);
    });
    return out;
  }

  const geo::PreparedBaseMap& basemap(const fs::path& extract) {
    auto it = basemaps.find(extract);
    if (it == basemaps.end()) {
      reporter.info("reading the base map from " + extract.string());
      it = basemaps.try_emplace(extract, extract, cache, reporter).first;
    }
    return it->second;
  }

  const fs::path& resolved_data_dir() {
    if (!data_dir) data_dir = geo::resolve_data_dir(data_dir_option);
    return *data_dir;
  }

  geo::AreaHierarchy& hierarchy() {
    if (!areas) {
      AreaSource source;
      source.data_dir = data_dir_option;
      areas = store_location.empty() ? load_areas(source, reporter)
                                     : load_areas(opened_store(), source, reporter);
      // The CBS key figures in the data directory (or the store's), as `join` uses them.
      add_indicators(*areas, {}, true, reporter);
    }
    return areas->hierarchy;
  }
};

namespace {

class Resolver {
 public:
  Resolver(const render::MapDefinition& def, const ExtentOverride& extent, MapSources::State& state)
      : def_(def), override_(extent), state_(state), reporter_(state.reporter) {}

  render::MapSpec run() {
    render::MapSpec spec;
    spec.page = def_.page;
    spec.language = def_.language;
    spec.title = def_.title;
    spec.subtitle = def_.subtitle;
    spec.north_arrow = def_.north_arrow;
    spec.scale_bar = def_.scale_bar;
    spec.reference_grid = def_.reference_grid;
    spec.extent = extent();
    if (def_.inset) spec.inset = inset(*def_.inset);
    // Thematic layers first: the base map is read only for the ground the frame shows.
    // A definition's layer makes one layer of the spec, an overlap one per class, landmarks none.
    std::vector<std::vector<render::MapLayer>> made(def_.layers.size());
    for (std::size_t i = 0; i < def_.layers.size(); ++i) {
      const LayerDefinition& l = def_.layers[i];
      if (l.type == LayerType::overlap)
        made[i] = overlap(l);
      else if (l.type == LayerType::since)
        made[i] = since(l);
      else if (l.type != LayerType::basemap && l.type != LayerType::landmarks)
        made[i].push_back(thematic(l));
    }
    for (std::vector<render::MapLayer>& layers : made)
      for (render::MapLayer& layer : layers) spec.layers.push_back(std::move(layer));
    std::optional<geo::Box> ground;
    std::size_t before = 0;  // spec layers made from the definition's layers before index i
    for (std::size_t i = 0; i < def_.layers.size(); before += made[i].size(), ++i) {
      const LayerType type = def_.layers[i].type;
      if (type != LayerType::basemap && type != LayerType::landmarks) continue;
      if (!ground) ground = frame_ground(spec, def_.layers[i]);
      if (type == LayerType::landmarks) {
        spec.landmarks = landmarks(def_.layers[i], *ground);
        continue;
      }
      // Every other layer before index i is in place, so this is its place in drawing order.
      const std::size_t at = before;
      ++before;  // the base map itself
      spec.layers.insert(spec.layers.begin() + static_cast<std::ptrdiff_t>(at),
                         basemap(def_.layers[i], *ground));
    }
    return spec;
  }

 private:
  [[noreturn]] void fail(const LayerDefinition& l, std::string_view key,
                         const std::string& message) const {
    throw config_error(def_.file.string(), l.key + "." + std::string(key), message, l.line_of(key));
  }

  const fs::path& data_dir() { return state_.resolved_data_dir(); }
  geo::AreaHierarchy& hierarchy() { return state_.hierarchy(); }

  // Relative paths: the data directory, then the definition's folder, then the project.
  fs::path find_source(const LayerDefinition& l) { return find_file(l, "source", l.source); }

  fs::path find_file(const LayerDefinition& l, std::string_view key, const std::string& name) {
    if (store::is_postgresql_location(name)) return name;  // a PostGIS project's table
    const fs::path given(name);
    if (given.is_absolute()) {
      if (fs::exists(given)) return given;
    } else {
      for (const fs::path& candidate :
           {data_dir() / given, def_.file.parent_path() / given, geo::project_file(given)}) {
        if (fs::exists(candidate)) return candidate;
      }
    }
    fail(l, key,
         "'" + name + "' not found (relative paths are looked up in the data directory " +
             data_dir().string() + ", next to the definition and in the project)");
  }

  render::MapExtent extent() {
    const render::ExtentDefinition& e = def_.extent;
    render::MapExtent out;
    out.scale = e.scale;
    out.margin_mm = e.margin_mm;
    out.limits = e.limits;
    const std::string level = override_.level.empty() ? e.level : override_.level;
    const std::string area = override_.level.empty() ? e.area : override_.area;
    if (!level.empty()) {
      if (!override_.level.empty()) out.scale.reset();  // the atlas fits each wijk
      const auto fail_extent = [&](const std::string& key, const std::string& message) {
        throw config_error(def_.file.string(), "extent." + key, message, e.line);
      };
      out.fit = fit_areas(hierarchy(), level, area, fail_extent);
      return out;
    }
    if (e.bbox || e.centre) {
      const geo::Transformer to_rd(e.crs);
      if (e.bbox) {
        const geo::Point a = to_rd.transform(e.bbox->min_corner());
        const geo::Point b = to_rd.transform(e.bbox->max_corner());
        out.fit = geo::Box({std::min(a.x(), b.x()), std::min(a.y(), b.y())},
                           {std::max(a.x(), b.x()), std::max(a.y(), b.y())});
      }
      if (e.centre) out.centre = to_rd.transform(*e.centre);
    }
    return out;
  }

  render::LocatorInset inset(const render::InsetDefinition& d) {
    const auto fail_inset = [&](const std::string& key, const std::string& message) {
      throw config_error(def_.file.string(), "inset." + key, message, d.line);
    };
    const geo::Level level = parse_map_level(d.level, "level", fail_inset);
    const geo::Level background = parse_map_level(d.background, "background", fail_inset);
    // The page's own area: the extent's (or the atlas's) area when it is of the inset's level.
    const std::string extent_level = override_.level.empty() ? def_.extent.level : override_.level;
    const std::string extent_area = override_.level.empty() ? def_.extent.area : override_.area;
    const bool same_level =
        !extent_level.empty() && parse_map_level(extent_level, "level", fail_inset) == level;
    render::LocatorInset out;
    for (const geo::Area& a : hierarchy().at(background)) out.background.push_back(a.geometry);
    for (const geo::Area& a : hierarchy().at(level)) {
      out.areas.push_back(a.geometry);
      out.highlighted.push_back(same_level && !extent_area.empty() &&
                                (support::equal_ignoring_case(a.code, extent_area) ||
                                 support::equal_ignoring_case(a.naam, extent_area)));
    }
    return out;
  }

  render::MapLayer thematic(const LayerDefinition& l) {
    if (!l.level.empty()) {
      const auto fail_layer = [&](const std::string& key, const std::string& message) {
        fail(l, key, message);
      };
      return area_layer_from_hierarchy(hierarchy(), l, fail_layer);
    }
    if (l.store_table == "initiatives" && state_.initiatives()) return stored_initiatives(l);
    const fs::path path = find_source(l);
    geo::ReadOptions read;
    read.layer = l.source_layer;
    read.where = l.where;
    read.assign_crs = l.crs;
    geo::Layer data;
    try {
      data = geo::read_layer(path, read, reporter_);
    } catch (const io_error& err) {
      fail(l, l.source_layer.empty() ? "source" : "source_layer", err.what());
    }
    const auto fail_layer = [&](const std::string& key, const std::string& message) {
      fail(l, key, message);
    };
    return layer_from_features(data, l, path.string().find("/cbs/") != std::string::npos,
                               fail_layer);
  }

  // The project store of an overlap or since layer: its source, else the map's.
  store::ProjectStore& store_of(const LayerDefinition& l, std::optional<store::ProjectStore>& own) {
    if (!l.source.empty()) return own.emplace(store::ProjectStore::open(find_source(l).string()));
    if (state_.store_location.empty())
      fail(l, "source", "this layer reads a project store: give source or draw with a store");
    return state_.opened_store();
  }

  // Residents' drawings of a store counted as "n van N", one layer per class (the overlap
  // map's classes and colours), places fewer than min_sheets drew left out. Nothing drawn yet:
  // no layers, with a warning.
  std::vector<render::MapLayer> overlap(const LayerDefinition& l) {
    std::optional<store::ProjectStore> own;
    store::ProjectStore& store = store_of(l, own);
    OverlapRequest request;
    request.category = l.sketch_category;
    request.session = l.session;
    request.counts_only = true;
    request.density_sigma_m = 0;
    std::optional<OverlapResult> result;
    try {
      result = project::overlap(store, request, reporter_);
    } catch (const data_error& e) {
      reporter_.warn(def_.file.string() + ": " + l.key + ": " + e.what());
      return {};
    }
    const std::vector<CountedShape> shapes = counted_shapes(*result, l.min_sheets);
    const std::string prefix = (l.legend.empty() ? std::string("Samen getekend") : l.legend) + ": ";
    std::vector<render::MapLayer> out;
    for (render::AreaLayer& layer :
         overlap_class_layers(shapes, prefix, l.attribution.value_or("tekeningen van bewoners")))
      out.emplace_back(std::move(layer));
    return out;
  }

  // What changed since a session or a date: a symbol per kind of change ("Nieuw getekend",
  // "Nieuwe plek", ...) at each place (inside an area, the middle of a line); removed drawings
  // have none. Nothing changed with a place: no layer, with a warning.
  std::vector<render::MapLayer> since(const LayerDefinition& l) {
    std::optional<store::ProjectStore> own;
    store::ProjectStore& store = store_of(l, own);
    std::optional<geo::Layer> registry =
        l.store_table == "initiatives" ? store.initiatives() : std::nullopt;
    if (!registry && !l.registry.empty())
      registry = geo::read_layer(find_file(l, "registry", l.registry), {}, reporter_);
    SinceLastTime changes;
    try {
      changes = since_last_time(store, {l.since}, registry.value_or(geo::Layer{}));
    } catch (const request_error& e) {
      fail(l, "since", e.what());
    }
    render::PointLayer layer;
    layer.legend_title = l.legend.empty() ? "Sinds " + changes.since_label : l.legend;
    layer.attribution = l.attribution.value_or("projectopslag");
    layer.symbol_mm = l.symbol_mm;
    // The screen's tones (Okabe–Ito: drawings vermilion, spots blue, initiatives bluish green),
    // a shape per kind, none of them a theme's first symbols.
    const render::Rgb vermilion{0xd5, 0x5e, 0x00}, blue{0x00, 0x72, 0xb2}, green{0x00, 0x9e, 0x73};
    using Shape = render::SymbolShape;
    layer.symbols = {
        {change_label(ChangeKind::new_drawing), {Shape::diamond, vermilion}},
        {change_label(ChangeKind::changed_drawing), {Shape::inverted_triangle, vermilion}},
        {change_label(ChangeKind::new_spot), {Shape::circle, blue}},
        {change_label(ChangeKind::changed_spot), {Shape::hexagon, blue}},
        {change_label(ChangeKind::new_initiative), {Shape::star, green}}};
    for (const SinceChange& c : changes.changes) {
      if (!c.geometry) continue;
      std::optional<geo::Point> at;
      if (const auto* p = std::get_if<geo::Point>(&*c.geometry))
        at = *p;
      else if (const auto* a = std::get_if<geo::MultiPolygon>(&*c.geometry); a && !a->empty())
        at = geo::point_on_surface(*a);
      else if (const auto* m = std::get_if<geo::MultiLineString>(&*c.geometry); m && !m->empty())
        at = m->front()[m->front().size() / 2];
      if (!at) continue;
      layer.points.push_back(*at);
      layer.categories.push_back(change_label(c.kind));
    }
    if (layer.points.empty()) {
      reporter_.warn(def_.file.string() + ": " + l.key + ": nothing with a place changed since " +
                     changes.since_label);
      return {};
    }
    std::vector<render::MapLayer> out;
    out.emplace_back(std::move(layer));
    return out;
  }

  // The project store's initiatives instead of the layer's file: the team's registry.
  render::MapLayer stored_initiatives(LayerDefinition l) {
    const geo::Layer& data = *state_.initiatives();
    if (!l.where.empty()) {
      reporter_.warn(def_.file.string() + ": " + l.key + ".where is not applied to the " +
                     "initiatives of the project store; all of them are drawn");
    }
    l.attribution = "initiatievenregister uit de projectopslag";
    reporter_.info("initiatives from the project store " + state_.store_location + " (" +
                   std::to_string(data.features.size()) + ")");
    const auto fail_layer = [&](const std::string& key, const std::string& message) {
      fail(l, key, message);
    };
    return layer_from_features(data, l, false, fail_layer);
  }

  // The ground the map frame will show, for reading only that part of the OSM data.
  geo::Box frame_ground(const render::MapSpec& spec, const LayerDefinition& l) {
    try {
      return project::frame_ground(spec);
    } catch (const render_error& err) {
      throw config_error(def_.file.string(), "extent", err.what(),
                         def_.extent.line ? def_.extent.line : l.line);
    }
  }

  render::MapLayer basemap(const LayerDefinition& l, const geo::Box& ground) {
    fs::path path;
    if (!l.source.empty()) {
      path = find_source(l);
    } else if (const auto found = geo::find_osm_extract(data_dir())) {
      path = *found;
    } else if (l.optional) {
      if (!std::exchange(state_.warned_no_osm, true))
        reporter_.warn(no_base_map_message(data_dir()));
      return render::BaseMapLayer{};
    } else {
      fail(l, "source",
           "no OSM extract in the data directory (" + data_dir().string() +
               "/osm/arnhem.osm.pbf): fetch it with datasets/fetch.sh or give a source");
    }
    return render::BaseMapLayer{state_.basemap(path).read(ground, reporter_), l.street_labels};
  }

  // The places residents orient by on the ground the frame shows: from a point table the layer
  // names (columns name, category), else the named places of the data directory's OSM extract
  // and its asset and voorzieningen tables, as on a drawing sheet.
  render::SheetLandmarks landmarks(const LayerDefinition& l, const geo::Box& ground) {
    render::SheetLandmarks out;
    if (!l.source.empty()) {
      out.places = geo::load_asset_landmarks(find_source(l), ground, reporter_);
      out.source = l.attribution.value_or("");
      geo::drop_duplicate_landmarks(out.places);
      return out;
    }
    if (const auto extract = geo::find_osm_extract(data_dir())) {
      out.places = state_.basemap(*extract).landmarks(ground, reporter_);
      out.openstreetmap = true;
    }
    add_landmarks(out, state_.landmarks_on(ground));
    return out;
  }

  const render::MapDefinition& def_;
  const ExtentOverride& override_;
  MapSources::State& state_;
  geo::Reporter& reporter_;
};

}  // namespace

MapSources::MapSources(std::string data_dir, geo::Reporter& reporter,
                       geo::BaseMapCacheOptions cache, std::string store)
    : state_(std::make_unique<State>(State{std::move(data_dir),
                                           reporter,
                                           {},
                                           {},
                                           false,
                                           std::move(cache),
                                           {},
                                           {},
                                           std::move(store),
                                           {},
                                           {}})) {}

MapSources::~MapSources() = default;

render::MapSpec MapSources::resolve(const render::MapDefinition& definition,
                                    const ExtentOverride& extent) {
  return Resolver(definition, extent, *state_).run();
}

std::vector<std::pair<std::string, std::string>> MapSources::areas_of(geo::Level level) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const geo::Area& a : state_->hierarchy().at(level)) out.emplace_back(a.code, a.naam);
  return out;
}

}  // namespace wijkatlas::project
