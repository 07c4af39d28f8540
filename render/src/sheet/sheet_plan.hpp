#pragma once
// A drawing sheet ready to paint: the layout, the map part planned with the map planner's own
// steps (labels, grid, scale bar, credits), and the QR modules.
#include <cairo.h>

#include "sheet/landmarks.hpp"
#include "sheet/previous_plan.hpp"
#include "sheet/qr_code.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render::sheet {

struct SheetPlan {
  SheetLayout layout;
  MapSpec map;   // the sheet's layers as a map, so the map painters draw them
  MapPlan plan;  // frame, labels, grid, scale bar, attribution
  QrModules qr;
  std::vector<LandmarkSymbol> landmarks;
  PreviousPlan previous;  // round two's labels; empty on a first-round sheet
};

SheetPlan plan_sheet(const DrawingSheetSpec& spec);

void paint_sheet(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan);
// The margin panel: title, key, session box, scale and credits, QR code with the sheet id.
void paint_panel(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan);
// Round two (previous_overlay.cpp): the earlier session's spots in grey inside the frame, and
// the block in the panel that explains them. Both do nothing without spec.previous.
void paint_previous_overlay(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan);
void paint_previous_key(cairo_t* cr, const DrawingSheetSpec& spec, const SheetPlan& plan);

}  // namespace wijkatlas::render::sheet
