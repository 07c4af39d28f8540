// Landmarks for drawing sheets: classification of OSM tags, the real OSM extract (Vaduz) and
// the real asset points of Arnhem.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/geometry.hpp>

#include "osm_tags_fixture.hpp"
#include "test_support.hpp"
#include "thrown_message.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::geo {
namespace {

using test::tags;

const Landmark* find(const std::vector<Landmark>& all, const std::string& name) {
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Landmark& l) { return l.name == name; });
  return it == all.end() ? nullptr : &*it;
}

double distance(const Point& a, const Point& b) {
  return std::hypot(a.x() - b.x(), a.y() - b.y());
}

}  // namespace

TEST(Landmarks, ClassifiesWhatResidentsOrientBy) {
  EXPECT_EQ(classify_landmark(tags({{"amenity", "school"}})), LandmarkKind::school);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "place_of_worship"}, {"religion", "christian"}})),
            LandmarkKind::church);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "place_of_worship"}, {"religion", "muslim"}})),
            LandmarkKind::mosque);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "place_of_worship"}})), LandmarkKind::worship);
  EXPECT_EQ(classify_landmark(tags({{"building", "church"}})), LandmarkKind::church);
  EXPECT_EQ(classify_landmark(tags({{"railway", "station"}})), LandmarkKind::station);
  EXPECT_EQ(classify_landmark(tags({{"shop", "supermarket"}})), LandmarkKind::supermarket);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "community_centre"}})),
            LandmarkKind::community_centre);
  EXPECT_EQ(classify_landmark(tags({{"leisure", "playground"}})), LandmarkKind::playground);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "pharmacy"}})), LandmarkKind::pharmacy);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "doctors"}})), LandmarkKind::doctor);
  EXPECT_EQ(classify_landmark(tags({{"leisure", "sports_centre"}})), LandmarkKind::sports);
  EXPECT_EQ(classify_landmark(tags({{"tourism", "museum"}})), LandmarkKind::culture);
  EXPECT_EQ(classify_landmark(tags({{"amenity", "library"}})), LandmarkKind::library);
  // Not landmarks: too many, or nothing to orient by.
  EXPECT_FALSE(classify_landmark(tags({{"amenity", "restaurant"}})));
  EXPECT_FALSE(classify_landmark(tags({{"amenity", "parking"}})));
  EXPECT_FALSE(classify_landmark(tags({{"highway", "bus_stop"}})));
  EXPECT_FALSE(classify_landmark(tags({{"shop", "bakery"}})));
  EXPECT_FALSE(classify_landmark(tags({{"building", "yes"}})));
}

TEST(Landmarks, ReadsNamedPointsAndBuildingsOfTheRealOsmExtract) {
  CollectingReporter reporter;
  const Point centre = Transformer(wgs84).transform(Point(9.5215, 47.1405));
  const Box box(Point(centre.x() - 400, centre.y() - 320),
                Point(centre.x() + 400, centre.y() + 320));
  const auto all = load_osm_landmarks(test::data_file("osm/liechtenstein-2013-08-03.osm.pbf"),
                                      {.bbox = box}, reporter);
  // Areas (a townhall, a museum building, a castle) and points (a supermarket, a pharmacy).
  const std::vector<std::pair<std::string, LandmarkKind>> expected{
      {"Rathaus Vaduz", LandmarkKind::town_hall},
      {"Kunstmuseum Liechtenstein", LandmarkKind::culture},
      {"Schloss Vaduz", LandmarkKind::culture},
      {"Coop", LandmarkKind::supermarket},
      {"Schloss Apotheke", LandmarkKind::pharmacy}};
  for (const auto& [name, kind] : expected) {
    const Landmark* l = find(all, name);
    ASSERT_NE(l, nullptr) << name;
    EXPECT_EQ(l->kind, kind) << name;
    EXPECT_TRUE(boost::geometry::covered_by(l->location, box)) << name;
  }
  EXPECT_EQ(find(all, "Ratskeller"), nullptr) << "a restaurant is not a landmark";
  for (const Landmark& a : all) {
    for (const Landmark& b : all) {
      if (&a != &b && a.kind == b.kind && a.name == b.name) {
        EXPECT_GT(distance(a.location, b.location), 150) << a.name;
      }
    }
  }
}

TEST(Landmarks, ReadsTheArnhemAssetPoints) {
  CollectingReporter reporter;
  // Klarendal and around (RD New).
  const Box box(Point(191000, 444000), Point(193000, 446000));
  const auto all = load_asset_landmarks(test::data_file("assets/arnhem_assets.csv"), box, reporter);
  const Landmark* station = find(all, "Arnhem Velperpoort");
  ASSERT_NE(station, nullptr);
  EXPECT_EQ(station->kind, LandmarkKind::station);
  const Landmark* school = find(all, "Basisschool Kunst Rijk");
  ASSERT_NE(school, nullptr);
  EXPECT_EQ(school->kind, LandmarkKind::school);
  for (const Landmark& l : all) {
    EXPECT_TRUE(boost::geometry::covered_by(l.location, box)) << l.name;
  }
  EXPECT_GT(all.size(), 5u);
  EXPECT_LT(all.size(), 80u) << "no bus stops";
}

TEST(Landmarks, ReadsTheOsmVoorzieningenOf2021) {
  CollectingReporter reporter;
  // The shopping centre of Presikhaaf and around (RD New).
  const Box box(Point(193000, 443500), Point(194000, 444500));
  const auto all = load_asset_landmarks(test::data_file("assets/arnhem_osm2021_voorzieningen.csv"),
                                        box, reporter);
  const auto kind_of = [&](const char* name) {
    const Landmark* l = find(all, name);
    return l == nullptr ? std::optional<LandmarkKind>() : std::optional(l->kind);
  };
  EXPECT_EQ(kind_of("Huisartsenpraktijk Presikhaaf"), LandmarkKind::doctor);
  EXPECT_EQ(kind_of("Apotheek Presikhaaf"), LandmarkKind::pharmacy);
  EXPECT_EQ(kind_of("de Bibliotheek Presikhaaf"), LandmarkKind::library);
  EXPECT_EQ(kind_of("Tandartspraktijk Adolfsen"), std::nullopt)
      << "dentists are not landmarks (as in OSM)";
  // Unnamed playgrounds are kept as "speeltuin", one per 150 m.
  const auto playgrounds = std::count_if(all.begin(), all.end(),
                                         [](const Landmark& l) { return l.name == "speeltuin"; });
  EXPECT_GE(playgrounds, 3);
  for (const Landmark& l : all) {
    if (l.name == "speeltuin") {
      EXPECT_EQ(l.kind, LandmarkKind::playground);
    }
    EXPECT_TRUE(boost::geometry::covered_by(l.location, box)) << l.name;
  }
}

TEST(Landmarks, AnAssetTableWithoutNamesIsAClearError) {
  test::TempDir dir;
  dir.write("punten.csv", "x,y,soort\n191000,444000,school\n");
  CollectingReporter reporter;
  const std::string message = test::thrown_message<data_error>(
      [&] { load_asset_landmarks(dir / "punten.csv", std::nullopt, reporter); });
  EXPECT_NE(message.find("name"), std::string::npos) << message;
}

TEST(Landmarks, FindsTheAssetPointsOfTheDataDirectory) {
  test::TempDir dir;
  EXPECT_FALSE(find_asset_points(dir.path()));
  EXPECT_TRUE(
      find_asset_points(test::data_file("assets/arnhem_assets.csv").parent_path().parent_path()));
}

TEST(Landmarks, FindsBothPointTablesOfTheDataDirectory) {
  test::TempDir dir;
  EXPECT_TRUE(find_landmark_tables(dir.path()).empty());
  const auto tables = find_landmark_tables(test::data_dir());
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].filename(), "arnhem_assets.csv");
  EXPECT_EQ(tables[1].filename(), "arnhem_osm2021_voorzieningen.csv");
}

}  // namespace wijkatlas::geo
