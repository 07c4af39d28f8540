// Round two's labels on a drawing sheet's plan: a spot on a named street keeps its status label,
// and the street's name, the landmarks and the initiative's name all make room for it.
#include <gtest/gtest.h>

#include <algorithm>

#include "sheet/sheet_plan.hpp"
#include "sheet_spec_fixture.hpp"
#include "wijkatlas/render/label_placement.hpp"

namespace wijkatlas::render::sheet {
namespace {

const geo::Point& centre = test::sheet_centre;

geo::MultiPolygon square(double cx, double cy, double half) {
  geo::Polygon p;
  p.outer() = {{cx - half, cy - half},
               {cx - half, cy + half},
               {cx + half, cy + half},
               {cx + half, cy - half},
               {cx - half, cy - half}};
  return {p};
}

geo::BaseLine street(const std::string& name, double y) {
  geo::LineString line{{centre.x() - 150, centre.y() + y}, {centre.x() + 150, centre.y() + y}};
  return {geo::LineClass::major_street, name, geo::MultiLineString{line}};
}

// A spot astride a short named street, an initiative beside it, a landmark at the spot's heart.
DrawingSheetSpec round_two_spec() {
  DrawingSheetSpec spec = test::a3_sheet_spec({street("Hommelstraat", 0)});
  spec.landmarks.places = {
      {geo::LandmarkKind::school, "Basisschool De Hommel", {centre.x() + 2, centre.y() + 3}}};
  PreviousOverlay previous;
  previous.session = "Blokgesprek Hommelstraat";
  previous.spots = {{square(centre.x(), centre.y(), 25), PreviousHatch::rising,
                     "P01 probleem · opgepakt", "extra lantaarnpalen"}};
  previous.initiatives = {{{centre.x() + 60, centre.y() + 25}, "Buurtlicht Hommelstraat", centre}};
  spec.previous = std::move(previous);
  return spec;
}

const PlacedText* label(const SheetPlan& plan, const std::string& text) {
  const auto it = std::find_if(plan.plan.labels.begin(), plan.plan.labels.end(),
                               [&](const PlacedText& t) { return t.text == text; });
  return it == plan.plan.labels.end() ? nullptr : &*it;
}

bool inside(const RectMm& r, const RectMm& room) {
  return r.x >= room.x && r.y >= room.y && r.x + r.width <= room.x + room.width &&
         r.y + r.height <= room.y + room.height;
}

}  // namespace

TEST(SheetPrevious, StatusLabelsComeFirstAndTheMapsNamesMakeRoom) {
  const SheetPlan plan = plan_sheet(round_two_spec());
  const PreviousPlan& previous = plan.previous;
  ASSERT_EQ(previous.labels.size(), 2u) << "the spot's label and the initiative's name";
  const OverlayLabel& spot = previous.labels[0];
  ASSERT_EQ(spot.lines.size(), 2u);
  EXPECT_EQ(spot.lines[0].text, "P01 probleem · opgepakt");
  EXPECT_EQ(spot.lines[1].text, "extra lantaarnpalen");
  EXPECT_EQ(previous.labels[1].lines.at(0).text, "Buurtlicht Hommelstraat");
  ASSERT_EQ(previous.initiatives, std::vector<std::size_t>{0});

  // The street keeps its name, placed away from the status label (the name is horizontal, so
  // its box is exact).
  const PlacedText* street_name = label(plan, "Hommelstraat");
  ASSERT_NE(street_name, nullptr);
  for (const OverlayLabel& l : previous.labels) {
    EXPECT_TRUE(inside(l.box, plan.plan.frame.frame_mm())) << l.lines[0].text;
    for (const PlacedText& t : plan.plan.labels)
      EXPECT_FALSE(overlaps(l.box, t.box)) << l.lines[0].text << " over " << t.text;
    for (const LandmarkSymbol& s : plan.landmarks) {
      EXPECT_FALSE(
          overlaps(l.box, {s.at.x_mm - landmark_symbol_mm / 2, s.at.y_mm - landmark_symbol_mm / 2,
                           landmark_symbol_mm, landmark_symbol_mm}))
          << "landmark symbol under " << l.lines[0].text;
    }
  }
  EXPECT_FALSE(overlaps(previous.labels[0].box, previous.labels[1].box));
}

TEST(SheetPrevious, AFirstRoundSheetHasNoOverlay) {
  DrawingSheetSpec spec = round_two_spec();
  spec.previous.reset();
  const SheetPlan plan = plan_sheet(spec);
  EXPECT_TRUE(plan.previous.labels.empty());
  EXPECT_TRUE(plan.previous.visible.empty());
}

TEST(SheetPrevious, StatusLabelsGrowWithTheMapsNamesOnA0) {
  DrawingSheetSpec spec = round_two_spec();
  const double a3 = plan_sheet(spec).previous.line_mm;
  spec.page.paper = Paper::a0;
  spec.scale = 5000;
  const SheetPlan a0 = plan_sheet(spec);
  EXPECT_NEAR(a0.previous.line_mm / a3, a0.layout.map_text_scale, 0.05 * a0.layout.map_text_scale);
  EXPECT_GT(a0.layout.map_text_scale, 1.5);
}

}  // namespace wijkatlas::render::sheet
