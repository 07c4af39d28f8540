// join_point_stream: points joined batch by batch as they are read give what join_points gives
// on the whole layer (counts per level and theme, value sums, the points outside and the
// warning), and keep only what the output needs.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/geometry.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "test_support.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/join_output.hpp"
#include "wijkatlas/geo/point_reader.hpp"
#include "wijkatlas/geo/programme.hpp"

namespace wijkatlas::geo {
namespace {

Layer read(const std::filesystem::path& path, const std::string& layer = {}) {
  CollectingReporter reporter;
  ReadOptions options;
  options.layer = layer;
  return read_layer(path, options, reporter);
}

class JoinStream : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CollectingReporter reporter;
    const Programme programme = load_programme(test::source_file("datasets/npao_programma.toml"));
    hierarchy_ = new AreaHierarchy(build_hierarchy(
        read(test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), "buurten"), &programme,
        {}, reporter));
  }
  static void TearDownTestSuite() { delete hierarchy_; }

  struct Both {
    PointJoinResult whole;
    std::vector<std::string> whole_warnings;
    StreamedPointJoin streamed;
    std::vector<std::string> streamed_warnings;
    Layer points;
  };

  // Batches of `batch` points, located together once `located` points wait: many rounds, so
  // that batches are given back to the reader and filled again while others wait.
  static Both join_both(const std::filesystem::path& path, const PointJoinOptions& join,
                        std::size_t keep_all_up_to, std::size_t batch = 7, std::size_t located = 20,
                        bool as_read = false) {
    Both out;
    out.points = read(path);
    CollectingReporter whole;
    out.whole = join_points(*hierarchy_, out.points, join, whole);
    out.whole_warnings = whole.warnings;
    CollectingReporter streamed;
    PointReadOptions read_options;
    read_options.batch_size = batch;
    read_options.read_ahead = 1;
    PointReader reader(path, {}, streamed, read_options);
    PointStreamJoinOptions options;
    options.join = join;
    options.keep_all_up_to = keep_all_up_to;
    options.keep_assignments = true;
    options.located_together = located;
    options.keep_all_as_read = as_read;
    out.streamed = join_point_stream(*hierarchy_, reader, options, streamed);
    out.streamed_warnings = streamed.warnings;
    return out;
  }

  static void expect_same_counts(const PointJoinResult& whole, const PointJoinResult& streamed) {
    EXPECT_EQ(streamed.themes, whole.themes);
    for (std::size_t l = 0; l < 4; ++l) {
      ASSERT_EQ(streamed.per_level[l].size(), whole.per_level[l].size());
      for (std::size_t a = 0; a < whole.per_level[l].size(); ++a) {
        SCOPED_TRACE(hierarchy_->levels[l][a].code);
        const AreaAggregate &s = streamed.per_level[l][a], &w = whole.per_level[l][a];
        EXPECT_EQ(s.count, w.count);
        EXPECT_EQ(s.per_theme, w.per_theme);
        EXPECT_EQ(s.value_count, w.value_count);
        EXPECT_DOUBLE_EQ(s.value_sum, w.value_sum);
      }
    }
  }

  static inline AreaHierarchy* hierarchy_ = nullptr;
};

TEST_F(JoinStream, AreaLayersTakingTheGeometriesAreThoseThatCopyThem) {
  PointJoinOptions join;
  join.theme_field = "thema";
  const Both both = join_both(test::source_file("examples/initiatieven_arnhem_oost.csv"), join, 0);
  const std::vector<Layer> copied = area_result_layers(*hierarchy_, both.streamed.result, {});
  AreaHierarchy taken_from = *hierarchy_;
  const std::vector<Layer> taken =
      area_result_layers_taking_geometry(taken_from, both.streamed.result, {});
  ASSERT_EQ(taken.size(), copied.size());
  ASSERT_EQ(taken.size(), 4u);  // buurten, wijken, programmawijken, gemeenten
  for (std::size_t k = 0; k < copied.size(); ++k) {
    SCOPED_TRACE(copied[k].name);
    ASSERT_EQ(taken[k].features.size(), copied[k].features.size());
    for (std::size_t i = 0; i < copied[k].features.size(); ++i) {
      EXPECT_EQ(taken[k].features[i].values, copied[k].features[i].values);
      const auto& polygons = std::get<MultiPolygon>(copied[k].features[i].geometry);
      EXPECT_FALSE(polygons.empty());
      EXPECT_TRUE(
          boost::geometry::equals(std::get<MultiPolygon>(taken[k].features[i].geometry), polygons));
    }
  }
  // The hierarchy keeps its areas, without their polygons.
  EXPECT_EQ(taken_from.at(Level::buurt).size(), hierarchy_->at(Level::buurt).size());
  EXPECT_TRUE(taken_from.at(Level::buurt).front().geometry.empty());
}

TEST_F(JoinStream, CountsAsJoinPointsForCsvAndGeoPackage) {
  PointJoinOptions join;
  join.theme_field = "thema";
  for (const char* file :
       {"examples/initiatieven_arnhem_oost.csv", "examples/initiatieven_arnhem_oost.gpkg"}) {
    SCOPED_TRACE(file);
    const Both both = join_both(test::source_file(file), join, 0);
    EXPECT_EQ(both.streamed.point_count, both.points.features.size());
    expect_same_counts(both.whole, both.streamed.result);
    EXPECT_EQ(both.streamed_warnings, both.whole_warnings);
  }
}

TEST_F(JoinStream, CountsSplitOverThreadsAddUpToThoseOfTheWholeLayer) {
  // Enough points for every thread to count a part of them, more themes than the few that are
  // compared instead of hashed, and points outside Arnhem (their themes still count).
  test::TempDir dir;
  std::string csv = "x_rd,y_rd,thema,bedrag\n";
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(std::uint64_t{1} << 53);
  };
  for (int i = 0; i < 90000; ++i) {
    const double x = 182000 + 16000 * next(), y = 437000 + 19000 * next();
    csv += std::to_string(x) + "," + std::to_string(y) + ",thema " +
           std::to_string(static_cast<int>(next() * 23)) + "," +
           std::to_string(static_cast<int>(next() * 1000)) + "\n";
  }
  const auto path = dir.write("veel_punten.csv", csv);
  PointJoinOptions join;
  join.theme_field = "thema";
  join.value_field = "bedrag";
  join.threads = 3;
  const Both both = join_both(path, join, 0, 20000);
  EXPECT_EQ(both.streamed.point_count, 90000u);
  EXPECT_GT(both.streamed.outside_count, 0u);
  EXPECT_EQ(both.streamed.result.themes.size(), 23u);
  expect_same_counts(both.whole, both.streamed.result);
}

TEST_F(JoinStream, KeepsEveryPointsFidAndBuurtInReadingOrder) {
  // Batches of 7: the assignments of many batches, located together, in the order read.
  const auto path = test::data_file("assets/arnhem_assets.csv");
  const Both both = join_both(path, {}, 0);
  const PointAssignments& kept = both.streamed.assignments;
  ASSERT_EQ(kept.fids.size(), both.points.features.size());
  EXPECT_EQ(kept.buurten, both.whole.buurt_of_point);
  for (std::size_t i = 0; i < kept.fids.size(); ++i)
    EXPECT_EQ(kept.fids[i], both.points.features[i].fid) << i;
  EXPECT_NE(std::count(kept.buurten.begin(), kept.buurten.end(), -1), 0);
}

TEST_F(JoinStream, KeepsOnlyThePointsOutsideAboveTheLimitWithAllTheirValues) {
  // 253 real assets, some in Oosterbeek and Velp, outside Arnhem's buurten.
  const auto path = test::data_file("assets/arnhem_assets.csv");
  PointJoinOptions join;
  join.theme_field = "category";
  join.value_field = "lat";  // a number in every row (x_rd/y_rd locate): summed per area
  const Both both = join_both(path, join, 10);
  EXPECT_FALSE(both.streamed.all_kept);
  expect_same_counts(both.whole, both.streamed.result);
  EXPECT_EQ(both.streamed_warnings, both.whole_warnings);
  ASSERT_GT(both.whole.outside.size(), 0u);
  ASSERT_EQ(both.streamed.points.features.size(), both.whole.outside.size());
  EXPECT_EQ(both.streamed.outside_count, both.whole.outside.size());
  EXPECT_EQ(both.streamed.points.fields.size(), both.points.fields.size());
  for (std::size_t k = 0; k < both.whole.outside.size(); ++k) {
    const Feature& expected = both.points.features[both.whole.outside[k]];
    const Feature& kept = both.streamed.points.features[both.streamed.result.outside[k]];
    EXPECT_EQ(kept.fid, expected.fid);
    EXPECT_EQ(kept.values, expected.values);
    EXPECT_EQ(std::get<Point>(kept.geometry).x(), std::get<Point>(expected.geometry).x());
    EXPECT_EQ(std::get<Point>(kept.geometry).y(), std::get<Point>(expected.geometry).y());
  }
}

TEST_F(JoinStream, KeepsEveryPointWithItsBuurtUpToTheLimit) {
  const auto path = test::data_file("assets/arnhem_assets.csv");
  const Both both = join_both(path, {}, std::numeric_limits<std::size_t>::max());
  EXPECT_TRUE(both.streamed.all_kept);
  EXPECT_EQ(both.streamed.result.buurt_of_point, both.whole.buurt_of_point);
  EXPECT_EQ(both.streamed.result.outside, both.whole.outside);
  ASSERT_EQ(both.streamed.points.features.size(), both.points.features.size());
  for (std::size_t i = 0; i < both.points.features.size(); ++i) {
    EXPECT_EQ(both.streamed.points.features[i].values, both.points.features[i].values);
  }
}

// Kept as read (for the layer of every point at any size), the points are those read_layer
// gives, in order, typed at the end for a CSV, with their buurten and the same warning.
TEST_F(JoinStream, PointsKeptAsReadAreTheFeatures) {
  test::TempDir dir;
  const auto typed = dir.write("bedragen.csv",
                               "x_rd,y_rd,bedrag,code,datum,thema\n"
                               "191500,444800,10,12,2024-01-05,1\n"
                               "191600,444900,\"2,5\",0034,2024-02-29,1.0\n"
                               "191700,445000,,7,,\n"
                               "100000,400000,3,8,2023-12-31,buiten\n");
  for (const auto& [path, theme] :
       {std::pair{test::data_file("assets/arnhem_assets.csv"), "category"},
        std::pair{test::source_file("examples/initiatieven_arnhem_oost.gpkg"), "thema"},
        std::pair{typed, "thema"}}) {
    SCOPED_TRACE(path.string());
    PointJoinOptions join;
    join.theme_field = theme;
    const Both both = join_both(path, join, 0, 2, 5, true);
    const StreamedPointJoin& streamed = both.streamed;
    EXPECT_TRUE(streamed.all_kept);
    EXPECT_TRUE(streamed.points.features.empty());
    // The fields' final types (a CSV's are known only at the end).
    ASSERT_EQ(streamed.kept.header().fields.size(), both.points.fields.size());
    for (std::size_t k = 0; k < both.points.fields.size(); ++k) {
      EXPECT_EQ(streamed.kept.header().fields[k].name, both.points.fields[k].name);
      EXPECT_EQ(streamed.kept.header().fields[k].type, both.points.fields[k].type);
    }
    EXPECT_EQ(streamed.result.buurt_of_point, both.whole.buurt_of_point);
    EXPECT_EQ(streamed.result.outside, both.whole.outside);
    EXPECT_EQ(both.streamed_warnings, both.whole_warnings);
    ASSERT_EQ(streamed.kept.size(), both.points.features.size());
    for (std::size_t i = 0; i < both.points.features.size(); ++i) {
      const Feature& expected = both.points.features[i];
      const Feature kept = streamed.kept.feature(i);
      EXPECT_EQ(kept.fid, expected.fid);
      EXPECT_EQ(streamed.kept.fid(i), expected.fid);
      EXPECT_EQ(kept.values, expected.values);
      EXPECT_EQ(streamed.kept.value(0, i), expected.values[0]);
      const auto& p = std::get<Point>(expected.geometry);
      EXPECT_EQ(streamed.kept.point(i).x(), p.x());
      EXPECT_EQ(streamed.kept.point(i).y(), p.y());
    }
    expect_same_counts(both.whole, streamed.result);
  }
}

// A layer read whole (here lines) is read in batches that refer to it: not kept as read.
TEST_F(JoinStream, PointsAreNotKeptAsReadFromALayerReadWhole) {
  test::TempDir dir;
  const auto path =
      dir.write("lijnen.geojson",
                R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},)"
                R"("geometry":{"type":"LineString","coordinates":[[5.93,51.99],[5.94,51.99]]}}]})");
  CollectingReporter reporter;
  PointReader reader(path, {}, reporter);
  EXPECT_FALSE(reader.batches_stand_alone());
  PointStreamJoinOptions options;
  options.keep_all_as_read = true;
  EXPECT_THROW(join_point_stream(*hierarchy_, reader, options, reporter), std::logic_error);
  CollectingReporter csv_reporter;
  PointReader csv(test::data_file("assets/arnhem_assets.csv"), {}, csv_reporter);
  EXPECT_TRUE(csv.batches_stand_alone());
}

TEST_F(JoinStream, TheLimitIsTheNumberOfPointsKept) {
  const auto path = test::data_file("assets/arnhem_assets.csv");
  const std::size_t n = read(path).features.size();
  const Both at_limit = join_both(path, {}, n);
  EXPECT_TRUE(at_limit.streamed.all_kept);
  EXPECT_EQ(at_limit.streamed.points.features.size(), n);
  const Both above = join_both(path, {}, n - 1);
  EXPECT_FALSE(above.streamed.all_kept);
  EXPECT_EQ(above.streamed.points.features.size(), above.whole.outside.size());
  expect_same_counts(above.whole, above.streamed.result);
}

TEST_F(JoinStream, ACsvColumnIsSummedOnlyIfEveryValueInItIsANumber) {
  test::TempDir dir;
  // 'bedrag' is numeric (a decimal comma too); 'code' has leading zeros, so it is text, and
  // its values are not summed, however numeric most of them look.
  const auto path = dir.write("bedragen.csv",
                              "x_rd,y_rd,bedrag,code,thema\n"
                              "191500,444800,10,12,1\n"
                              "191600,444900,\"2,5\",0034,1.0\n"
                              "191700,445000,,7,\n");
  for (const char* field : {"bedrag", "code"}) {
    SCOPED_TRACE(field);
    PointJoinOptions join;
    join.value_field = field;
    join.theme_field = "thema";  // '1' and '1.0' are the same number: one theme
    const Both both = join_both(path, join, 0, 2);
    expect_same_counts(both.whole, both.streamed.result);
  }
}

}  // namespace
}  // namespace wijkatlas::geo
