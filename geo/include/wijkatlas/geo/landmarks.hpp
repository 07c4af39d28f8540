#pragma once
// Landmarks: the named places residents orient by on a drawing sheet (the school, the church,
// the station, the supermarket...). Read from OpenStreetMap (named points, and named buildings
// and areas with an amenity) or from the asset points in the data directory (Arnhem offline).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

// Drawing order of importance: earlier kinds win where two symbols would touch.
enum class LandmarkKind {
  station,
  school,
  church,
  mosque,
  worship,  // another religion, or none given
  town_hall,
  library,
  community_centre,
  supermarket,
  doctor,
  pharmacy,
  culture,  // museum, theatre, cinema, castle
  sports,
  playground,
  park,
};
inline constexpr std::size_t landmark_kind_count = 15;
static_assert(static_cast<std::size_t>(LandmarkKind::park) + 1 == landmark_kind_count);

std::string to_string(LandmarkKind kind);  // Dutch: "school", "kerk", "station"...

struct Landmark {
  LandmarkKind kind;
  std::string name;
  Point location;  // RD New
};

// What a named OSM feature is as a landmark, or nullopt when residents would not orient by it
// (restaurants, parking, bus stops, shops other than supermarkets...).
std::optional<LandmarkKind> classify_landmark(const OsmTags& tags);

// Named landmarks of an OSM extract: points of the `points` layer, and named features of the
// `multipolygons` layer at a point inside them. Duplicates (a church mapped as a point and as a
// building) are kept once. Throws io_error when the source is not an OSM extract.
std::vector<Landmark> load_osm_landmarks(const std::filesystem::path& path,
                                         const BaseMapOptions& options, Reporter& reporter);

// The same in two halves, so that the base map's pass over the polygons serves both:
//   LandmarkCollector landmarks;
//   options.each_polygon = landmarks.polygon_sink();
//   BaseMap map = load_osm_basemap(path, options, reporter);
//   std::vector<Landmark> found = landmarks.finish_with_points(path, options, reporter);
class LandmarkCollector {
 public:
  void add_polygon(const OsmTags& tags, const MultiPolygon& shape);
  // For BaseMapOptions::each_polygon; the collector must outlive the read.
  std::function<void(const OsmTags&, const MultiPolygon&)> polygon_sink();
  // Adds the named points of the extract and returns all, duplicates dropped.
  std::vector<Landmark> finish_with_points(const std::filesystem::path& path,
                                           const BaseMapOptions& options, Reporter& reporter);
  // All found so far, duplicates dropped: for an extract without a `points` layer.
  std::vector<Landmark> finish();

 private:
  std::vector<Landmark> found_;
};

// Landmarks from a point table with the columns name, category and (optionally) subcategory:
// the data directory's assets/arnhem_assets.csv (schools, libraries, parks, culture, sport,
// stations) and assets/arnhem_osm2021_voorzieningen.csv (community centres, GPs, pharmacies,
// playgrounds, places of worship, sport, town halls). Public-transport stops, dentists and
// nursing homes are left out; an unnamed playground is called "speeltuin". Throws data_error
// when the columns are missing.
std::vector<Landmark> load_asset_landmarks(const std::filesystem::path& path,
                                           const std::optional<Box>& bbox, Reporter& reporter);

// assets/arnhem_assets.csv in the data directory, or nullopt.
std::optional<std::filesystem::path> find_asset_points(const std::filesystem::path& data_dir);

// The point tables of the data directory that load_asset_landmarks reads, those present:
// assets/arnhem_assets.csv, then assets/arnhem_osm2021_voorzieningen.csv.
std::vector<std::filesystem::path> find_landmark_tables(const std::filesystem::path& data_dir);

// Keeps one of several landmarks of one kind and name within `metres` of each other (the first).
void drop_duplicate_landmarks(std::vector<Landmark>& landmarks, double metres = 150);

}  // namespace wijkatlas::geo
