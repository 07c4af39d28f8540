#pragma once
// Landmarks on a drawing sheet: which get a symbol, where their names go, and how the symbols
// look. Quiet on purpose: grey pictograms and grey names (faded with the rest of the map), so
// the only strong colours on a photo stay the residents' markers.
#include <cairo.h>

#include <string>
#include <vector>

#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render::sheet {

inline constexpr double landmark_symbol_mm = 3.0;

// The landmarks inside the frame that get a symbol: the most important kinds first (stations,
// schools, churches...), none touching another symbol, a grid label or a label already placed
// (street and area names go first: a symbol under a street name is left out). Their boxes are
// added to `plan.symbol_boxes`.
std::vector<LandmarkSymbol> plan_landmark_symbols(const SheetLandmarks& landmarks, MapPlan& plan);

// The names next to their symbols, clear of every label already placed (street and area
// names), of the symbols and of the grid labels; a name with no free place is left out.
// Names are set at `text_scale` times their A3 size. Appends to `plan.labels`. Without
// `generic_names`, a place named only by its kind ("speeltuin") gets no label: on a page whose
// legend explains the pictograms, the word would only crowd out names.
void place_landmark_labels(const SheetLandmarks& landmarks,
                           const std::vector<LandmarkSymbol>& symbols, double text_scale,
                           MapPlan& plan, bool generic_names = true);

// The credits line with the landmarks' sources added, when any landmark is on the sheet.
std::string with_landmark_credits(const std::string& attribution, const SheetLandmarks& landmarks,
                                  bool shown, Language language);

// Paints the pictograms (grey on a white disc) at their places.
void paint_landmark_symbols(cairo_t* cr, const std::vector<LandmarkSymbol>& symbols);
// One pictogram of `diameter_pt` centred on (x_pt, y_pt): the same in a legend as on the map.
void paint_landmark_symbol(cairo_t* cr, geo::LandmarkKind kind, double x_pt, double y_pt,
                           double diameter_pt);

}  // namespace wijkatlas::render::sheet
