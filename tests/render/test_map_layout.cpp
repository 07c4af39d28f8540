// Cairo-free map logic: symbols, interior points, labels along lines, the planned page.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <cmath>
#include <numbers>
#include <set>

#include "map_fixture.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/line_labels.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/render/polylabel.hpp"

namespace wijkatlas::render {
namespace {

TEST(Style, ColoursParseAndPrint) {
  EXPECT_EQ(parse_colour("#1f4e79"), (Rgb{0x1f, 0x4e, 0x79}));
  EXPECT_EQ(parse_colour("FFFFFF"), (Rgb{255, 255, 255}));
  EXPECT_EQ(to_hex({0x1f, 0x4e, 0x79}), "#1f4e79");
  for (const char* bad : {"#12345", "red", "#12345g", "#1234567"})
    EXPECT_THROW(parse_colour(bad), render_error) << bad;
}

TEST(Style, EightCategoriesDifferInShapeAndColour) {
  std::set<int> shapes;
  std::set<std::string> colours;
  for (std::size_t i = 0; i < 8; ++i) {
    shapes.insert(static_cast<int>(category_symbol(i).shape));
    colours.insert(to_hex(category_symbol(i).colour));
  }
  EXPECT_EQ(shapes.size(), 8u);
  EXPECT_EQ(colours.size(), 8u);
  // Beyond eight, no (shape, colour) pair repeats.
  std::set<std::pair<int, std::string>> pairs;
  for (std::size_t i = 0; i < 64; ++i) {
    pairs.insert({static_cast<int>(category_symbol(i).shape), to_hex(category_symbol(i).colour)});
  }
  EXPECT_EQ(pairs.size(), 64u);
}

TEST(Polylabel, CShapeGetsAPointInsideWhereItsCentroidIsNot) {
  const geo::MultiPolygon c = std::get<AreaLayer>(test::small_map_spec().layers[2]).shapes[0];
  geo::Point centroid;
  boost::geometry::centroid(c, centroid);
  EXPECT_FALSE(boost::geometry::covered_by(centroid, c));
  const InteriorPoint pole = pole_of_inaccessibility(c, 1);
  EXPECT_TRUE(boost::geometry::covered_by(pole.point, c));
  // The arms are 300 m thick; where two arms meet the free circle grows to 300 / (1 + 1/sqrt 2).
  EXPECT_NEAR(pole.distance, 300 / (1 + 1 / std::numbers::sqrt2), 2);
}

TEST(Polylabel, SquareGivesItsCentre) {
  const InteriorPoint pole = pole_of_inaccessibility(test::square(0, 0, 100), 0.5);
  EXPECT_NEAR(pole.point.x(), 50, 1);
  EXPECT_NEAR(pole.point.y(), 50, 1);
  EXPECT_NEAR(pole.distance, 50, 1);
}

TEST(LineLabels, StraightLineGivesItsDirectionKeptUpright) {
  const std::vector<PaperPoint> right{{0, 0}, {50, 0}};
  const auto a = positions_along_line(right, 20, 3);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_NEAR(a[0].angle_rad, 0, 1e-9);
  EXPECT_NEAR(a[0].centre.x_mm, 25, 1e-9);
  // Drawn right to left, the text still reads left to right.
  const std::vector<PaperPoint> left{{50, 0}, {0, 0}};
  EXPECT_NEAR(std::abs(positions_along_line(left, 20, 3).at(0).angle_rad), 0, 1e-9);
  const std::vector<PaperPoint> down_left{{40, 0}, {0, 40}};
  EXPECT_NEAR(positions_along_line(down_left, 20, 3).at(0).angle_rad, -std::numbers::pi / 4, 1e-9);
}

TEST(LineLabels, LongStretchOffersSlidesNearestFirstThatStillFit) {
  // 100 mm of street for a 20 x 3 mm name: needed 26 mm, so the centre may move 37 mm either
  // way, in steps of 13 mm.
  const std::vector<PaperPoint> street{{0, 0}, {100, 0}};
  const auto stretches = positions_along_stretches(street, 20, 3, 15, 3, 5);
  ASSERT_EQ(stretches.size(), 1u);
  const auto& at = stretches[0];
  ASSERT_EQ(at.size(), 5u);
  const double expected[] = {50, 63, 37, 76, 24};
  for (std::size_t i = 0; i < at.size(); ++i) {
    EXPECT_NEAR(at[i].centre.x_mm, expected[i], 1e-9) << i;
    EXPECT_GE(at[i].box.x, 0);
    EXPECT_LE(at[i].box.x + at[i].box.width, 100);
  }
  // A stretch just long enough has its middle only.
  const std::vector<PaperPoint> just{{0, 0}, {27, 0}};
  EXPECT_EQ(positions_along_stretches(just, 20, 3).at(0).size(), 1u);
}

TEST(LineLabels, PiecesOfAStreetJoinWhereTwoMeetEndToEnd) {
  // A street in three pieces (the middle one drawn the other way) and a side street at the far
  // end: 3 pieces of 15 mm each are too short for a 20 mm name, joined they are not.
  std::vector<std::vector<PaperPoint>> pieces{
      {{0, 0}, {15, 0}}, {{30, 0}, {15, 0}}, {{30, 0}, {45, 0}}};
  for (const auto& p : pieces) EXPECT_TRUE(positions_along_line(p, 20, 3).empty());
  const auto joined = join_at_shared_ends(pieces);
  ASSERT_EQ(joined.size(), 1u);
  ASSERT_EQ(joined[0].size(), 4u);
  EXPECT_NEAR(std::abs(joined[0].back().x_mm - joined[0].front().x_mm), 45, 1e-9);
  EXPECT_EQ(positions_along_line(joined[0], 20, 3).size(), 1u);
  // Where three pieces meet (a fork), none is joined there.
  pieces.push_back({{45, 0}, {60, 10}});
  pieces.push_back({{45, 0}, {60, -10}});
  const auto forked = join_at_shared_ends(pieces);
  EXPECT_EQ(forked.size(), 3u);
  // A closed street (a square around a green) stays one closed chain.
  const auto ring = join_at_shared_ends({{{0, 0}, {10, 0}, {10, 10}}, {{10, 10}, {0, 10}, {0, 0}}});
  ASSERT_EQ(ring.size(), 1u);
  EXPECT_EQ(ring[0].size(), 5u);
}

TEST(LineLabels, TooShortOrTooBentGivesNothing) {
  const std::vector<PaperPoint> short_line{{0, 0}, {15, 0}};
  EXPECT_TRUE(positions_along_line(short_line, 20, 3).empty());
  std::vector<PaperPoint> zigzag;
  for (int i = 0; i < 10; ++i) zigzag.push_back({i * 5.0, (i % 2) * 5.0});
  EXPECT_TRUE(positions_along_line(zigzag, 20, 3).empty());
}

TEST(LineLabels, RotatedBoundsContainTheRotatedText) {
  const RectMm box = rotated_bounds({10, 10}, 20, 4, std::numbers::pi / 2);
  EXPECT_NEAR(box.width, 4, 1e-9);
  EXPECT_NEAR(box.height, 20, 1e-9);
  EXPECT_NEAR(box.x, 8, 1e-9);
}

TEST(MapPlan, NoTwoPlacedLabelsOverlapNorCoverASymbol) {
  const MapPlan plan = plan_map(test::small_map_spec());
  ASSERT_GE(plan.labels.size(), 10u);
  for (std::size_t i = 0; i < plan.labels.size(); ++i) {
    for (std::size_t j = i + 1; j < plan.labels.size(); ++j) {
      EXPECT_FALSE(overlaps(plan.labels[i].box, plan.labels[j].box))
          << plan.labels[i].text << " and " << plan.labels[j].text;
    }
    for (const RectMm& symbol : plan.symbol_boxes) {
      EXPECT_FALSE(overlaps(plan.labels[i].box, symbol)) << plan.labels[i].text;
    }
  }
  std::set<std::string> texts;
  for (const auto& l : plan.labels) texts.insert(l.text);
  EXPECT_TRUE(texts.contains("Hoekwijk"));
  EXPECT_TRUE(texts.contains("Hoofdstraat"));
  EXPECT_TRUE(texts.contains("P1"));
  EXPECT_FALSE(texts.contains(""));  // the railway has no name and gets no label
}

TEST(MapPlan, TheCShapesNameSitsInsideIt) {
  const MapSpec spec = test::small_map_spec();
  const MapPlan plan = plan_map(spec);
  const auto& hoek = std::get<AreaLayer>(spec.layers[2]).shapes[0];
  for (const auto& l : plan.labels) {
    if (l.text == "Hoekwijk") {
      EXPECT_TRUE(boost::geometry::covered_by(plan.frame.to_world(l.centre), hoek));
    }
  }
}

std::vector<std::string> legend_texts(const MapPlan& plan) {
  std::vector<std::string> out;
  for (const auto& e : plan.legend_entries) out.push_back(e.text);
  return out;
}

TEST(MapPlan, LegendListsExactlyTheClassesAndCategoriesPresent) {
  MapSpec spec = test::small_map_spec();
  const MapPlan whole = plan_map(spec);
  // 11 values in 4 quantile classes plus one no-data buurt; categories in alphabetical order.
  const std::vector<std::string> expected{"Initiatieven",    "groen (2)", "ontmoeten (1)",
                                          "spelen (2)",      "zorg (1)",  "Programmawijk",
                                          "Inwoners per km²"};
  const auto texts = legend_texts(whole);
  ASSERT_GE(texts.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(texts[i], expected[i]);
  std::size_t class_entries = 0;
  std::size_t counted = 0;
  for (std::size_t i = expected.size(); i < texts.size(); ++i) {
    if (texts[i] == "Geen gegevens (1)") continue;
    ++class_entries;
    counted += std::stoul(texts[i].substr(texts[i].rfind('(') + 1));
  }
  EXPECT_EQ(class_entries, whole.classes[1]->class_count());
  EXPECT_EQ(counted, 11u);
  EXPECT_EQ(texts.back(), "Geen gegevens (1)");
  EXPECT_EQ(whole.legend.items.size(), texts.size());  // all fit

  // Zoomed in on the first buurt: only its class, no no-data entry, no absent categories.
  spec.extent.centre = geo::Point(test::origin_x + 200, test::origin_y + 200);
  spec.extent.scale = 1000;
  const auto zoomed = legend_texts(plan_map(spec));
  EXPECT_EQ(std::count(zoomed.begin(), zoomed.end(), "Geen gegevens (1)"), 0);
  EXPECT_EQ(std::count(zoomed.begin(), zoomed.end(), "zorg (1)"), 0);
  EXPECT_EQ(std::count(zoomed.begin(), zoomed.end(), "Initiatieven"), 0);
  const auto classes = std::count_if(zoomed.begin(), zoomed.end(),
                                     [](const std::string& t) { return std::isdigit(t[0]); });
  EXPECT_EQ(classes, 1) << testing::PrintToString(zoomed);
  EXPECT_EQ(zoomed.back().rfind("1.000 – ", 0), 0u) << zoomed.back();
}

TEST(MapPlan, AttributionNamesTheSourcesDrawn) {
  MapSpec spec = test::small_map_spec();
  EXPECT_EQ(plan_map(spec).attribution, "Bron: CBS, Kadaster · © OpenStreetMap-bijdragers");
  spec.language = Language::en;
  EXPECT_EQ(plan_map(spec).attribution, "Source: CBS, Kadaster · © OpenStreetMap contributors");
}

TEST(MapPlan, AnOlderBaseMapIsCreditedWithItsYear) {
  MapSpec spec = test::small_map_spec();
  for (MapLayer& layer : spec.layers) {
    if (auto* base = std::get_if<BaseMapLayer>(&layer)) base->map.edition = "2021";
  }
  EXPECT_EQ(plan_map(spec).attribution, "Bron: CBS, Kadaster · © OpenStreetMap-bijdragers (2021)");
  spec.language = Language::en;
  EXPECT_EQ(plan_map(spec).attribution,
            "Source: CBS, Kadaster · © OpenStreetMap contributors (2021)");
}

TEST(MapPlan, SimplifiedBoundariesAreSaidInTheCredits) {
  MapSpec spec = test::small_map_spec();
  for (MapLayer& layer : spec.layers) {
    if (auto* areas = std::get_if<AreaLayer>(&layer)) areas->simplified_boundaries = true;
  }
  EXPECT_EQ(plan_map(spec).attribution,
            "Bron: CBS, Kadaster · © OpenStreetMap-bijdragers · CBS-grenzen vereenvoudigd; "
            "afwijking tot ~300 m");
  spec.language = Language::en;
  EXPECT_EQ(plan_map(spec).attribution,
            "Source: CBS, Kadaster · © OpenStreetMap contributors · CBS boundaries simplified; off "
            "by up to ~300 m");
}

TEST(MapPlan, DutchAndEnglishNumbers) {
  EXPECT_EQ(format_number(1234567.891, 2, Language::nl), "1.234.567,89");
  EXPECT_EQ(format_number(1234567.891, 0, Language::en), "1,234,568");
  EXPECT_EQ(format_number(-12.5, 1, Language::nl), "-12,5");
  EXPECT_EQ(format_number(999, 0, Language::nl), "999");
}

TEST(MapPlan, AnAreaTooLargeForAPrintableScaleIsRefused) {
  MapSpec spec = test::small_map_spec();
  spec.extent.fit = geo::Box({test::origin_x, test::origin_y},
                             {test::origin_x + 60'000, test::origin_y + 60'000});
  EXPECT_THROW(plan_map(spec), render_error);
}

TEST(PageLayout, TheInsetTakesLegendRoomAndLeavesTheMapAlone) {
  for (const auto orientation : {Orientation::portrait, Orientation::landscape}) {
    const Page page{Paper::a4, orientation};
    const PageLayout plain = map_page_layout(page);
    const PageLayout with = map_page_layout(page, true);
    EXPECT_DOUBLE_EQ(plain.map.width, with.map.width);
    EXPECT_DOUBLE_EQ(plain.map.height, with.map.height);
    EXPECT_GT(with.inset.width, 30);
    EXPECT_GT(with.inset.height, 30);
    for (const RectMm& other : {with.map, with.legend, with.furniture, with.header}) {
      EXPECT_FALSE(overlaps(with.inset, other));
    }
    const RectMm content = page.content_mm();
    EXPECT_LE(with.inset.x + with.inset.width, content.x + content.width + 1e-9);
    EXPECT_LE(with.inset.y + with.inset.height, content.y + content.height + 1e-9);
  }
}

TEST(PageLayout, InsetShowsItsAreasAndTheMainMapInside) {
  MapSpec spec = test::small_map_spec();
  spec.inset = LocatorInset{{test::square(test::origin_x - 3000, test::origin_y - 3000, 8000)},
                            {test::square(test::origin_x, test::origin_y, 1600)},
                            {true}};
  const MapPlan plan = plan_map(spec);
  ASSERT_TRUE(plan.inset_frame.has_value());
  const geo::Box shown = plan.inset_frame->world_extent();
  EXPECT_LE(shown.min_corner().x(), test::origin_x - 3000);
  EXPECT_GE(shown.max_corner().x(), test::origin_x + 5000);
}

TEST(ReferenceGrid, CellsNearTheAskedSizeLetteredAndNumbered) {
  const ReferenceGrid grid = reference_grid({10, 20, 190, 160}, 40);
  EXPECT_EQ(grid.column_edges_mm.size(), 4u);  // 5 columns of 38 mm
  EXPECT_EQ(grid.row_edges_mm.size(), 3u);     // 4 rows of 40 mm
  EXPECT_NEAR(grid.column_edges_mm.front(), 48, 1e-9);
  ASSERT_EQ(grid.labels.size(), 9u);
  EXPECT_EQ(grid.labels[0].text, "A");
  EXPECT_EQ(grid.labels[4].text, "E");
  EXPECT_EQ(grid.labels[5].text, "1");
  EXPECT_EQ(grid.labels[8].text, "4");
}

TEST(ReferenceGrid, MapLabelsKeepClearOfTheGridLetters) {
  MapSpec spec = test::small_map_spec();
  spec.reference_grid = true;
  const MapPlan plan = plan_map(spec);
  ASSERT_TRUE(plan.grid.has_value());
  for (const auto& label : plan.labels) {
    for (const auto& g : plan.grid->labels)
      EXPECT_FALSE(overlaps(label.box, g.box)) << label.text << " / " << g.text;
  }
}

}  // namespace
}  // namespace wijkatlas::render
