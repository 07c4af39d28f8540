// Prepared base maps: the same map as the extract gives, built once per content, rebuilt when
// the extract changes or the cache file is damaged, safe when built twice at once, and read
// directly (with a warning) when the cache directory cannot be written. Every test has its own
// cache directory; none writes into the data directory.
#include <gtest/gtest.h>

#include <boost/geometry/algorithms/append.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/for_each.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include "test_support.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::geo {
namespace {
namespace fs = std::filesystem;

fs::path liechtenstein() {
  return test::data_file("osm/liechtenstein-2013-08-03.osm.pbf");
}

Box around_vaduz(double half) {
  const Point centre = Transformer(wgs84).transform(Point(9.5215, 47.1410));
  return Box(Point(centre.x() - half, centre.y() - half),
             Point(centre.x() + half, centre.y() + half));
}

template <class Geometry>
std::vector<double> coordinates(const Geometry& g) {
  std::vector<double> out;
  boost::geometry::for_each_point(g, [&](const Point& p) {
    out.push_back(p.x());
    out.push_back(p.y());
  });
  return out;
}

// OGR's spatial filter also drops a line whose bounding box meets the box while the line itself
// passes by; a prepared base map keeps it (it is clipped when drawn). What meets the box must
// be the same.
BaseMap meeting(BaseMap map, const Box& box) {
  std::erase_if(map.areas,
                [&](const BaseArea& a) { return !boost::geometry::intersects(a.geometry, box); });
  std::erase_if(map.lines,
                [&](const BaseLine& l) { return !boost::geometry::intersects(l.geometry, box); });
  return map;
}

// Same features in the same order with bit-identical coordinates.
void expect_same_map(const BaseMap& a, const BaseMap& b) {
  ASSERT_EQ(a.areas.size(), b.areas.size());
  ASSERT_EQ(a.lines.size(), b.lines.size());
  EXPECT_EQ(a.edition, b.edition);
  for (std::size_t i = 0; i < a.areas.size(); ++i) {
    EXPECT_EQ(a.areas[i].kind, b.areas[i].kind) << "area " << i;
    EXPECT_EQ(a.areas[i].geometry.size(), b.areas[i].geometry.size()) << "area " << i;
    EXPECT_EQ(coordinates(a.areas[i].geometry), coordinates(b.areas[i].geometry)) << "area " << i;
  }
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    EXPECT_EQ(a.lines[i].kind, b.lines[i].kind) << "line " << i;
    EXPECT_EQ(a.lines[i].name, b.lines[i].name) << "line " << i;
    EXPECT_EQ(coordinates(a.lines[i].geometry), coordinates(b.lines[i].geometry)) << "line " << i;
  }
}

std::size_t prepared_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    n += entry.path().extension() == ".wbm" ? 1 : 0;
  return n;
}

// A tiny extract in the layout of a GeoPackage made from an .osm.pbf with ogr2ogr, in RD New:
// `buildings` squares of 10 m and one named street.
fs::path write_small_extract(const fs::path& path, int buildings) {
  const auto layer = [](const char* name, std::vector<Field> fields) {
    Layer l;
    l.name = name;
    l.fields = std::move(fields);
    return l;
  };
  Layer polygons = layer("multipolygons", {{"name"}, {"building"}});
  for (int i = 0; i < buildings; ++i) {
    const double x = 191000 + 20 * i, y = 444000;
    Polygon square;
    boost::geometry::append(
        square.outer(),
        std::vector<Point>{{x, y}, {x + 10, y}, {x + 10, y + 10}, {x, y + 10}, {x, y}});
    boost::geometry::correct(square);
    polygons.features.push_back(
        {i + 1, {std::monostate{}, std::string("yes")}, MultiPolygon{square}});
  }
  Layer lines = layer("lines", {{"name"}, {"highway"}});
  lines.features.push_back({1,
                            {std::string("Klarendalseweg"), std::string("residential")},
                            MultiLineString{LineString{{190990, 443990}, {191300, 443990}}}});
  Layer points = layer("points", {{"name"}, {"amenity"}});
  points.features.push_back(
      {1, {std::string("Wijkcentrum"), std::string("community_centre")}, Point(191005, 444030)});
  const std::vector<const Layer*> layers{&polygons, &lines, &points};
  write_layers(path, layers);
  return path;
}

const Box everywhere({0, 300000}, {300000, 650000});

}  // namespace

TEST(PreparedBaseMap, ReadsExactlyWhatTheExtractGivesForAnExtent) {
  test::TempDir cache;
  CollectingReporter reporter;
  const PreparedBaseMap prepared(liechtenstein(), {cache.path()}, reporter);
  ASSERT_FALSE(prepared.cache_file().empty())
      << (reporter.warnings.empty() ? "" : reporter.warnings.front());
  EXPECT_EQ(prepared.cache_file().parent_path(), cache.path());
  for (const double half : {300.0, 800.0, 3000.0}) {
    const Box box = around_vaduz(half);
    const BaseMap cached = prepared.read(box, reporter);
    const BaseMap direct = load_osm_basemap(liechtenstein(), {.bbox = box}, reporter);
    ASSERT_FALSE(direct.lines.empty());
    EXPECT_GE(cached.lines.size(), direct.lines.size());
    EXPECT_GE(cached.areas.size(), direct.areas.size());
    expect_same_map(meeting(cached, box), meeting(direct, box));
  }
  // A box beside the extract meets nothing.
  EXPECT_TRUE(prepared.read(Box({0, 300000}, {1000, 301000}), reporter).areas.empty());
}

TEST(PreparedBaseMap, KeepsTheLandmarksOfPolygonsAndPoints) {
  test::TempDir cache;
  CollectingReporter reporter;
  const PreparedBaseMap prepared(liechtenstein(), {cache.path()}, reporter);
  const Box box = around_vaduz(1500);
  std::set<std::string> names;
  for (const Landmark& l : prepared.landmarks(box, reporter)) {
    names.insert(l.name);
    EXPECT_TRUE(boost::geometry::covered_by(l.location, box)) << l.name;
  }
  // A building (Kunstmuseum), a point (Coop) and an amenity area, as on the Vaduz sheet.
  for (const char* expected :
       {"Rathaus Vaduz", "Kunstmuseum Liechtenstein", "Coop", "Schloss Apotheke"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }
}

TEST(PreparedBaseMap, IsBuiltOnceAndThenReusedWithoutParsingTheExtract) {
  test::TempDir cache;
  CollectingReporter reporter;
  const std::size_t before = osm_layer_reads();
  const PreparedBaseMap first(liechtenstein(), {cache.path()}, reporter);
  const std::size_t after_build = osm_layer_reads();
  EXPECT_EQ(after_build - before, 3u) << "multipolygons, lines and points, once each";
  CollectingReporter reuse;
  const PreparedBaseMap second(liechtenstein(), {cache.path()}, reuse);
  const BaseMap map = second.read(around_vaduz(800), reuse);
  second.landmarks(around_vaduz(800), reuse);
  EXPECT_EQ(osm_layer_reads(), after_build) << "the second open parsed the extract again";
  EXPECT_FALSE(map.areas.empty());
  EXPECT_EQ(second.cache_file(), first.cache_file());
  EXPECT_EQ(prepared_files(cache.path()), 1u);
  EXPECT_TRUE(reuse.warnings.empty()) << "repair warnings belong to the build, not to every use";
}

// Records progress calls: the first use says that it prepares, with a bar that ends full.
class ProgressRecorder final : public Reporter {
 public:
  void warn(std::string_view) override {}
  void info(std::string_view message) override { infos.emplace_back(message); }
  void progress(std::string_view task, std::size_t done, std::size_t total) override {
    steps.push_back({std::string(task), done, total});
  }
  struct Step {
    std::string task;
    std::size_t done, total;
  };
  std::vector<std::string> infos;
  std::vector<Step> steps;
};

TEST(PreparedBaseMap, TheFirstUseSaysSoWithProgressTheNextIsQuiet) {
  test::TempDir cache;
  ProgressRecorder first;
  const PreparedBaseMap built(liechtenstein(), {cache.path()}, first);
  ASSERT_GE(first.steps.size(), 3u);
  EXPECT_EQ(first.steps.front().done, 0u);
  EXPECT_EQ(first.steps.back().done, first.steps.back().total) << "the bar ends full";
  for (std::size_t i = 1; i < first.steps.size(); ++i)
    EXPECT_GE(first.steps[i].done, first.steps[i - 1].done);
  ASSERT_EQ(first.infos.size(), 1u);
  EXPECT_NE(first.infos[0].find("preparing the base map once"), std::string::npos)
      << first.infos[0];
  ProgressRecorder again;
  const PreparedBaseMap reused(liechtenstein(), {cache.path()}, again);
  EXPECT_TRUE(again.steps.empty());
  EXPECT_TRUE(again.infos.empty());
}

TEST(PreparedBaseMap, IsRebuiltWhenTheExtractChangesAndTheOldFileGoes) {
  test::TempDir dir;
  const fs::path cache = dir / "cache";
  const fs::path extract = write_small_extract(dir / "extract.gpkg", 2);
  CollectingReporter reporter;
  fs::path old_file;
  {
    const PreparedBaseMap prepared(extract, {cache}, reporter);
    EXPECT_EQ(prepared.read(everywhere, reporter).areas.size(), 2u);
    old_file = prepared.cache_file();
  }
  write_small_extract(extract, 5);
  const std::size_t before = osm_layer_reads();
  const PreparedBaseMap changed(extract, {cache}, reporter);
  EXPECT_GT(osm_layer_reads(), before) << "a changed extract must be prepared again";
  const BaseMap map = changed.read(everywhere, reporter);
  EXPECT_EQ(map.areas.size(), 5u);
  ASSERT_EQ(map.lines.size(), 1u);
  EXPECT_EQ(map.lines[0].name, "Klarendalseweg");
  EXPECT_NE(changed.cache_file(), old_file);
  EXPECT_FALSE(fs::exists(old_file)) << "the file of the old content stays behind";
  EXPECT_EQ(prepared_files(cache), 1u);
  const auto landmarks = changed.landmarks(everywhere, reporter);
  ASSERT_EQ(landmarks.size(), 1u);
  EXPECT_EQ(landmarks[0].kind, LandmarkKind::community_centre);
}

TEST(PreparedBaseMap, ADamagedOrTruncatedCacheFileIsDetectedAndRebuilt) {
  test::TempDir dir;
  const fs::path extract = write_small_extract(dir / "extract.gpkg", 3);
  CollectingReporter reporter;
  const fs::path file = PreparedBaseMap(extract, {dir / "cache"}, reporter).cache_file();
  const auto size = fs::file_size(file);
  const auto damage = [&](auto&& how) {
    how();
    CollectingReporter again;
    const std::size_t before = osm_layer_reads();
    const PreparedBaseMap reopened(extract, {dir / "cache"}, again);
    EXPECT_GT(osm_layer_reads(), before) << "the damaged file was used";
    EXPECT_TRUE(again.has_warning_containing("damaged"));
    EXPECT_EQ(reopened.read(everywhere, again).areas.size(), 3u);
    EXPECT_EQ(fs::file_size(file), size);
  };
  damage([&] {  // one flipped byte in the middle (a coordinate)
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(size / 2));
    const char c = static_cast<char>(f.peek());
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.put(static_cast<char>(c ^ 0x5a));
  });
  damage([&] { fs::resize_file(file, size / 3); });  // cut off, as by a crash mid-write
  damage([&] { std::ofstream(file, std::ios::trunc) << "not a base map"; });
}

TEST(PreparedBaseMap, TheTemporaryFileOfABuilderThatDiedIsCleanedUp) {
  test::TempDir dir;
  const fs::path extract = write_small_extract(dir / "extract.gpkg", 1);
  CollectingReporter reporter;
  const fs::path file = PreparedBaseMap(extract, {dir / "cache"}, reporter).cache_file();
  const fs::path abandoned = dir / "cache" / ("." + file.stem().string() + ".tmp99999-0.wbm");
  std::ofstream(abandoned) << "half a base map";
  fs::remove(file);
  const PreparedBaseMap rebuilt(extract, {dir / "cache"}, reporter);
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_TRUE(fs::exists(file));
}

TEST(PreparedBaseMap, TwoBuildsAtOnceEndWithOneValidCacheFile) {
  test::TempDir cache;
  const std::size_t before = osm_layer_reads();
  std::vector<fs::path> files(2);
  std::vector<std::size_t> areas(2);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      CollectingReporter reporter;
      const PreparedBaseMap prepared(liechtenstein(), {cache.path()}, reporter);
      files[i] = prepared.cache_file();
      areas[i] = prepared.read(around_vaduz(800), reporter).areas.size();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(osm_layer_reads() - before, 3u) << "the second waited for the first and used its file";
  EXPECT_EQ(files[0], files[1]);
  EXPECT_EQ(areas[0], areas[1]);
  EXPECT_GT(areas[0], 0u);
  EXPECT_EQ(prepared_files(cache.path()), 1u);
  for (const auto& entry : fs::directory_iterator(cache.path())) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("."))
        << "temporary file left: " << entry.path();
  }
}

TEST(PreparedBaseMap, AnUnwritableCacheDirectoryReadsTheExtractWithAWarning) {
  test::TempDir dir;
  const fs::path blocker = dir.write("not_a_directory", "x");
  CollectingReporter reporter;
  const PreparedBaseMap prepared(liechtenstein(), {blocker / "cache"}, reporter);
  EXPECT_TRUE(prepared.cache_file().empty());
  ASSERT_EQ(reporter.warnings.size(), 1u);
  EXPECT_NE(reporter.warnings[0].find("not_a_directory"), std::string::npos)
      << reporter.warnings[0];
  const std::size_t before = osm_layer_reads();
  const BaseMap map = prepared.read(around_vaduz(800), reporter);
  EXPECT_GT(osm_layer_reads(), before);
  expect_same_map(
      map, load_osm_basemap(liechtenstein(), {.bbox = around_vaduz(800)}, reporter));  // it is that
}

TEST(PreparedBaseMap, DefaultCacheDirectoryFollowsXdg) {
  const std::string saved_xdg = std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "";
  const std::string saved_home = std::getenv("HOME") ? std::getenv("HOME") : "";
  setenv("XDG_CACHE_HOME", "/tmp/xdg-cache", 1);
  setenv("HOME", "/home/bewoner", 1);
  EXPECT_EQ(default_cache_dir(), fs::path("/tmp/xdg-cache/wijkatlas"));
  setenv("XDG_CACHE_HOME", "relative/cache", 1);  // the XDG specification says to ignore it
  EXPECT_EQ(default_cache_dir(), fs::path("/home/bewoner/.cache/wijkatlas"));
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(default_cache_dir(), fs::path("/home/bewoner/.cache/wijkatlas"));
  unsetenv("HOME");
  EXPECT_TRUE(default_cache_dir().empty());
  if (!saved_xdg.empty()) setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  if (!saved_home.empty()) setenv("HOME", saved_home.c_str(), 1);
}

}  // namespace wijkatlas::geo
