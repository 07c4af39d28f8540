// Landmarks from OpenStreetMap: named points and named buildings/areas with an amenity.
#include <algorithm>
#include <array>
#include <cmath>

#include "detail/osm_layer_reads.hpp"
#include "detail/osm_tags.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::geo {
namespace {

template <std::size_t N>
bool is_one_of(std::string_view value, const std::array<std::string_view, N>& options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

LandmarkKind worship_kind(const OsmTags& tags) {
  const std::string_view religion = tags.get("religion");
  if (religion == "christian") return LandmarkKind::church;
  if (religion == "muslim") return LandmarkKind::mosque;
  return LandmarkKind::worship;
}

// Reads the named features of one layer of GDAL's OSM driver, keeping the tag columns there are.
Layer read_named(const std::filesystem::path& path, const std::string& layer,
                 const BaseMapOptions& options, Reporter& reporter) {
  std::vector<std::string> columns;
  for (const auto& l : describe_dataset(path, DescribeDetail::structure).layers) {
    if (l.name != layer) continue;
    for (const auto& f : l.fields) columns.push_back(f.name);
  }
  if (columns.empty()) {
    throw io_error(path.string(), "no layer '" + layer +
                                      "': not an OpenStreetMap extract (expected the layers "
                                      "'points' and 'multipolygons' of GDAL's OSM driver)");
  }
  if (std::find(columns.begin(), columns.end(), "name") == columns.end()) return {};
  ReadOptions read;
  read.layer = layer;
  read.bbox = options.bbox;
  read.allow_empty = true;
  read.require_geometry = false;
  read.where = "name IS NOT NULL AND name <> ''";
  constexpr std::array<std::string_view, 10> wanted{"name",     "amenity",   "shop",    "leisure",
                                                    "tourism",  "historic",  "railway", "building",
                                                    "religion", "other_tags"};
  for (const std::string& c : columns) {
    if (is_one_of(c, wanted)) read.fields.push_back(c);
  }
  detail::count_osm_layer_read();
  return read_layer(path, read, reporter);
}

}  // namespace

std::string to_string(LandmarkKind kind) {
  switch (kind) {
    case LandmarkKind::station:
      return "station";
    case LandmarkKind::school:
      return "school";
    case LandmarkKind::church:
      return "kerk";
    case LandmarkKind::mosque:
      return "moskee";
    case LandmarkKind::worship:
      return "gebedshuis";
    case LandmarkKind::town_hall:
      return "stadhuis";
    case LandmarkKind::library:
      return "bibliotheek";
    case LandmarkKind::community_centre:
      return "buurthuis";
    case LandmarkKind::supermarket:
      return "supermarkt";
    case LandmarkKind::doctor:
      return "huisarts";
    case LandmarkKind::pharmacy:
      return "apotheek";
    case LandmarkKind::culture:
      return "cultuur";
    case LandmarkKind::sports:
      return "sport";
    case LandmarkKind::playground:
      return "speeltuin";
    case LandmarkKind::park:
      return "park";
  }
  return "?";
}

std::optional<LandmarkKind> classify_landmark(const OsmTags& tags) {
  static constexpr std::array<std::string_view, 2> rail_stations{"station", "halt"};
  static constexpr std::array<std::string_view, 4> schools{"school", "kindergarten", "college",
                                                           "university"};
  static constexpr std::array<std::string_view, 2> community{"community_centre", "social_centre"};
  static constexpr std::array<std::string_view, 3> medical{"doctors", "clinic", "hospital"};
  static constexpr std::array<std::string_view, 3> culture{"theatre", "cinema", "arts_centre"};
  static constexpr std::array<std::string_view, 4> sports{"sports_centre", "stadium", "sports_hall",
                                                          "swimming_pool"};
  static constexpr std::array<std::string_view, 3> church_buildings{"church", "chapel",
                                                                    "cathedral"};
  // A bus stop is tagged public_transport=station only when it is a bus station; rail stations
  // carry railway=station.
  if (is_one_of(tags.get("railway"), rail_stations) || tags.get("building") == "train_station") {
    return LandmarkKind::station;
  }
  const std::string_view amenity = tags.get("amenity");
  if (is_one_of(amenity, schools) || tags.get("building") == "school") return LandmarkKind::school;
  if (amenity == "place_of_worship") return worship_kind(tags);
  if (amenity == "townhall") return LandmarkKind::town_hall;
  if (amenity == "library") return LandmarkKind::library;
  if (is_one_of(amenity, community)) return LandmarkKind::community_centre;
  if (tags.get("shop") == "supermarket") return LandmarkKind::supermarket;
  if (is_one_of(amenity, medical)) return LandmarkKind::doctor;
  if (amenity == "pharmacy") return LandmarkKind::pharmacy;
  if (is_one_of(amenity, culture) || tags.get("tourism") == "museum" ||
      tags.get("historic") == "castle") {
    return LandmarkKind::culture;
  }
  const std::string_view leisure = tags.get("leisure");
  if (is_one_of(leisure, sports)) return LandmarkKind::sports;
  if (leisure == "playground") return LandmarkKind::playground;
  if (leisure == "park") return LandmarkKind::park;
  // A named church building without amenity=place_of_worship (common on older data).
  const std::string_view building = tags.get("building");
  if (building == "mosque") return LandmarkKind::mosque;
  if (building == "synagogue") return LandmarkKind::worship;
  if (is_one_of(building, church_buildings)) return LandmarkKind::church;
  return std::nullopt;
}

void LandmarkCollector::add_polygon(const OsmTags& tags, const MultiPolygon& shape) {
  const std::string_view name = tags.get("name");
  if (name.empty() || shape.empty()) return;
  if (const auto kind = classify_landmark(tags))
    found_.push_back({*kind, std::string(name), point_on_surface(shape)});
}

std::function<void(const OsmTags&, const MultiPolygon&)> LandmarkCollector::polygon_sink() {
  return [this](const OsmTags& tags, const MultiPolygon& shape) { add_polygon(tags, shape); };
}

std::vector<Landmark> LandmarkCollector::finish_with_points(const std::filesystem::path& path,
                                                            const BaseMapOptions& options,
                                                            Reporter& reporter) {
  const Layer points = read_named(path, "points", options, reporter);
  for (const Feature& f : points.features) {
    const auto* point = std::get_if<Point>(&f.geometry);
    if (point == nullptr) continue;
    const OsmTags tags = detail::osm_tags_of(points, f);
    if (const auto kind = classify_landmark(tags))
      found_.push_back({*kind, std::string(tags.get("name")), *point});
  }
  return finish();
}

std::vector<Landmark> LandmarkCollector::finish() {
  // Areas came first: a building's inside is a better place for its symbol than the point
  // someone put at the entrance, and the duplicate check keeps the first.
  drop_duplicate_landmarks(found_);
  return std::move(found_);
}

std::vector<Landmark> load_osm_landmarks(const std::filesystem::path& path,
                                         const BaseMapOptions& options, Reporter& reporter) {
  LandmarkCollector collector;
  const Layer areas = read_named(path, "multipolygons", options, reporter);
  for (const Feature& f : areas.features) {
    if (const auto* geometry = std::get_if<MultiPolygon>(&f.geometry)) {
      collector.add_polygon(detail::osm_tags_of(areas, f), *geometry);
    }
  }
  return collector.finish_with_points(path, options, reporter);
}

void drop_duplicate_landmarks(std::vector<Landmark>& landmarks, double metres) {
  std::vector<Landmark> kept;
  kept.reserve(landmarks.size());
  for (Landmark& l : landmarks) {
    const bool seen = std::any_of(kept.begin(), kept.end(), [&](const Landmark& k) {
      return k.kind == l.kind && k.name == l.name &&
             std::hypot(k.location.x() - l.location.x(), k.location.y() - l.location.y()) < metres;
    });
    if (!seen) kept.push_back(std::move(l));
  }
  landmarks = std::move(kept);
}

}  // namespace wijkatlas::geo
