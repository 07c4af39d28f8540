#pragma once
// Round two's overlay on a drawing sheet, planned before the map's own names (streets,
// landmarks): the status labels are what the sheet is for, so the street names make room for
// them, not the other way round. Painted by previous_overlay.cpp.
#include <string>
#include <vector>

#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render::sheet {

struct OverlayLine {
  std::string text;
  TextStyle style;
};

// A spot's label ("P01 probleem · opgepakt" and what was done) or an initiative's name.
struct OverlayLabel {
  PaperPoint anchor;               // the spot's pole or the initiative's symbol
  std::vector<OverlayLine> lines;  // one or two
  RectMm box;
  bool leader = false;  // a spot's label placed beside the spot: a thin line joins them
};

struct PreviousPlan {
  std::vector<geo::MultiPolygon> visible;  // per spot of spec.previous: its part inside the frame
  std::vector<std::size_t> initiatives;    // spec.previous->initiatives that lie on the map
  std::vector<OverlayLabel> labels;
  double line_mm = 0;    // height of one label line
  double symbol_mm = 0;  // radius of an initiative's symbol
};

// Places the labels clear of each other, of the initiatives' symbols and of the grid labels,
// and adds their boxes and the symbols to `plan.symbol_boxes`, which the map's names and the
// landmarks then avoid. A spot's label is never dropped (with no free position it goes on the
// spot anyway); an initiative's name may be (its spot's label names it too). Empty without
// spec.previous.
PreviousPlan plan_previous_overlay(const DrawingSheetSpec& spec, const SheetLayout& layout,
                                   MapPlan& plan);

}  // namespace wijkatlas::render::sheet
