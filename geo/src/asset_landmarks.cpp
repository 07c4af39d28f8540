// Landmarks from the asset table in the data directory (schools from DUO, libraries, parks,
// culture, sport and stations from OSM): the base map of an Arnhem sheet without an OSM extract.
#include <boost/geometry/algorithms/covered_by.hpp>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::geo {
namespace {

std::optional<LandmarkKind> asset_kind(const std::string& category, const std::string& subcategory) {
  if (category == "school") return LandmarkKind::school;
  if (category == "library") return LandmarkKind::library;
  if (category == "green_space") return LandmarkKind::park;
  if (category == "culture") return LandmarkKind::culture;
  if (category == "sport") return LandmarkKind::sports;
  if (category == "transport" && subcategory == "railway_station") return LandmarkKind::station;
  return std::nullopt;  // bus stops: too many to orient by
}

}  // namespace

std::vector<Landmark> load_asset_landmarks(const std::filesystem::path& path, const std::optional<Box>& bbox,
                                           Reporter& reporter) {
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
    const std::string text = to_text(f.values[name]);
    if (text.empty()) continue;
    const auto kind = asset_kind(to_text(f.values[category]), subcategory ? to_text(f.values[*subcategory]) : "");
    if (kind) out.push_back({*kind, text, *point});
  }
  drop_duplicate_landmarks(out);
  return out;
}

std::optional<std::filesystem::path> find_asset_points(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "assets" / "arnhem_assets.csv";
  if (std::filesystem::exists(path)) return path;
  return std::nullopt;
}

}  // namespace wijkatlas::geo
