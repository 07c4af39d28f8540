#pragma once
// Planning a map page without Cairo: where the frame, legend and furniture go, the frame's
// scale, the classes of each choropleth, the symbol of each category, and every label's place
// after the collision pass. Painting (map.hpp) only draws what the plan says.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/render/classification.hpp"
#include "wijkatlas/render/legend.hpp"
#include "wijkatlas/render/map_frame.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/reference_grid.hpp"
#include "wijkatlas/render/scale_bar.hpp"

namespace wijkatlas::render {

// Header (title), map frame, legend and the furniture block (north arrow, scale, credits).
struct PageLayout {
  RectMm header;
  RectMm map;
  RectMm legend;
  RectMm furniture;
  RectMm inset{};  // the locator map, taken from the legend's room; empty without one
};
// Portrait pages put legend and furniture below the map, landscape pages to its right. The
// map frame is the same with or without an inset.
PageLayout map_page_layout(const Page& page, bool with_inset = false);

struct PlacedText {
  std::string text;
  TextStyle style;
  Rgb colour{};
  PaperPoint centre{};
  double angle_rad = 0;
  double width_mm = 0;
  double height_mm = 0;
  RectMm box{};  // axis-aligned bounds, as given to the collision pass
};

// A landmark that got a pictogram: where, and which of MapSpec::landmarks.
struct LandmarkSymbol {
  std::size_t place = 0;  // index into SheetLandmarks::places
  geo::LandmarkKind kind{};
  PaperPoint at{};
};

struct MapPlan {
  PageLayout layout;
  MapFrame frame;
  std::vector<std::optional<Classification>> classes;       // per layer (choropleths)
  std::vector<std::map<std::string, SymbolStyle>> symbols;  // per layer (point layers)
  std::vector<RectMm> symbol_boxes;                         // obstacles the labels avoid
  std::vector<PlacedText> labels;
  std::size_t labels_dropped = 0;
  std::vector<LegendEntry> legend_entries;
  LegendLayout legend;
  std::optional<ScaleBar> scale_bar;
  std::string attribution;  // "Bron: CBS, Kadaster · © OpenStreetMap-bijdragers"
  std::optional<ReferenceGrid> grid;
  std::optional<MapFrame> inset_frame;
  std::vector<LandmarkSymbol> landmarks;
};

// Throws render_error when the extent cannot be shown at a printable scale or there is
// nothing to show.
MapPlan plan_map(const MapSpec& spec);

// The frame alone (used by plan_map and by callers that need the extent before loading data).
MapFrame plan_frame(const MapSpec& spec, const RectMm& map_area);

// Dutch (1.234,5) or English (1,234.5) number style.
std::string format_number(double value, int decimals, Language language);

}  // namespace wijkatlas::render
