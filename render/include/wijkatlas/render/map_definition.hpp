#pragma once
// Map definition files (TOML, schema in docs/maps.md): what a map shows and how. Parsing
// checks every key's type and value and throws config_error naming the file, the key and its
// line; the data themselves are resolved later (app/map_sources), which reports unknown
// sources, layers and fields with the same context.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/render/map_spec.hpp"

namespace wijkatlas::render {

// landmarks: the places residents orient by (MapSpec::landmarks), over every other layer.
enum class LayerType { basemap, areas, choropleth, points, landmarks, overlap, since };

struct LayerDefinition {
  LayerType type = LayerType::areas;
  std::string key;                                             // "layer[2]" (1-based), for messages
  std::int64_t line = 0;                                       // where the [[layer]] table starts
  std::map<std::string, std::int64_t, std::less<>> key_lines;  // line of every key given

  // Data: an area level of the hierarchy, or any GDAL source.
  std::string level;   // buurt, wijk, programma, gemeente
  std::string area;    // with a level: only this area (code or name); empty: all of them
  std::string source;  // relative to the data directory or the project
  std::string source_layer;
  std::string where;  // OGR attribute filter
  std::string crs;    // for a source that names none (CSV)
  // "initiatives": drawn with a project store that holds an imported registry, its initiatives
  // instead of `source` (the file stays the map's data without a store).
  std::string store_table;

  // overlap: residents' drawings of a project store (`source`, else the map's store) counted as
  // "n van N", places fewer than `min_sheets` drew left out (the small-number rule).
  std::string session;                       // "": every session
  std::string sketch_category = "probleem";  // probleem, fijne_plek, idee or alle
  int min_sheets = 3;
  // since: what is new or changed in a project store (`source`, else the map's store) since a
  // session's last moment or a date, one symbol per kind of change; new initiatives from
  // `registry` (with store_table "initiatives": the store's imported registry when it has one).
  std::string since;
  std::string registry;

  std::string label_field;
  std::string category_field;
  std::string value_field;  // choropleth
  std::string legend;
  std::optional<std::string> attribution;
  bool street_labels = true;
  bool optional = false;  // basemap: draw the map without it when no OSM extract is found

  // Styles, already checked.
  std::optional<Rgb> fill;
  bool fill_given = false;  // "none" and absent differ: absent takes the type's default
  double fill_opacity = 1;
  std::optional<Rgb> outline;
  std::optional<double> outline_width_mm;
  std::optional<double> label_size_pt;
  ClassificationMethod method = ClassificationMethod::quantile;
  std::size_t classes = default_class_count;
  std::string palette{default_sequential_palette};
  int decimals = 0;
  double symbol_mm = 3.2;

  // The line of `key` in this layer, or of the layer itself when the key was not given.
  std::int64_t line_of(std::string_view key_name) const;
};

struct ExtentDefinition {
  std::int64_t line = 0;
  std::string level;  // fit areas of this level ...
  std::string area;   // ... this one (code or name); empty: all of them
  std::optional<geo::Box> bbox;
  std::optional<geo::Point> centre;
  std::string crs = "EPSG:28992";  // of bbox and centre
  std::optional<double> scale;
  double margin_mm = 5;
  ScaleLimits limits{};
};

// The locator inset: the areas of `level` over `background`, the page's own area highlighted.
struct InsetDefinition {
  std::int64_t line = 0;
  std::string level = "programma";
  std::string background = "gemeente";
};

struct MapDefinition {
  std::filesystem::path file;
  Page page{};
  Language language = Language::nl;
  std::string title;
  std::string subtitle;
  bool north_arrow = true;
  bool scale_bar = true;
  bool reference_grid = false;
  ExtentDefinition extent;
  std::optional<InsetDefinition> inset;
  std::vector<LayerDefinition> layers;
};

// Throws config_error (file, key, line) for a syntax error, unknown key, wrong type or value.
// `language` (from the command line) overrides the definition's own; texts given per language
// ({ nl = "...", en = "..." }) are picked in it.
MapDefinition load_map_definition(const std::filesystem::path& file,
                                  std::optional<Language> language = {});
MapDefinition parse_map_definition(std::string_view toml_text, const std::filesystem::path& file,
                                   std::optional<Language> language = {});

}  // namespace wijkatlas::render
