// Landmarks on a drawing sheet's plan: symbols inside the frame and apart, the more important
// kind first where two meet, names clear of street names and symbols, sources credited.
#include <gtest/gtest.h>

#include <algorithm>

#include "sheet/sheet_plan.hpp"
#include "sheet_spec_fixture.hpp"
#include "wijkatlas/render/label_placement.hpp"

namespace wijkatlas::render::sheet {
namespace {

using geo::LandmarkKind;
const geo::Point& centre = test::sheet_centre;

DrawingSheetSpec spec_with(std::vector<geo::Landmark> places,
                           std::vector<geo::BaseLine> streets = {}) {
  DrawingSheetSpec spec = test::a3_sheet_spec(std::move(streets));
  spec.landmarks.places = std::move(places);
  return spec;
}

geo::BaseLine street(const std::string& name, double y) {
  geo::LineString line{{centre.x() - 300, centre.y() + y}, {centre.x() + 300, centre.y() + y}};
  return {geo::LineClass::major_street, name, geo::MultiLineString{line}};
}

const PlacedText* label(const SheetPlan& plan, const std::string& text) {
  const auto it = std::find_if(plan.plan.labels.begin(), plan.plan.labels.end(),
                               [&](const PlacedText& t) { return t.text == text; });
  return it == plan.plan.labels.end() ? nullptr : &*it;
}

RectMm symbol_box(const LandmarkSymbol& s) {
  return {s.at.x_mm - landmark_symbol_mm / 2, s.at.y_mm - landmark_symbol_mm / 2,
          landmark_symbol_mm, landmark_symbol_mm};
}

}  // namespace

TEST(SheetLandmarks, SymbolsInsideTheFrameOnlyAndTheMoreImportantKindFirst) {
  const SheetPlan plan = plan_sheet(spec_with({
      {LandmarkKind::park, "Park", {centre.x() + 1, centre.y()}},
      {LandmarkKind::station, "Station", {centre.x(), centre.y()}},  // on top of the park
      {LandmarkKind::school, "School", {centre.x() + 120, centre.y() - 80}},
      {LandmarkKind::church, "Verre kerk", {centre.x() + 5000, centre.y()}},  // far outside
  }));
  ASSERT_EQ(plan.landmarks.size(), 2u);
  EXPECT_EQ(plan.landmarks[0].kind, LandmarkKind::station)
      << "the station wins the place from the park";
  EXPECT_EQ(plan.landmarks[1].kind, LandmarkKind::school);
  EXPECT_FALSE(overlaps(symbol_box(plan.landmarks[0]), symbol_box(plan.landmarks[1])));
  EXPECT_NE(label(plan, "Station"), nullptr);
  EXPECT_NE(label(plan, "School"), nullptr);
  EXPECT_EQ(label(plan, "Park"), nullptr);
  EXPECT_EQ(label(plan, "Verre kerk"), nullptr);
}

TEST(SheetLandmarks, NamesKeepClearOfStreetNamesAndSymbols) {
  // A row of landmarks along a named street: the street keeps its name, a landmark under it is
  // left out, the other landmarks' names find room around both, and nothing overlaps.
  std::vector<geo::Landmark> places;
  for (int i = 0; i < 12; ++i) {
    places.push_back({static_cast<LandmarkKind>(i % 13),
                      "Plek nummer " + std::to_string(i),
                      {centre.x() - 240 + 40 * i, centre.y() + (i % 2 ? 6 : -6)}});
  }
  const SheetPlan plan =
      plan_sheet(spec_with(places, {street("Hoofdstraat", 0), street("Dwarsstraat", 40)}));
  ASSERT_NE(label(plan, "Hoofdstraat"), nullptr);
  std::size_t named = 0;
  for (const PlacedText& t : plan.plan.labels) {
    if (t.text.rfind("Plek nummer", 0) != 0) continue;
    ++named;
    for (const PlacedText& other : plan.plan.labels) {
      if (&other != &t) {
        EXPECT_FALSE(overlaps(t.box, other.box)) << t.text << " over " << other.text;
      }
    }
    for (const LandmarkSymbol& s : plan.landmarks)
      EXPECT_FALSE(overlaps(t.box, symbol_box(s))) << t.text;
  }
  EXPECT_GE(plan.landmarks.size(), places.size() - 1);
  EXPECT_LT(plan.landmarks.size(), places.size())
      << "the symbol in the middle would sit under the street's name";
  EXPECT_GE(named, 8u) << "most names find a place";
  // No symbol under a street name (the name is horizontal here, so its box is exact).
  for (const PlacedText& t : plan.plan.labels) {
    if (t.text.find("straat") == std::string::npos) continue;
    for (const LandmarkSymbol& s : plan.landmarks)
      EXPECT_FALSE(overlaps(t.box, symbol_box(s))) << t.text;
  }
}

TEST(SheetLandmarks, LongNamesAreShortenedAtAWord) {
  const SheetPlan plan =
      plan_sheet(spec_with({{LandmarkKind::school,
                             "Openb. SGM. Arnhem Noord voor lyceum, havo, mavo en vbo",
                             {centre.x(), centre.y()}}}));
  EXPECT_NE(label(plan, "Openb. SGM. Arnhem Noord voor…"), nullptr);
}

TEST(SheetLandmarks, TheirSourcesAreCredited) {
  DrawingSheetSpec spec = spec_with({{LandmarkKind::school, "School", {centre.x(), centre.y()}}});
  spec.landmarks.source = "DUO";
  spec.landmarks.openstreetmap = true;
  EXPECT_EQ(plan_sheet(spec).plan.attribution, "Bron: DUO · © OpenStreetMap-bijdragers");
  EXPECT_EQ(with_landmark_credits("Bron: CBS, Kadaster · © OpenStreetMap-bijdragers",
                                  spec.landmarks, true, Language::nl),
            "Bron: CBS, Kadaster, DUO · © OpenStreetMap-bijdragers");
  EXPECT_EQ(with_landmark_credits("Bron: CBS, Kadaster", spec.landmarks, false, Language::nl),
            "Bron: CBS, Kadaster")
      << "no credit for landmarks that are not on the sheet";
  // The base map's year stays with its credit when the landmarks' sources go before it.
  EXPECT_EQ(with_landmark_credits("Bron: CBS, Kadaster · © OpenStreetMap-bijdragers (2021)",
                                  spec.landmarks, true, Language::nl),
            "Bron: CBS, Kadaster, DUO · © OpenStreetMap-bijdragers (2021)");
  // A note on the boundaries stays last, with or without a base map.
  const std::string note = "CBS-grenzen vereenvoudigd; afwijking tot ~300 m";
  EXPECT_EQ(
      with_landmark_credits("Bron: CBS, Kadaster · © OpenStreetMap-bijdragers (2021) · " + note,
                            spec.landmarks, true, Language::nl),
      "Bron: CBS, Kadaster, DUO · © OpenStreetMap-bijdragers (2021) · " + note);
  EXPECT_EQ(
      with_landmark_credits("Bron: CBS, Kadaster · " + note, spec.landmarks, true, Language::nl),
      "Bron: CBS, Kadaster, DUO · © OpenStreetMap-bijdragers · " + note);
}

}  // namespace wijkatlas::render::sheet
