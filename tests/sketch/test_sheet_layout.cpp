// Drawing-sheet layout without drawing: the marker ring and the margin panel stay on the page
// and clear of each other on every paper, and the fiducial patterns are OpenCV's.
#include <gtest/gtest.h>

#include <set>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/sketch/fiducial.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch {
namespace {

using render::Orientation;
using render::Paper;

bool overlap(const render::RectMm& a, const render::RectMm& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool inside(const render::RectMm& r, double w, double h, double margin) {
  return r.x >= margin && r.y >= margin && r.x + r.width <= w - margin &&
         r.y + r.height <= h - margin;
}

class SheetLayout : public testing::TestWithParam<std::pair<Paper, Orientation>> {};

TEST_P(SheetLayout, RingAndPanelFitAndStayApart) {
  render::Page page;
  page.paper = GetParam().first;
  page.orientation = GetParam().second;
  const render::SheetLayout l = render::drawing_sheet_layout(page);
  const auto size = page.size_mm();
  const render::RectMm ring{l.frame.x - l.ring_mm, l.frame.y - l.ring_mm,
                            l.frame.width + 2 * l.ring_mm, l.frame.height + 2 * l.ring_mm};
  EXPECT_TRUE(inside(ring, size.width, size.height, 5))
      << "the fiducials' quiet zones stay off the unprintable edge";
  for (const render::RectMm& block : {l.header, l.key, l.session, l.furniture, l.qr}) {
    EXPECT_FALSE(overlap(block, ring)) << "the margin panel lies outside the marker ring";
    EXPECT_TRUE(inside(block, size.width, size.height, 5));
  }
  EXPECT_FALSE(overlap(l.qr, l.key));
  EXPECT_FALSE(overlap(l.qr, l.furniture));
  EXPECT_FALSE(overlap(l.session, l.key));

  SheetInfo s;
  s.frame = {l.frame.x, l.frame.y, l.frame.width, l.frame.height};
  s.marker_mm = l.marker_mm;
  s.marker_gap_mm = l.marker_gap_mm;
  EXPECT_DOUBLE_EQ(marker_ring_mm(s), l.ring_mm)
      << "the renderer and the sheet format agree on the ring";
  for (const MarkerPlacement& m : marker_placements(s)) {
    EXPECT_TRUE(inside({m.square.x, m.square.y, m.square.width, m.square.height}, size.width,
                       size.height, 5));
  }
}

INSTANTIATE_TEST_SUITE_P(Papers, SheetLayout,
                         testing::Values(std::pair{Paper::a3, Orientation::landscape},
                                         std::pair{Paper::a3, Orientation::portrait},
                                         std::pair{Paper::a1, Orientation::landscape},
                                         std::pair{Paper::a1, Orientation::portrait},
                                         std::pair{Paper::a0, Orientation::landscape},
                                         std::pair{Paper::a4, Orientation::landscape}));

TEST(SheetLayoutScale, LargerPaperHasLargerMarkersAndText) {
  render::Page a3, a0;
  a3.paper = Paper::a3;
  a0.paper = Paper::a0;
  const auto small = render::drawing_sheet_layout(a3), large = render::drawing_sheet_layout(a0);
  EXPECT_DOUBLE_EQ(small.text_scale, 1);
  EXPECT_GT(large.marker_mm, small.marker_mm * 2);
  EXPECT_GT(large.frame.width, small.frame.width * 2.5);
}

TEST(SheetKey, FourColoursWithSymbolsAndWords) {
  const auto key = render::sheet_key(render::Language::nl);
  ASSERT_EQ(key.size(), 4u);
  std::set<render::KeySymbol> symbols;
  for (const auto& e : key) {
    symbols.insert(e.symbol);
    EXPECT_FALSE(e.meaning.empty());
  }
  EXPECT_EQ(symbols.size(), 4u) << "colour-blind readers tell the entries apart by symbol";
  EXPECT_EQ(key[0].meaning, "probleem");
  EXPECT_EQ(key[1].meaning, "fijne plek");
  EXPECT_EQ(key[2].meaning, "idee / wens");
}

TEST(Fiducial, PatternsHaveABorderAndDiffer) {
  std::set<std::vector<bool>> seen;
  for (int id = 0; id < marker_count; ++id) {
    const FiducialBits bits = fiducial_bits(id);
    std::vector<bool> flat;
    for (int i = 0; i < fiducial_cells; ++i) {
      EXPECT_TRUE(bits[0][static_cast<std::size_t>(i)] && bits[5][static_cast<std::size_t>(i)]);
      EXPECT_TRUE(bits[static_cast<std::size_t>(i)][0] && bits[static_cast<std::size_t>(i)][5]);
      for (int j = 0; j < fiducial_cells; ++j)
        flat.push_back(bits[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    }
    seen.insert(flat);
  }
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_THROW(fiducial_bits(50), usage_error);
}

}  // namespace
}  // namespace wijkatlas::sketch
