#include <gtest/gtest.h>

#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/page.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {

struct PaperCase {
  Paper paper;
  double width_mm;
  double height_mm;
};

class PaperSizes : public ::testing::TestWithParam<PaperCase> {};

TEST_P(PaperSizes, PortraitIsIsoAndLandscapeSwapsTheSides) {
  const auto& c = GetParam();
  const SizeMm portrait = Page{c.paper, Orientation::portrait}.size_mm();
  EXPECT_DOUBLE_EQ(portrait.width, c.width_mm);
  EXPECT_DOUBLE_EQ(portrait.height, c.height_mm);
  const SizeMm landscape = Page{c.paper, Orientation::landscape}.size_mm();
  EXPECT_DOUBLE_EQ(landscape.width, c.height_mm);
  EXPECT_DOUBLE_EQ(landscape.height, c.width_mm);
}

INSTANTIATE_TEST_SUITE_P(Iso216, PaperSizes,
                         ::testing::Values(PaperCase{Paper::a4, 210, 297},
                                           PaperCase{Paper::a3, 297, 420},
                                           PaperCase{Paper::a2, 420, 594},
                                           PaperCase{Paper::a1, 594, 841},
                                           PaperCase{Paper::a0, 841, 1189}));

TEST(Page, A0At300DpiIsTheRasterTheIssueNames) {
  const Page page{Paper::a0, Orientation::portrait};
  EXPECT_EQ(page.dpi, 300);
  const PixelSize px = page.raster_size();
  EXPECT_EQ(px.width, 9933);
  EXPECT_EQ(px.height, 14043);
}

TEST(Page, ContentIsInsideTheMargins) {
  Page page{Paper::a4, Orientation::landscape};
  page.margins = {5, 10, 15, 20};
  const RectMm content = page.content_mm();
  EXPECT_DOUBLE_EQ(content.x, 20);
  EXPECT_DOUBLE_EQ(content.y, 5);
  EXPECT_DOUBLE_EQ(content.width, 297 - 30);
  EXPECT_DOUBLE_EQ(content.height, 210 - 20);
}

TEST(Page, ImpossiblePagesAreRejected) {
  Page page;
  page.margins = {10, 110, 10, 100};
  EXPECT_THROW(page.content_mm(), render_error);
  page = Page{};
  page.margins.top = -1;
  EXPECT_THROW(page.validate(), render_error);
  page = Page{};
  page.dpi = 0;
  EXPECT_THROW(page.raster_size(), render_error);
}

TEST(Page, PaperAndOrientationNamesParse) {
  EXPECT_EQ(parse_paper("a3"), Paper::a3);
  EXPECT_EQ(parse_paper("A0"), Paper::a0);
  EXPECT_EQ(to_string(Paper::a1), "A1");
  EXPECT_THROW(parse_paper("Letter"), render_error);
  EXPECT_EQ(parse_orientation("Landscape"), Orientation::landscape);
  EXPECT_THROW(parse_orientation("sideways"), render_error);
}

TEST(Units, MillimetresPointsAndPixels) {
  EXPECT_DOUBLE_EQ(mm_to_pt(25.4), 72.0);
  EXPECT_NEAR(mm_to_pt(210), 595.2756, 1e-4);
  EXPECT_DOUBLE_EQ(pt_to_mm(mm_to_pt(123.4)), 123.4);
  EXPECT_DOUBLE_EQ(mm_to_px(25.4, 300), 300.0);
}

}  // namespace
}  // namespace wijkatlas::render
