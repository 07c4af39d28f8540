// The schema of the full CBS product (PDOK wijkenbuurten GeoPackage), on the invented mini
// fixture tests/fixtures/pdok/wijkenbuurten_mini.gpkg (see its README for every value).
#include <gtest/gtest.h>

#include "test_support.hpp"
#include "thrown_message.hpp"
#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/indicators.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/join_output.hpp"

namespace wijkatlas::geo {
namespace {

std::filesystem::path fixture() {
  return test::source_file("tests/fixtures/pdok/wijkenbuurten_mini.gpkg");
}

Layer read_fixture_layer(const std::string& name) {
  CollectingReporter reporter;
  ReadOptions options;
  options.layer = name;
  return read_layer(fixture(), options, reporter);
}

// The hierarchy with the key figures of all three layers joined, as `wijkatlas join` does.
AreaHierarchy fixture_hierarchy() {
  CollectingReporter reporter;
  HierarchyOptions options;
  AreaHierarchy h = build_hierarchy(read_fixture_layer("buurten"), nullptr, options, reporter);
  const std::vector<std::string> names = {"buurtnaam", "wijknaam",     "gemeentenaam",
                                          "wijkcode",  "gemeentecode", "buurtcode"};
  for (const auto& [layer, key] :
       {std::pair{"buurten", "buurtcode"}, {"wijken", "wijkcode"}, {"gemeenten", "gemeentecode"}}) {
    const auto report =
        join_indicators(h, indicators_from_layer(read_fixture_layer(layer), key, names));
    EXPECT_TRUE(report.unmatched.empty()) << layer;
  }
  derive_population_and_land(h, reporter);
  return h;
}

const Value& indicator(const Area& area, const std::string& column) {
  static const Value missing;
  auto it = area.indicators.find(column);
  EXPECT_NE(it, area.indicators.end()) << area.code << " has no " << column;
  return it == area.indicators.end() ? missing : it->second;
}

const Area& area_of(const AreaHierarchy& h, Level level, const std::string& code) {
  return h.at(level).at(h.find(level, code).value());
}

}  // namespace

TEST(PdokFixture, LevelsAndCodes) {
  const AreaHierarchy h = fixture_hierarchy();
  EXPECT_EQ(h.at(Level::buurt).size(), 6u);
  EXPECT_EQ(h.at(Level::wijk).size(), 2u);
  EXPECT_EQ(h.at(Level::gemeente).size(), 1u);
  EXPECT_EQ(area_of(h, Level::buurt, "BU99990103").naam, "Testbuurt Zuidoost");
  EXPECT_NEAR(area_of(h, Level::wijk, "WK999901").area_m2, 3e6, 1e-3);
  EXPECT_NEAR(area_of(h, Level::gemeente, "GM9999").area_m2, 6e6, 1e-3);
}

TEST(PdokFixture, SentinelsAreNull) {
  const AreaHierarchy h = fixture_hierarchy();
  EXPECT_TRUE(
      is_null(indicator(area_of(h, Level::buurt, "BU99990102"), "gemiddelde_woningwaarde")));
  EXPECT_TRUE(is_null(indicator(area_of(h, Level::buurt, "BU99990201"), "aantal_huishoudens")));
  EXPECT_TRUE(is_null(
      indicator(area_of(h, Level::buurt, "BU99990202"), "percentage_personen_65_jaar_en_ouder")));
  EXPECT_EQ(as_number(indicator(area_of(h, Level::buurt, "BU99990101"), "gemiddelde_woningwaarde")),
            250.0);
}

TEST(PdokFixture, InhabitantsAndLandAddUp) {
  const AreaHierarchy h = fixture_hierarchy();
  double buurt_sum = 0;
  for (const auto& b : h.at(Level::buurt)) buurt_sum += b.inwoners.value();
  EXPECT_EQ(area_of(h, Level::wijk, "WK999901").inwoners, 600.0);
  EXPECT_EQ(area_of(h, Level::wijk, "WK999902").inwoners, 1500.0);
  EXPECT_EQ(area_of(h, Level::gemeente, "GM9999").inwoners, buurt_sum);
  // Land area from oppervlakte_land_in_ha: 80 ha of the 100 ha buurt Zuidoost.
  EXPECT_EQ(area_of(h, Level::buurt, "BU99990103").land_m2, 800000.0);
}

TEST(PdokFixture, PointsRollUpAndOutsidePointsAreReported) {
  const AreaHierarchy h = fixture_hierarchy();
  Layer points;
  points.name = "punten";
  points.source = "test points";
  points.fields = {{"thema", FieldType::text, false}};
  const std::pair<Point, const char*> input[] = {
      {Point(190500, 445500), "groen"},  {Point(191500, 445500), "groen"},
      {Point(192500, 445500), "spelen"}, {Point(190500, 446500), "groen"},
      {Point(195000, 445500), "groen"},  // outside the gemeente
  };
  for (const auto& [p, theme] : input) {
    Feature f;
    f.fid = static_cast<std::int64_t>(points.features.size());
    f.values = {std::string(theme)};
    f.geometry = p;
    points.features.push_back(f);
  }
  PointJoinOptions options;
  options.theme_field = "thema";
  CollectingReporter reporter;
  const PointJoinResult r = join_points(h, points, options, reporter);
  EXPECT_EQ(r.outside, (std::vector<std::size_t>{4}));
  EXPECT_TRUE(reporter.has_warning_containing("1 "));
  const auto wijk = *h.find(Level::wijk, "WK999901");
  EXPECT_EQ(r.per_level[static_cast<std::size_t>(Level::wijk)][wijk].count, 3);
  EXPECT_EQ(r.per_level[static_cast<std::size_t>(Level::wijk)][wijk].per_theme.at("groen"), 2);
  EXPECT_EQ(r.per_level[static_cast<std::size_t>(Level::gemeente)][0].count, 4);
  EXPECT_EQ(r.themes, (std::vector<std::string>{"groen", "spelen"}));
}

TEST(PdokFixture, JoinedPointsGetTheirCodesReplacingAnOldBuurtcode) {
  const AreaHierarchy h = fixture_hierarchy();
  Layer points;
  points.name = "punten";
  points.fields = {{"BuurtCode", FieldType::text, false}};  // stale codes from the registry
  for (const Point& p : {Point(191500, 446500), Point(199000, 446500)}) {
    Feature f;
    f.fid = static_cast<std::int64_t>(points.features.size() + 1);
    f.values = {std::string("BU00000000")};
    f.geometry = p;
    points.features.push_back(f);
  }
  CollectingReporter reporter;
  const PointJoinResult r = join_points(h, points, {}, reporter);
  const Layer out = joined_points_layer(points, h, r);
  ASSERT_EQ(out.fields.size(), 4u) << "the old field is replaced, not doubled";
  const auto code = *out.field_index("buurtcode"), wijk = *out.field_index("wijkcode");
  EXPECT_EQ(to_text(out.features[0].values[code]), "BU99990202");
  EXPECT_EQ(to_text(out.features[0].values[wijk]), "WK999902");
  EXPECT_TRUE(is_null(out.features[1].values[code])) << "outside: no code, not the stale one";
}

TEST(PdokFixture, DuplicateBuurtCodeIsAnError) {
  Layer buurten = read_fixture_layer("buurten");
  buurten.features.push_back(buurten.features.front());
  buurten.features.back().fid = 99;
  CollectingReporter reporter;
  const std::string message =
      test::thrown_message<data_error>([&] { build_hierarchy(buurten, nullptr, {}, reporter); });
  EXPECT_NE(message.find("duplicate buurt code BU99990101"), std::string::npos) << message;
  EXPECT_NE(message.find("feature 99"), std::string::npos) << message;
}

}  // namespace wijkatlas::geo
