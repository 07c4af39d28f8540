// OSM base map: classify OSM features into the few classes a quiet wijk map draws.
#include "wijkatlas/geo/basemap.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>

#include "detail/osm_layer_reads.hpp"
#include "detail/osm_tags.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::geo {

namespace {
std::atomic<std::size_t> layer_reads{0};
}  // namespace

void detail::count_osm_layer_read() {
  ++layer_reads;
}
std::size_t osm_layer_reads() {
  return layer_reads.load();
}

namespace {

template <std::size_t N>
bool is_one_of(std::string_view value, const std::array<std::string_view, N>& options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

// Reads one quoted hstore string starting at `pos` (at the opening quote); advances `pos`.
std::optional<std::string> quoted(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '"') return std::nullopt;
  std::string out;
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\\' && pos + 1 < text.size()) {
      out += text[++pos];
    } else if (text[pos] == '"') {
      ++pos;
      return out;
    } else {
      out += text[pos];
    }
  }
  return std::nullopt;
}

// The OGR columns of the OSM driver's default osmconf.ini that the classification reads.
// shop, tourism and historic are for BaseMapOptions::each_polygon (landmarks).
constexpr std::array<std::string_view, 13> tag_columns{
    "name",    "highway", "railway", "waterway", "building", "landuse", "leisure",
    "natural", "amenity", "tunnel",  "shop",     "tourism",  "historic"};

// An attribute filter so that OGR hands over only what the base map draws.
std::string where_for(const std::vector<std::string>& columns, std::string_view kind) {
  auto has = [&](std::string_view c) {
    return std::find(columns.begin(), columns.end(), c) != columns.end();
  };
  std::vector<std::string> parts;
  const std::array<std::string_view, 4> line_keys{"highway", "railway", "waterway", "other_tags"};
  const std::array<std::string_view, 9> area_keys{"building", "landuse",  "leisure",
                                                  "natural",  "amenity",  "shop",
                                                  "tourism",  "historic", "other_tags"};
  auto add = [&](auto keys) {
    for (auto key : keys) {
      if (has(key)) parts.push_back(std::string(key) + " IS NOT NULL");
    }
  };
  if (kind == "lines")
    add(line_keys);
  else
    add(area_keys);
  std::string where;
  for (const auto& p : parts) where += (where.empty() ? "" : " OR ") + p;
  return where;
}

std::vector<std::string> field_names(const std::filesystem::path& path, const std::string& layer) {
  for (const auto& l : describe_dataset(path, DescribeDetail::structure).layers) {
    if (l.name != layer) continue;
    std::vector<std::string> names;
    for (const auto& f : l.fields) names.push_back(f.name);
    return names;
  }
  throw io_error(path.string(), "no layer '" + layer +
                                    "': not an OpenStreetMap extract (expected the layers "
                                    "'lines' and 'multipolygons' of GDAL's OSM driver)");
}

// The features of one layer of the extract, in batches: a whole town's extract is read when a
// base map is prepared, and only the classified geometries are kept.
void read_osm_layer(const std::filesystem::path& path, const std::string& layer,
                    const BaseMapOptions& options, Reporter& reporter,
                    const std::function<void(Layer&)>& each_batch) {
  ReadOptions read;
  read.layer = layer;
  read.repairs = RepairReport::summary;  // OSM's own slips, not the user's: one line for all
  read.bbox = options.bbox;
  read.allow_empty = true;
  read.require_geometry = false;
  std::vector<std::string> wanted;
  for (auto c : tag_columns) wanted.emplace_back(c);
  wanted.emplace_back("other_tags");
  const auto columns = field_names(path, layer);
  for (const auto& c : wanted) {
    if (std::find(columns.begin(), columns.end(), c) != columns.end()) read.fields.push_back(c);
  }
  read.where = where_for(columns, layer);
  detail::count_osm_layer_read();
  constexpr std::size_t batch = 8192;
  read_layer_batches(path, read, reporter, batch, each_batch);
}

}  // namespace

std::string to_string(AreaClass c) {
  switch (c) {
    case AreaClass::building:
      return "gebouw";
    case AreaClass::water:
      return "water";
    case AreaClass::green:
      return "groen";
  }
  return "?";
}

std::string to_string(LineClass c) {
  switch (c) {
    case LineClass::major_street:
      return "hoofdweg";
    case LineClass::minor_street:
      return "straat";
    case LineClass::path:
      return "pad";
    case LineClass::railway:
      return "spoor";
    case LineClass::waterway:
      return "waterloop";
  }
  return "?";
}

std::string_view OsmTags::get(std::string_view key) const {
  auto it = values.find(key);
  return it == values.end() ? std::string_view{} : std::string_view(it->second);
}

void parse_other_tags(std::string_view text, OsmTags& tags) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto key = quoted(text, pos);
    if (!key || text.substr(pos, 2) != "=>") return;
    pos += 2;
    auto value = quoted(text, pos);
    if (!value) return;
    tags.values.emplace(std::move(*key), std::move(*value));
    if (pos < text.size() && text[pos] == ',') ++pos;
  }
}

std::optional<AreaClass> classify_area(const OsmTags& tags) {
  static constexpr std::array<std::string_view, 3> water_landuse{"reservoir", "basin", "water"};
  static constexpr std::array<std::string_view, 9> green_landuse{
      "grass",    "meadow",     "forest",  "recreation_ground", "village_green",
      "cemetery", "allotments", "orchard", "farmland"};
  static constexpr std::array<std::string_view, 6> green_leisure{
      "park", "garden", "playground", "pitch", "nature_reserve", "golf_course"};
  static constexpr std::array<std::string_view, 5> green_natural{"wood", "scrub", "grassland",
                                                                 "heath", "wetland"};
  const std::string_view building = tags.get("building");
  if (!building.empty() && building != "no") return AreaClass::building;
  const std::string_view natural = tags.get("natural");
  if (natural == "water" || is_one_of(tags.get("landuse"), water_landuse) ||
      !tags.get("water").empty()) {
    return AreaClass::water;
  }
  if (is_one_of(tags.get("landuse"), green_landuse) ||
      is_one_of(tags.get("leisure"), green_leisure) || is_one_of(natural, green_natural)) {
    return AreaClass::green;
  }
  return std::nullopt;
}

std::optional<LineClass> classify_line(const OsmTags& tags) {
  static constexpr std::array<std::string_view, 10> major{
      "motorway",      "trunk",      "primary",      "secondary",      "tertiary",
      "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link"};
  static constexpr std::array<std::string_view, 5> minor{"residential", "unclassified",
                                                         "living_street", "pedestrian", "service"};
  static constexpr std::array<std::string_view, 6> paths{"footway", "cycleway", "path",
                                                         "track",   "steps",    "bridleway"};
  static constexpr std::array<std::string_view, 4> rail{"rail", "light_rail", "tram",
                                                        "narrow_gauge"};
  static constexpr std::array<std::string_view, 4> water{"river", "canal", "stream", "ditch"};
  const std::string_view highway = tags.get("highway");
  if (is_one_of(highway, major)) return LineClass::major_street;
  if (is_one_of(highway, minor)) return LineClass::minor_street;
  if (is_one_of(highway, paths)) return LineClass::path;
  if (is_one_of(tags.get("railway"), rail)) return LineClass::railway;
  if (is_one_of(tags.get("waterway"), water)) return LineClass::waterway;
  return std::nullopt;
}

BaseMap load_osm_basemap(const std::filesystem::path& path, const BaseMapOptions& options,
                         Reporter& reporter) {
  BaseMap map;
  map.source = path.string();
  map.edition = osm_extract_edition(path);
  // Geometries move from each batch of features into the map.
  read_osm_layer(path, "multipolygons", options, reporter, [&](Layer& polygons) {
    for (auto& f : polygons.features) {
      auto* geometry = std::get_if<MultiPolygon>(&f.geometry);
      if (geometry == nullptr) continue;
      const OsmTags tags = detail::osm_tags_of(polygons, f);
      if (options.each_polygon) options.each_polygon(tags, *geometry);
      if (auto kind = classify_area(tags)) map.areas.push_back({*kind, std::move(*geometry)});
    }
  });
  if (options.after_layer) options.after_layer("multipolygons");
  read_osm_layer(path, "lines", options, reporter, [&](Layer& lines) {
    for (auto& f : lines.features) {
      auto* geometry = std::get_if<MultiLineString>(&f.geometry);
      if (geometry == nullptr) continue;
      const OsmTags tags = detail::osm_tags_of(lines, f);
      if (auto kind = classify_line(tags)) {
        map.lines.push_back({*kind, std::string(tags.get("name")), std::move(*geometry)});
      }
    }
  });
  if (options.after_layer) options.after_layer("lines");
  // Drawing order: what lies underneath first. stable_sort keeps the source order within a class.
  std::stable_sort(map.areas.begin(), map.areas.end(), [](const BaseArea& a, const BaseArea& b) {
    constexpr std::array<int, 3> rank{2, 1, 0};  // building, water, green
    return rank[static_cast<std::size_t>(a.kind)] < rank[static_cast<std::size_t>(b.kind)];
  });
  std::stable_sort(map.lines.begin(), map.lines.end(), [](const BaseLine& a, const BaseLine& b) {
    constexpr std::array<int, 5> rank{3, 2, 1, 4, 0};  // major, minor, path, rail, water
    return rank[static_cast<std::size_t>(a.kind)] < rank[static_cast<std::size_t>(b.kind)];
  });
  return map;
}

std::optional<std::filesystem::path> find_osm_extract(const std::filesystem::path& data_dir) {
  // A fetched (current) extract wins over the bundled one of 2021.
  for (const char* name : {"osm/arnhem.osm.pbf", "osm/arnhem.gpkg", "osm/arnhem_vt2021.osm.pbf"}) {
    if (std::filesystem::exists(data_dir / name)) return data_dir / name;
  }
  return std::nullopt;
}

std::string osm_extract_edition(const std::filesystem::path& path) {
  return path.filename() == "arnhem_vt2021.osm.pbf" ? "2021" : "";
}

}  // namespace wijkatlas::geo
