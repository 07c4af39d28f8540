// Landmarks from the point tables in the data directory: the assets (schools from DUO,
// libraries, parks, culture, sport and stations from OSM) and the OSM voorzieningen of 2021
// (community centres, GPs, pharmacies, playgrounds, places of worship...).
#include <boost/geometry/algorithms/covered_by.hpp>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::geo {
namespace {

// The categories of both tables; as classify_landmark does for OSM, dentists and nursing homes
// are left out, and bus stops: there are too many to orient by.
std::optional<LandmarkKind> asset_kind(const std::string& category,
                                       const std::string& subcategory) {
  if (category == "school" || category == "kindergarten") return LandmarkKind::school;
  if (category == "library") return LandmarkKind::library;
  if (category == "green_space") return LandmarkKind::park;
  if (category == "culture") return LandmarkKind::culture;
  if (category == "sport" || category == "sports_centre" || category == "swimming_pool")
    return LandmarkKind::sports;
  if (category == "transport" && subcategory == "railway_station") return LandmarkKind::station;
  if (category == "community_centre") return LandmarkKind::community_centre;
  if (category == "gp_or_doctor" || category == "clinic") return LandmarkKind::doctor;
  if (category == "pharmacy") return LandmarkKind::pharmacy;
  if (category == "playground") return LandmarkKind::playground;
  if (category == "place_of_worship") return LandmarkKind::worship;
  if (category == "townhall") return LandmarkKind::town_hall;
  return std::nullopt;
}

}  // namespace

std::vector<Landmark> load_asset_landmarks(const std::filesystem::path& path,
                                           const std::optional<Box>& bbox, Reporter& reporter) {
  ReadOptions read;
  read.fields = {"name", "category", "subcategory"};
  read.infer_types = false;
  const Layer layer = read_layer(path, read, reporter);
  const std::size_t name = layer.require_field("name");
  const std::size_t category = layer.require_field("category");
  const auto subcategory = layer.field_index("subcategory");
  std::vector<Landmark> out;
  for (const Feature& f : layer.features) {
    const auto* point = std::get_if<Point>(&f.geometry);
    if (point == nullptr || (bbox && !boost::geometry::covered_by(*point, *bbox))) continue;
    const auto kind =
        asset_kind(to_text(f.values[category]), subcategory ? to_text(f.values[*subcategory]) : "");
    if (!kind) continue;
    std::string text = to_text(f.values[name]);
    // Most playgrounds have no name, yet children and parents know where they are.
    if (text.empty() && *kind == LandmarkKind::playground) text = to_string(*kind);
    if (!text.empty()) out.push_back({*kind, std::move(text), *point});
  }
  drop_duplicate_landmarks(out);
  return out;
}

std::optional<std::filesystem::path> find_asset_points(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "assets" / "arnhem_assets.csv";
  if (std::filesystem::exists(path)) return path;
  return std::nullopt;
}

std::vector<std::filesystem::path> find_landmark_tables(const std::filesystem::path& data_dir) {
  std::vector<std::filesystem::path> out;
  if (auto assets = find_asset_points(data_dir)) out.push_back(*assets);
  const auto voorzieningen = data_dir / "assets" / "arnhem_osm2021_voorzieningen.csv";
  if (std::filesystem::exists(voorzieningen)) out.push_back(voorzieningen);
  return out;
}

}  // namespace wijkatlas::geo
