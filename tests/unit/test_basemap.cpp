// The OSM base map: tag parsing, classification and reading the real OSM test extract.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include "osm_tags_fixture.hpp"
#include "test_support.hpp"
#include "thrown_message.hpp"
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo {
namespace {

using test::tags;

// Vaduz, the capital of the test extract, as an RD New box (1.5 km around the centre).
Box vaduz_box() {
  const Point centre = Transformer(wgs84).transform(Point(9.5215, 47.1410));
  return Box(Point(centre.x() - 1500, centre.y() - 1500),
             Point(centre.x() + 1500, centre.y() + 1500));
}

}  // namespace

TEST(BaseMap, ParsesOtherTagsHstore) {
  OsmTags t;
  parse_other_tags(R"("surface"=>"asphalt","name:de"=>"Stra\"sse","maxspeed"=>"50")", t);
  EXPECT_EQ(t.get("surface"), "asphalt");
  EXPECT_EQ(t.get("name:de"), "Stra\"sse");
  EXPECT_EQ(t.get("maxspeed"), "50");
  EXPECT_EQ(t.get("lanes"), "");
  OsmTags broken;
  parse_other_tags(R"("a"=>"1","b"=>)", broken);
  EXPECT_EQ(broken.values.size(), 1u) << "keeps what it read before the error";
}

TEST(BaseMap, ClassifiesFeatures) {
  EXPECT_EQ(classify_area(tags({{"building", "yes"}})), AreaClass::building);
  EXPECT_EQ(classify_area(tags({{"building", "no"}, {"leisure", "park"}})), AreaClass::green);
  EXPECT_EQ(classify_area(tags({{"natural", "water"}})), AreaClass::water);
  EXPECT_EQ(classify_area(tags({{"landuse", "forest"}})), AreaClass::green);
  EXPECT_FALSE(classify_area(tags({{"landuse", "industrial"}})));
  EXPECT_EQ(classify_line(tags({{"highway", "primary"}})), LineClass::major_street);
  EXPECT_EQ(classify_line(tags({{"highway", "residential"}})), LineClass::minor_street);
  EXPECT_EQ(classify_line(tags({{"highway", "cycleway"}})), LineClass::path);
  EXPECT_EQ(classify_line(tags({{"railway", "rail"}})), LineClass::railway);
  EXPECT_EQ(classify_line(tags({{"waterway", "river"}})), LineClass::waterway);
  EXPECT_FALSE(classify_line(tags({{"power", "line"}})));
}

TEST(BaseMap, ReadsTheRealOsmExtractInsideABox) {
  CollectingReporter reporter;
  BaseMapOptions options;
  options.bbox = vaduz_box();
  const BaseMap map =
      load_osm_basemap(test::data_file("osm/liechtenstein-2013-08-03.osm.pbf"), options, reporter);
  std::map<AreaClass, std::size_t> areas;
  std::map<LineClass, std::size_t> lines;
  for (const auto& a : map.areas) {
    ++areas[a.kind];
    EXPECT_TRUE(boost::geometry::intersects(boost::geometry::return_envelope<Box>(a.geometry),
                                            *options.bbox));
  }
  std::size_t named = 0;
  for (const auto& l : map.lines) {
    ++lines[l.kind];
    if (!l.name.empty()) ++named;
  }
  EXPECT_GT(areas[AreaClass::building], 100u);
  EXPECT_GT(areas[AreaClass::green], 0u);
  EXPECT_GT(lines[LineClass::major_street], 0u);
  EXPECT_GT(lines[LineClass::minor_street], 10u);
  EXPECT_GT(named, 10u);
  // Drawing order: green under water under buildings.
  EXPECT_EQ(map.areas.front().kind, AreaClass::green);
  EXPECT_EQ(map.areas.back().kind, AreaClass::building);
}

TEST(BaseMap, ANonOsmSourceIsAClearError) {
  CollectingReporter reporter;
  const std::string message = test::thrown_message<io_error>([&] {
    load_osm_basemap(test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), {}, reporter);
  });
  EXPECT_NE(message.find("not an OpenStreetMap extract"), std::string::npos) << message;
}

TEST(BaseMap, FindsTheFetchedExtractOnlyWhenPresent) {
  test::TempDir dir;
  EXPECT_FALSE(find_osm_extract(dir.path()));
  std::filesystem::create_directories(dir / "osm");
  dir.write("osm/arnhem.osm.pbf", "");
  EXPECT_EQ(find_osm_extract(dir.path()), dir / "osm/arnhem.osm.pbf");
}

TEST(BaseMap, WithoutAFetchedExtractTheBundledOneOf2021IsUsedAndCredited) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "osm");
  dir.write("osm/arnhem_vt2021.osm.pbf", "");
  EXPECT_EQ(find_osm_extract(dir.path()), dir / "osm/arnhem_vt2021.osm.pbf");
  dir.write("osm/arnhem.gpkg", "");
  EXPECT_EQ(find_osm_extract(dir.path()), dir / "osm/arnhem.gpkg") << "a fetched extract wins";
  // The real data directory has only the bundled one.
  const auto real = find_osm_extract(test::data_dir());
  ASSERT_TRUE(real);
  EXPECT_EQ(real->filename(), "arnhem_vt2021.osm.pbf");
  EXPECT_EQ(osm_extract_edition(*real), "2021");
  EXPECT_EQ(osm_extract_edition(dir / "osm/arnhem.osm.pbf"), "");
  EXPECT_EQ(osm_extract_edition(dir / "osm/arnhem.gpkg"), "");
}

}  // namespace wijkatlas::geo
