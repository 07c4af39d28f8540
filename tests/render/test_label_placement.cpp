#include <gtest/gtest.h>

#include <numbers>
#include <random>

#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/line_labels.hpp"

namespace wijkatlas::render {
namespace {

const RectMm frame{0, 0, 200, 150};

LabelCandidate at(std::size_t id, double priority, RectMm box) {
  return {id, priority, {box}};
}

// `count` random point symbols (2 mm) with labels of varying width, seeded.
struct RandomPoints {
  std::vector<LabelCandidate> labels;
  std::vector<RectMm> symbols;
};
RandomPoints random_points(std::size_t count) {
  std::mt19937 random(20240315);
  std::uniform_real_distribution<double> x(0, 200), y(0, 150), width(8, 30), priority(0, 10);
  RandomPoints points;
  for (std::size_t id = 0; id < count; ++id) {
    const PaperPoint anchor{x(random), y(random)};
    // The label gap (1.6 mm) clears the symbol (1 mm radius) plus the padding (0.5 mm).
    points.symbols.push_back({anchor.x_mm - 1, anchor.y_mm - 1, 2, 2});
    points.labels.push_back(
        {id, priority(random), positions_around_point(anchor, width(random), 3, 1.6)});
  }
  return points;
}

TEST(LabelPlacement, NoTwoPlacedBoxesIntersectInACrowdedMap) {
  // 600 labels on a small frame: many must be dropped.
  const RandomPoints points = random_points(600);
  const PlacementOptions options{frame, 0.5};
  const auto placed = place_labels(points.labels, {}, options);
  ASSERT_GT(placed.size(), 50u);
  ASSERT_LT(placed.size(), 600u);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const RectMm& a = placed[i].box;
    EXPECT_GE(a.x, frame.x);
    EXPECT_LE(a.x + a.width, frame.x + frame.width);
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      // At least the padding apart: grown by half of it on each side they still do not meet.
      const RectMm& b = placed[j].box;
      const RectMm a_half{a.x - 0.25, a.y - 0.25, a.width + 0.5, a.height + 0.5};
      const RectMm b_half{b.x - 0.25, b.y - 0.25, b.width + 0.5, b.height + 0.5};
      ASSERT_FALSE(overlaps(a_half, b_half))
          << "labels " << placed[i].id << " and " << placed[j].id;
    }
  }
}

TEST(LabelPlacement, LabelsAvoidPointSymbols) {
  const RandomPoints points = random_points(80);
  const auto placed = place_labels(points.labels, points.symbols, {frame, 0.5});
  ASSERT_GT(placed.size(), 20u);
  for (const auto& label : placed) {
    for (const auto& symbol : points.symbols) ASSERT_FALSE(overlaps(label.box, symbol));
  }
  // Without the symbols as obstacles, some labels would have covered one.
  std::size_t covering = 0;
  for (const auto& label : place_labels(points.labels, {}, {frame, 0.5})) {
    for (const auto& symbol : points.symbols) covering += overlaps(label.box, symbol) ? 1 : 0;
  }
  EXPECT_GT(covering, 0u);
}

TEST(LabelPlacement, HigherPriorityWinsAndTheLoserIsDroppedNotStacked) {
  const std::vector<LabelCandidate> candidates{at(1, 1, {10, 10, 40, 5}),
                                               at(2, 5, {20, 12, 40, 5})};
  const auto placed = place_labels(candidates, {}, {frame, 0});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].id, 2u);
}

TEST(LabelPlacement, EqualPrioritiesKeepTheInputOrder) {
  const std::vector<LabelCandidate> candidates{at(7, 1, {10, 10, 40, 5}),
                                               at(8, 1, {20, 12, 40, 5})};
  const auto placed = place_labels(candidates, {}, {frame, 0});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].id, 7u);
}

TEST(LabelPlacement, FallsBackToTheNextFreePosition) {
  const std::vector<RectMm> obstacles{{60, 40, 20, 20}};
  const auto positions = positions_around_point({50, 50}, 20, 4, 1);
  // Right of the point is blocked by the obstacle; left is free.
  const auto placed =
      place_labels(std::vector{LabelCandidate{3, 1, positions}}, obstacles, {frame, 0});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].position, 1u);
  EXPECT_DOUBLE_EQ(placed[0].box.x, 50 - 1 - 20);
}

TEST(LabelPlacement, LabelsOutsideTheFrameAreDropped) {
  const auto placed = place_labels(std::vector{at(1, 1, {190, 10, 20, 5}), at(2, 1, {5, 5, 20, 5})},
                                   {}, {frame, 0});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].id, 2u);
}

TEST(LabelPlacement, PaddingKeepsNearlyTouchingLabelsApart) {
  const std::vector<LabelCandidate> candidates{at(1, 2, {10, 10, 20, 5}),
                                               at(2, 1, {30.3, 10, 20, 5})};
  EXPECT_EQ(place_labels(candidates, {}, {frame, 0}).size(), 2u);
  EXPECT_EQ(place_labels(candidates, {}, {frame, 0.5}).size(), 1u);
}

TEST(LabelPlacement, OverlapNeedsSharedArea) {
  EXPECT_TRUE(overlaps({0, 0, 10, 10}, {9, 9, 10, 10}));
  EXPECT_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 10, 10}));  // touching edge
  EXPECT_FALSE(overlaps({0, 0, 10, 10}, {0, 11, 10, 10}));
}

TEST(LabelPlacement, TurnedTextCollidesOnItsFootprintNotItsBoundingBox) {
  // Two parallel street names at 45 degrees, 6 mm apart across their direction: their bounding
  // boxes overlap widely, the text does not.
  const double angle = std::numbers::pi / 4;
  const auto turned_at = [&](std::size_t id, PaperPoint centre) {
    const TurnedBox t{centre, 30, 3, angle};
    return LabelCandidate{id, 1, {rotated_bounds(centre, 30, 3, angle)}, {t}};
  };
  const double off = 6 / std::numbers::sqrt2;
  const std::vector<LabelCandidate> apart{turned_at(1, {60, 50}),
                                          turned_at(2, {60 + off, 50 - off})};
  ASSERT_TRUE(overlaps(apart[0].positions[0], apart[1].positions[0]));
  EXPECT_EQ(place_labels(apart, {}, {frame, 0.5}).size(), 2u);
  // Crossing names do collide, and so does a name over an upright label's box.
  const std::vector<LabelCandidate> crossing{turned_at(1, {60, 50}), turned_at(2, {61, 51})};
  EXPECT_EQ(place_labels(crossing, {}, {frame, 0.5}).size(), 1u);
  const std::vector<RectMm> symbol{{58, 48, 4, 4}};
  EXPECT_TRUE(place_labels(std::vector{turned_at(1, {60, 50})}, symbol, {frame, 0}).empty());
  // Beside the text's corner but inside its bounding box, a symbol leaves it free.
  const std::vector<RectMm> in_the_corner{{66, 37, 3, 3}};
  ASSERT_TRUE(overlaps(apart[0].positions[0], in_the_corner[0]));
  EXPECT_EQ(place_labels(std::vector{turned_at(1, {60, 50})}, in_the_corner, {frame, 0}).size(),
            1u);
}

TEST(LabelPlacement, TurnedBoxesOverlapNeedsSharedArea) {
  const TurnedBox a{{0, 0}, 10, 2, 0.3};
  EXPECT_TRUE(turned_boxes_overlap(a, TurnedBox{{1, 0}, 10, 2, -0.3}));
  EXPECT_FALSE(turned_boxes_overlap(a, TurnedBox{{0, 5}, 10, 2, 0.3}));
  EXPECT_FALSE(
      turned_boxes_overlap(TurnedBox{{0, 0}, 10, 2, 0}, TurnedBox{{10, 0}, 10, 2, 0}));  // touching
}

TEST(LabelPlacement, PositionsAroundAPointPreferTheRight) {
  const auto positions = positions_around_point({100, 50}, 30, 4, 2);
  ASSERT_EQ(positions.size(), 8u);
  EXPECT_DOUBLE_EQ(positions[0].x, 102);
  EXPECT_DOUBLE_EQ(positions[0].y, 48);
  EXPECT_DOUBLE_EQ(positions[2].y + positions[2].height, 48);  // above, clear of the gap
  for (const auto& p : positions) EXPECT_FALSE(overlaps(p, {99, 49, 2, 2}));
}

}  // namespace
}  // namespace wijkatlas::render
