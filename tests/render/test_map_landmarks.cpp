// Landmarks on a map page (issue 17): pictograms over the layers after every other label, the
// legend lists the kinds the page shows, the credits name their sources, and a place named only
// by its kind gets no label where the legend explains the pictogram.
#include <gtest/gtest.h>

#include <algorithm>

#include "map_fixture.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render {
namespace {

using geo::LandmarkKind;

MapSpec spec_with(std::vector<geo::Landmark> places, std::string source = "") {
  MapSpec spec = test::small_map_spec();
  spec.landmarks.places = std::move(places);
  spec.landmarks.source = std::move(source);
  spec.landmarks.openstreetmap = true;
  return spec;
}

bool has_label(const MapPlan& plan, const std::string& text) {
  return std::any_of(plan.labels.begin(), plan.labels.end(),
                     [&](const PlacedText& t) { return t.text == text; });
}

std::vector<std::string> legend_texts(const MapPlan& plan) {
  std::vector<std::string> out;
  for (const LegendEntry& e : plan.legend_entries) out.push_back(e.text);
  return out;
}

// Inside the fixture's map, away from its points and labels; one far outside it.
const double x = test::origin_x, y = test::origin_y;

}  // namespace

TEST(MapLandmarks, PictogramsLegendAndCreditsForWhatThePageShows) {
  const MapPlan plan = plan_map(spec_with(
      {
          {LandmarkKind::community_centre, "Buurthuis De Ster", {x + 150, y + 760}},
          {LandmarkKind::playground, "speeltuin", {x + 760, y + 150}},
          {LandmarkKind::church, "Verre kerk", {x + 90'000, y}},
      },
      "DUO"));
  ASSERT_EQ(plan.landmarks.size(), 2u) << "the church lies outside the frame";
  EXPECT_TRUE(has_label(plan, "Buurthuis De Ster"));
  EXPECT_FALSE(has_label(plan, "speeltuin"))
      << "the legend explains the pictogram; the word would only crowd out names";
  EXPECT_FALSE(has_label(plan, "Verre kerk"));

  const std::vector<std::string> legend = legend_texts(plan);
  const auto heading = std::find(legend.begin(), legend.end(), "Herkenningspunten");
  ASSERT_NE(heading, legend.end());
  EXPECT_EQ(std::vector<std::string>(heading + 1, legend.end()),
            (std::vector<std::string>{"Buurthuis", "Speeltuin"}))
      << "the kinds shown, in their order of importance, under all other layers";
  const auto entry = std::find_if(plan.legend_entries.begin(), plan.legend_entries.end(),
                                  [](const LegendEntry& e) { return e.text == "Buurthuis"; });
  ASSERT_NE(entry, plan.legend_entries.end());
  EXPECT_EQ(entry->kind, SwatchKind::landmark);
  EXPECT_EQ(entry->landmark, LandmarkKind::community_centre);
  EXPECT_NE(plan.attribution.find("DUO"), std::string::npos) << plan.attribution;
}

TEST(MapLandmarks, NoneShownNoLegendHeadingNoCredit) {
  const MapPlan plan = plan_map(
      spec_with({{LandmarkKind::church, "Verre kerk", {x + 90'000, y}}}, "Gemeente Voorbeeld"));
  EXPECT_TRUE(plan.landmarks.empty());
  const std::vector<std::string> legend = legend_texts(plan);
  EXPECT_EQ(std::find(legend.begin(), legend.end(), "Herkenningspunten"), legend.end());
  EXPECT_EQ(plan.attribution.find("Gemeente Voorbeeld"), std::string::npos) << plan.attribution;
}

TEST(MapLandmarks, EnglishLegendNamesTheKindsInEnglish) {
  MapSpec spec = spec_with({{LandmarkKind::doctor, "Huisartsenpraktijk Oost", {x + 150, y + 760}}});
  spec.language = Language::en;
  const std::vector<std::string> legend = legend_texts(plan_map(spec));
  const auto heading = std::find(legend.begin(), legend.end(), "Landmarks");
  ASSERT_NE(heading, legend.end());
  EXPECT_EQ(*(heading + 1), "General practitioner");
}

// The same page with and without landmarks keeps every other label: landmarks come last.
TEST(MapLandmarks, NeverPushOutAnotherLabel) {
  const MapPlan without = plan_map(test::small_map_spec());
  std::vector<geo::Landmark> crowd;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) {
      crowd.push_back({LandmarkKind::school,
                       "School " + std::to_string(i * 40 + j),
                       {x + i * 25.0, y + j * 25.0}});
    }
  }
  const MapPlan with = plan_map(spec_with(crowd));
  for (const PlacedText& t : without.labels)
    EXPECT_TRUE(has_label(with, t.text)) << t.text << " was pushed out by landmarks";
  EXPECT_FALSE(with.landmarks.empty());
}

}  // namespace wijkatlas::render
