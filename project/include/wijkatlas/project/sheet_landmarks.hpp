#pragma once
// The base map and landmarks of a drawing sheet: from an OSM extract (one pass over its
// polygons for both), or, without one (Arnhem offline), landmarks from the asset points in the
// data directory.
#include <filesystem>
#include <string>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"

namespace wijkatlas::project {

struct OsmSheetBase {
  geo::BaseMap map;
  render::SheetLandmarks landmarks;
};

// `ground`: the RD New box the sheet shows, with some room around it.
OsmSheetBase load_osm_sheet_base(const std::filesystem::path& osm, const geo::Box& ground, geo::Reporter& reporter);

// None when the data directory (--data-dir, looked up only here) has no asset points.
render::SheetLandmarks asset_landmarks(const geo::Box& ground, const std::string& data_dir_option, geo::Reporter& reporter);

}  // namespace wijkatlas::project
