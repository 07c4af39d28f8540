#include "sheet_landmarks.hpp"

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::app {

render::SheetLandmarks sheet_landmarks(const std::optional<std::filesystem::path>& osm, const geo::Box& ground,
                                       const std::string& data_dir_option, geo::Reporter& reporter) {
  render::SheetLandmarks out;
  if (osm) {
    // The base map's own extract: the attribution to OpenStreetMap is already on the sheet.
    out.places = geo::load_osm_landmarks(*osm, {.bbox = ground}, reporter);
    out.openstreetmap = true;
  } else if (const auto assets = geo::find_asset_points(geo::resolve_data_dir(data_dir_option))) {
    // Schools from DUO, the other points from OpenStreetMap (datasets README).
    out.places = geo::load_asset_landmarks(*assets, ground, reporter);
    out.source = "DUO";
    out.openstreetmap = true;
  }
  return out;
}

}  // namespace wijkatlas::app
