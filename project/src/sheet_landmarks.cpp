#include "wijkatlas/project/sheet_landmarks.hpp"

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::project {

OsmSheetBase load_osm_sheet_base(const std::filesystem::path& osm, const geo::Box& ground, geo::Reporter& reporter) {
  geo::LandmarkCollector landmarks;
  geo::BaseMapOptions options{.bbox = ground, .each_polygon = landmarks.polygon_sink()};
  OsmSheetBase out;
  out.map = geo::load_osm_basemap(osm, options, reporter);
  out.landmarks.places = landmarks.finish_with_points(osm, options, reporter);
  // The base map's own extract: the sheet credits OpenStreetMap for it already.
  out.landmarks.openstreetmap = true;
  return out;
}

render::SheetLandmarks asset_landmarks(const geo::Box& ground, const std::string& data_dir_option, geo::Reporter& reporter) {
  render::SheetLandmarks out;
  if (const auto assets = geo::find_asset_points(geo::resolve_data_dir(data_dir_option))) {
    // Schools from DUO, the other points from OpenStreetMap (datasets README).
    out.places = geo::load_asset_landmarks(*assets, ground, reporter);
    out.source = "DUO";
    out.openstreetmap = true;
  }
  return out;
}

}  // namespace wijkatlas::project
