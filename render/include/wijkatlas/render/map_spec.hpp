#pragma once
// A map ready to draw: page, extent, layers with their data and styles, texts. Map definition
// files (map_definition.hpp) are resolved into this; tests build it directly.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/render/classification.hpp"
#include "wijkatlas/render/map_frame.hpp"
#include "wijkatlas/render/page.hpp"
#include "wijkatlas/render/style.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::render {

enum class Language { nl, en };
Language parse_language(std::string_view name);  // "nl" or "en"

// The quiet OSM base map: light greys and pale colours so that overlays stay readable.
struct BaseMapLayer {
  geo::BaseMap map;
  bool street_labels = true;
};

struct Choropleth {
  std::vector<double> values;  // parallel to AreaLayer::shapes; NaN = no data
  ClassificationMethod method = ClassificationMethod::quantile;
  std::size_t classes = default_class_count;
  std::string palette{default_sequential_palette};
  int decimals = 0;  // in the legend's ranges
  Rgb no_data{0xFF, 0xFF, 0xFF};
};

// Polygons: a plain fill (or none) with an outline, or a choropleth of an indicator; and lines
// drawn with the outline's colour and width (lines residents drew). A layer of lines only shows
// a line in the legend.
struct AreaLayer {
  std::string legend_title;  // empty: the layer is not in the legend
  std::string attribution;   // e.g. "CBS, Kadaster"
  // Generalized boundaries (off by up to ~300 m): the credits say so, since over a base map the
  // simplified edges visibly cut through blocks.
  bool simplified_boundaries = false;
  std::vector<geo::MultiPolygon> shapes;
  std::vector<geo::MultiLineString> lines;  // never labelled, never classed
  std::vector<std::string> names;           // labels, parallel to shapes; empty or "" = no label
  std::optional<Rgb> fill{};                // nullopt: outline only
  double fill_opacity = 1;
  Stroke outline{};
  std::optional<Choropleth> choropleth{};
  TextStyle label_style{.size_pt = 9, .bold = true};
  Rgb label_colour{0x22, 0x22, 0x22};
  double label_priority = 100;
};

// Points with a symbol per category (shape and colour) and optional labels.
struct PointLayer {
  std::string legend_title;
  std::string attribution;
  std::vector<geo::Point> points;
  std::vector<std::string> categories;  // parallel to points; empty: one symbol for all
  std::vector<std::string> labels;      // parallel to points; empty or "" = no label
  // Fixed symbols of categories that mean the same on every map (what changed since, ...);
  // the others get category_symbol in sorted order.
  std::map<std::string, SymbolStyle> symbols;
  double symbol_mm = 3.2;  // symbol diameter on paper
  TextStyle label_style{.size_pt = 7};
  double label_priority = 50;
};

using MapLayer = std::variant<BaseMapLayer, AreaLayer, PointLayer>;

// Named places residents orient by (the buurthuis, the school, the GP, the playground), drawn
// quietly over the map: a small grey pictogram per kind and the name, placed after every other
// label and clear of it, so they never push out a street name or an initiative. Sheets and
// map pages use the same symbols.
struct SheetLandmarks {
  std::vector<geo::Landmark> places;
  std::string source;          // credited after "Bron:" when one is shown, e.g. "DUO"; "" for none
  bool openstreetmap = false;  // credit the OpenStreetMap contributors when one is shown
};

// A small map of the surroundings (Arnhem with its programme wijken) with the area of this page
// highlighted and the main map's extent outlined, so a reader knows where the page lies.
struct LocatorInset {
  std::vector<geo::MultiPolygon> background;  // e.g. the gemeente
  std::vector<geo::MultiPolygon> areas;       // e.g. the programme wijken
  std::vector<bool> highlighted;              // parallel to areas
};

// Either fit `fit` (with a margin) or centre on `centre`; `scale` fixes the scale in both.
struct MapExtent {
  std::optional<geo::Box> fit{};
  std::optional<geo::Point> centre{};
  std::optional<double> scale{};
  double margin_mm = 5;
  ScaleLimits limits{};  // overview maps may allow 1:50,000
};

struct MapSpec {
  Page page{};
  Language language = Language::nl;
  std::string title;
  std::string subtitle;
  std::string date;  // printed in the footer; "" prints none (tests, reference images)
  MapExtent extent{};
  std::vector<MapLayer> layers;  // drawing order, bottom first
  SheetLandmarks landmarks;      // over the layers; the legend lists the kinds shown
  bool north_arrow = true;
  bool scale_bar = true;
  bool reference_grid = false;  // lettered columns, numbered rows
  std::optional<LocatorInset> inset{};
  // Names inside the map (streets, water, areas, points) at this multiple of their size: a
  // drawing sheet on A1/A0 is read from further away than a map page.
  double label_scale = 1;
};

}  // namespace wijkatlas::render
