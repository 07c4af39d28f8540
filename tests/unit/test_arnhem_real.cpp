// The geometry core on the real Arnhem data in the data directory (CBS wijk- en buurtkaart
// 2024, generalized; CBS key figures 2024; real asset points). The geometry is generalized
// (edges 50-300 m off), so joins are checked with interior points and with the data's own
// point-in-polygon results, never with landmarks near edges.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "test_support.hpp"
#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/indicators.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/geo/programme.hpp"

namespace wijkatlas::geo {
namespace {

constexpr auto buurt = static_cast<std::size_t>(Level::buurt);
constexpr auto programma = static_cast<std::size_t>(Level::programma);

Layer read(const std::filesystem::path& path, const std::string& layer = {}) {
  CollectingReporter reporter;
  ReadOptions options;
  options.layer = layer;
  return read_layer(path, options, reporter);
}

// A CSV without locations.
Layer read_table(const std::filesystem::path& path) {
  CollectingReporter reporter;
  ReadOptions options;
  options.require_geometry = false;
  return read_layer(path, options, reporter);
}

// Built once for the whole suite: the hierarchy exactly as `wijkatlas join` builds it.
class ArnhemReal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CollectingReporter reporter;
    const auto gpkg = test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg");
    programme_ = new Programme(load_programme(test::source_file("datasets/npao_programma.toml")));
    HierarchyOptions options;
    hierarchy_ =
        new AreaHierarchy(build_hierarchy(read(gpkg, "buurten"), programme_, options, reporter));
    for (const char* table : {"cbs/arnhem_kerncijfers_wijken_2024_85984NED.csv",
                              "cbs/arnhem_kerncijfers_buurten_2024.csv"}) {
      const auto report =
          join_indicators(*hierarchy_, read_indicators(test::data_file(table), {}, reporter));
      EXPECT_TRUE(report.unmatched.empty()) << table << ": " << report.unmatched.front();
    }
    derive_population_and_land(*hierarchy_, reporter);
  }
  static void TearDownTestSuite() {
    delete hierarchy_;
    delete programme_;
  }
  const AreaHierarchy& h() const { return *hierarchy_; }
  const Area& area(Level level, std::string_view code) const {
    return h().at(level).at(h().find(level, code).value());
  }

  static inline Programme* programme_ = nullptr;
  static inline AreaHierarchy* hierarchy_ = nullptr;
};

// programma_arnhem_oost_codes.csv: the data's own list of buurten per programme wijk.
std::map<std::string, std::string> programme_of_buurt_from_data() {
  const Layer codes = read_table(test::data_file("cbs/programma_arnhem_oost_codes.csv"));
  std::map<std::string, std::string> out;
  for (const auto& f : codes.features) {
    out[to_text(f.values[*codes.field_index("buurtcode")])] =
        to_text(f.values[*codes.field_index("programma")]);
  }
  return out;
}

}  // namespace

TEST_F(ArnhemReal, FiveProgrammeWijkenOfCleanPolygons) {
  ASSERT_EQ(h().at(Level::programma).size(), 5u);
  for (const auto& pw : h().at(Level::programma)) {
    EXPECT_FALSE(invalid_reason(Geometry(pw.geometry))) << pw.naam;
    for (const auto& part : pw.geometry) {
      EXPECT_TRUE(part.inners().empty()) << pw.naam << " has a hole left from shared edges";
    }
    EXPECT_EQ(pw.geometry.size(), 1u) << pw.naam << " falls apart into slivers";
  }
  EXPECT_EQ(area(Level::programma, "presikhaaf").naam, "Presikhaaf");
  EXPECT_EQ(area(Level::programma, "arnhemse-broek").buurten.size(), 6u);
}

TEST_F(ArnhemReal, ProgrammeWijkAreaIsTheSumOfItsBuurten) {
  for (const auto& pw : h().at(Level::programma)) {
    double sum = 0;
    for (std::size_t b : pw.buurten) sum += h().at(Level::buurt)[b].area_m2;
    EXPECT_NEAR(pw.area_m2, sum, 0.001 * sum) << pw.naam;
  }
}

TEST_F(ArnhemReal, AreasAddUpOverEveryLevel) {
  double buurten = 0, wijken = 0;
  for (const auto& a : h().at(Level::buurt)) buurten += a.area_m2;
  for (const auto& a : h().at(Level::wijk)) wijken += a.area_m2;
  const double gemeente = area(Level::gemeente, "GM0202").area_m2;
  EXPECT_NEAR(wijken, buurten, 0.001 * buurten);
  EXPECT_NEAR(gemeente, buurten, 0.001 * buurten);
  // CBS: Arnhem is 10,154 ha; the generalized outline is within a few per cent.
  EXPECT_NEAR(gemeente / 1e4, 10154, 0.05 * 10154);
}

TEST_F(ArnhemReal, EveryBuurtsInteriorPointJoinsBackToItself) {
  const auto expected_programme = programme_of_buurt_from_data();
  Layer points;
  points.name = "binnenpunten";
  for (const auto& b : h().at(Level::buurt)) {
    Feature f;
    f.fid = static_cast<std::int64_t>(points.features.size());
    f.geometry = point_on_surface(b.geometry);
    points.features.push_back(f);
  }
  CollectingReporter reporter;
  const PointJoinResult r = join_points(h(), points, {}, reporter);
  EXPECT_TRUE(r.outside.empty());
  for (std::size_t i = 0; i < h().at(Level::buurt).size(); ++i) {
    const Area& b = h().at(Level::buurt)[i];
    EXPECT_EQ(r.buurt_of_point[i], static_cast<std::int32_t>(i)) << b.code;
    const auto pw = b.parent[programma];
    auto it = expected_programme.find(b.code);
    if (it == expected_programme.end()) {
      EXPECT_EQ(pw, -1) << b.code << " is no part of the programme";
    } else {
      ASSERT_GE(pw, 0) << b.code;
      EXPECT_EQ(h().at(Level::programma)[static_cast<std::size_t>(pw)].naam, it->second) << b.code;
    }
  }
  // Every buurt counted once: per-buurt counts are all 1, the gemeente has them all.
  for (const auto& agg : r.per_level[buurt]) EXPECT_EQ(agg.count, 1);
  EXPECT_EQ(r.per_level[static_cast<std::size_t>(Level::gemeente)][0].count, 83);
}

TEST_F(ArnhemReal, InhabitantsPerProgrammeWijkMatchCbs) {
  const std::map<std::string, double> cbs = {{"geitenkamp", 3805},
                                             {"presikhaaf", 8885 + 7535},
                                             {"klarendal", 7285},
                                             {"arnhemse-broek", 6555},
                                             {"malburgen", 4640 + 6420 + 9240}};
  for (const auto& [code, inwoners] : cbs) {
    EXPECT_EQ(area(Level::programma, code).inwoners, inwoners) << code;
  }
  EXPECT_EQ(area(Level::gemeente, "GM0202").inwoners, 167632.0);
  EXPECT_EQ(area(Level::wijk, "WK020204").inwoners, 8885.0);
}

TEST_F(ArnhemReal, RealAssetsLandInTheBuurtOfTheDatasOwnPointInPolygon) {
  const Layer assets = read(test::data_file("assets/arnhem_assets.csv"));
  ASSERT_EQ(assets.features.size(), 253u);
  CollectingReporter reporter;
  const PointJoinResult r = join_points(h(), assets, {}, reporter);
  const std::size_t expected_field = *assets.field_index("buurtcode_gen");
  std::size_t checked = 0, outside = 0;
  for (std::size_t i = 0; i < assets.features.size(); ++i) {
    const std::string expected = to_text(assets.features[i].values[expected_field]);
    const std::int32_t b = r.buurt_of_point[i];
    const std::string got = b < 0 ? "" : h().at(Level::buurt)[static_cast<std::size_t>(b)].code;
    EXPECT_EQ(got, expected) << "asset " << to_text(assets.features[i].values[0]);
    ++checked;
    if (expected.empty()) ++outside;
  }
  EXPECT_EQ(r.outside.size(), outside) << "points outside Arnhem (Oosterbeek, Velp) are reported";
  EXPECT_GT(outside, 0u);
  EXPECT_EQ(checked, 253u);
}

TEST_F(ArnhemReal, Wgs84CsvLandsWhereTheSamePointsInRdLand) {
  // The assets file has each point both as lat/lon (from the source) and as RD x/y; split it
  // into two files so that each is read through its own CRS path.
  test::TempDir dir;
  const auto source = test::data_file("assets/arnhem_oost_assets.csv");
  for (const auto& [name, columns] :
       {std::pair{"lonlat.csv", "asset_id,lon,lat"}, {"rd.csv", "asset_id,x_rd,y_rd"}}) {
    const std::string command =
        "ogr2ogr -f CSV " + (dir / name).string() + " " + source.string() + " -select " + columns;
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  const Layer lonlat = read(dir / "lonlat.csv");
  const Layer rd = read(dir / "rd.csv");
  EXPECT_EQ(lonlat.source_crs, "EPSG:4326");
  EXPECT_EQ(rd.source_crs, "EPSG:28992");
  ASSERT_EQ(lonlat.features.size(), 68u);
  ASSERT_EQ(rd.features.size(), lonlat.features.size());
  CollectingReporter reporter;
  const PointJoinResult a = join_points(h(), lonlat, {}, reporter);
  const PointJoinResult b = join_points(h(), rd, {}, reporter);
  EXPECT_EQ(a.buurt_of_point, b.buurt_of_point);
  for (std::size_t i = 0; i < rd.features.size(); ++i) {
    const Point p = std::get<Point>(lonlat.features[i].geometry),
                q = std::get<Point>(rd.features[i].geometry);
    EXPECT_LT(std::hypot(p.x() - q.x(), p.y() - q.y()), 1.0) << to_text(rd.features[i].values[0]);
  }
  // Arnhem-Oost: every one lies in a programme wijk.
  for (auto buurt_index : a.buurt_of_point) {
    ASSERT_GE(buurt_index, 0);
    EXPECT_GE(h().at(Level::buurt)[static_cast<std::size_t>(buurt_index)].parent[programma], 0);
  }
}

TEST_F(ArnhemReal, IllustrativeInitiativesLandInTheirDocumentedBuurten) {
  const Layer initiatives = read(test::source_file("examples/initiatieven_arnhem_oost.csv"));
  const Layer expected =
      read_table(test::source_file("examples/initiatieven_arnhem_oost_buurten.csv"));
  std::map<std::string, std::string> expected_buurt;
  for (const auto& f : expected.features)
    expected_buurt[to_text(f.values[0])] = to_text(f.values[1]);
  CollectingReporter reporter;
  const PointJoinResult r = join_points(h(), initiatives, {}, reporter);
  EXPECT_TRUE(r.outside.empty());
  ASSERT_EQ(expected_buurt.size(), initiatives.features.size());
  for (std::size_t i = 0; i < initiatives.features.size(); ++i) {
    const std::string id = to_text(initiatives.features[i].values[0]);
    ASSERT_GE(r.buurt_of_point[i], 0) << id;
    EXPECT_EQ(h().at(Level::buurt)[static_cast<std::size_t>(r.buurt_of_point[i])].code,
              expected_buurt[id])
        << id;
  }
}

}  // namespace wijkatlas::geo
