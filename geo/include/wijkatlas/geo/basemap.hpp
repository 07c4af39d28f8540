#pragma once
// The topographic base map under wijk maps: buildings, water, green, streets (with names),
// railways and waterways, read from OpenStreetMap (an .osm.pbf extract, or a GeoPackage made
// from one with ogr2ogr, which keeps the layers `lines` and `multipolygons`).
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

enum class AreaClass { building, water, green };
enum class LineClass { major_street, minor_street, path, railway, waterway };

std::string to_string(AreaClass c);
std::string to_string(LineClass c);

struct BaseArea {
  AreaClass kind;
  MultiPolygon geometry;
};

struct BaseLine {
  LineClass kind;
  std::string name;  // street or waterway name, for labels along the line
  MultiLineString geometry;
};

struct BaseMap {
  std::string source;
  // The year of the data when the map credits it ("2021" for the bundled rebuild of 2021:
  // "© OpenStreetMap-bijdragers (2021)"); "" for a current extract.
  std::string edition;
  std::vector<BaseArea> areas;  // in drawing order: green, water, buildings
  std::vector<BaseLine> lines;  // in drawing order: paths, minor, major streets, rail, water
};

// The tags of one OSM feature.
struct OsmTags {
  std::map<std::string, std::string, std::less<>> values;
  // The tag's value, or "" when the feature does not have it.
  std::string_view get(std::string_view key) const;
};

// GDAL's OSM driver puts the tags without a column of their own into `other_tags`, written as
// an hstore: "key"=>"value","key2"=>"value with \"quotes\"". Malformed text yields the pairs
// read before the error.
void parse_other_tags(std::string_view hstore, OsmTags& tags);

// What the base map makes of a feature, or nullopt when it does not draw it.
std::optional<AreaClass> classify_area(const OsmTags& tags);
std::optional<LineClass> classify_line(const OsmTags& tags);

struct BaseMapOptions {
  std::optional<Box> bbox;  // RD New; only features meeting it are read
  // Called with every polygon feature read, whether drawn or not: other users of the same pass
  // over the extract (landmarks), since assembling OSM multipolygons is the slow part.
  std::function<void(const OsmTags& tags, const MultiPolygon& shape)> each_polygon{};
  // Called after each layer of the extract is read ("multipolygons", then "lines"): progress.
  std::function<void(std::string_view layer)> after_layer{};
};

// Reads the base map; throws io_error when the source has no `lines`/`multipolygons` layers.
BaseMap load_osm_basemap(const std::filesystem::path& path, const BaseMapOptions& options,
                         Reporter& reporter);

// How many times this process has read a layer of an OSM extract through GDAL (base map and
// landmarks): the slow part that a prepared base map (basemap_cache.hpp) does once.
std::size_t osm_layer_reads();

// The OSM extract in the data directory: osm/arnhem.osm.pbf (from datasets/fetch.sh) or
// osm/arnhem.gpkg, else the bundled base map of August 2021, osm/arnhem_vt2021.osm.pbf
// (rebuilt from vector tiles; datasets/README.md); nullopt when there is none of these.
std::optional<std::filesystem::path> find_osm_extract(const std::filesystem::path& data_dir);

// The edition a map credits for an extract (BaseMap::edition): "2021" for the bundled
// arnhem_vt2021.osm.pbf, "" for any other (a current download).
std::string osm_extract_edition(const std::filesystem::path& path);

}  // namespace wijkatlas::geo
