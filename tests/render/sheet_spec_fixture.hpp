#pragma once
// An A3 drawing sheet at 1:2,500 in Arnhem with a base map of the given streets, for the tests
// of a sheet's plan (landmarks, round two).
#include <utility>
#include <vector>

#include "wijkatlas/render/drawing_sheet.hpp"

namespace wijkatlas::render::test {

inline const geo::Point sheet_centre{191950, 444700};

inline DrawingSheetSpec a3_sheet_spec(std::vector<geo::BaseLine> streets) {
  DrawingSheetSpec spec;
  spec.page.paper = Paper::a3;
  spec.centre = sheet_centre;
  spec.scale = 2500;
  spec.qr_payload = "wijkatlas test";
  geo::BaseMap base;
  base.lines = std::move(streets);
  spec.layers.push_back(BaseMapLayer{std::move(base), true});
  return spec;
}

}  // namespace wijkatlas::render::test
