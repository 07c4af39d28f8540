#include "wijkatlas/project/sheet_landmarks.hpp"

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::project {

OsmSheetBase load_osm_sheet_base(const std::filesystem::path& osm, const geo::Box& ground,
                                 const geo::BaseMapCacheOptions& cache, geo::Reporter& reporter) {
  const geo::PreparedBaseMap prepared(osm, cache, reporter);
  OsmSheetBase out;
  out.map = prepared.read(ground, reporter);
  out.landmarks.places = prepared.landmarks(ground, reporter);
  // The base map's own extract: the sheet credits OpenStreetMap for it already.
  out.landmarks.openstreetmap = true;
  return out;
}

render::SheetLandmarks asset_landmarks(const geo::Box& ground, const std::string& data_dir_option,
                                       geo::Reporter& reporter) {
  render::SheetLandmarks out;
  for (const auto& table : geo::find_landmark_tables(geo::resolve_data_dir(data_dir_option))) {
    const std::vector<geo::Landmark> found = geo::load_asset_landmarks(table, ground, reporter);
    out.places.insert(out.places.end(), found.begin(), found.end());
    // Schools from DUO, the other points from OpenStreetMap (datasets README).
    if (table.filename() == "arnhem_assets.csv") out.source = "DUO";
    out.openstreetmap = true;
  }
  geo::drop_duplicate_landmarks(out.places);
  return out;
}

void add_landmarks(render::SheetLandmarks& to, const render::SheetLandmarks& more) {
  to.places.insert(to.places.end(), more.places.begin(), more.places.end());
  // The first of a kind and name nearby stays: the extract's, placed inside its building.
  geo::drop_duplicate_landmarks(to.places);
  if (to.source.empty()) to.source = more.source;
  to.openstreetmap = to.openstreetmap || more.openstreetmap;
}

}  // namespace wijkatlas::project
