#pragma once
// The base map and landmarks of a drawing sheet: from an OSM extract (one pass over its
// polygons for both), or, without one (Arnhem offline), landmarks from the asset points in the
// data directory.
#include <filesystem>
#include <string>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"

namespace wijkatlas::project {

struct OsmSheetBase {
  geo::BaseMap map;
  render::SheetLandmarks landmarks;
};

// `ground`: the RD New box the sheet shows, with some room around it. The extract is prepared
// once in `cache` (geo/basemap_cache.hpp).
OsmSheetBase load_osm_sheet_base(const std::filesystem::path& osm, const geo::Box& ground,
                                 const geo::BaseMapCacheOptions& cache, geo::Reporter& reporter);

// From the point tables in the data directory (looked up only here): the assets and the OSM
// voorzieningen (geo::find_landmark_tables); none when it has neither.
render::SheetLandmarks asset_landmarks(const geo::Box& ground, const std::string& data_dir_option,
                                       geo::Reporter& reporter);

// Adds `more` to `to`, a place of the same kind and name near one already there dropped, and
// their credits.
void add_landmarks(render::SheetLandmarks& to, const render::SheetLandmarks& more);

}  // namespace wijkatlas::project
