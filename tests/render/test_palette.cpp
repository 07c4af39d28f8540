#include <gtest/gtest.h>

#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::render {
namespace {

TEST(Palette, DefaultSequentialRampIsColorBrewersYlGnBu) {
  const std::vector<Rgb> expected{{0xff, 0xff, 0xcc},
                                  {0xa1, 0xda, 0xb4},
                                  {0x41, 0xb6, 0xc4},
                                  {0x2c, 0x7f, 0xb8},
                                  {0x25, 0x34, 0x94}};
  EXPECT_EQ(palette(default_sequential_palette, 5), expected);
}

TEST(Palette, EveryRampHasTheAskedNumberOfDistinctColours) {
  for (const PaletteInfo& info : available_palettes()) {
    for (std::size_t n = 1; n <= info.max_classes; ++n) {
      const auto colours = palette(info.name, n);
      ASSERT_EQ(colours.size(), n) << info.name;
      for (std::size_t i = 1; i < n; ++i)
        EXPECT_NE(colours[i], colours[i - 1]) << info.name << " " << n;
    }
  }
}

// A black-and-white copy keeps only lightness: sequential classes must stay in order, with a
// visible step between neighbours.
TEST(Palette, SequentialRampsSurviveAGreyscaleCopy) {
  for (const PaletteInfo& info : available_palettes()) {
    if (info.kind != PaletteKind::sequential) continue;
    for (std::size_t n = 2; n <= 7; ++n) {
      const auto colours = palette(info.name, n);
      for (std::size_t i = 1; i < n; ++i) {
        EXPECT_LT(relative_luminance(colours[i]), relative_luminance(colours[i - 1]) - 0.03)
            << info.name << " with " << n << " classes, class " << i;
      }
    }
  }
}

// Diverging ramps are lightest in the middle and darken towards both ends.
TEST(Palette, DivergingRampsDarkenAwayFromTheMiddle) {
  for (const PaletteInfo& info : available_palettes()) {
    if (info.kind != PaletteKind::diverging) continue;
    for (std::size_t n = 3; n <= info.max_classes; ++n) {
      const auto colours = palette(info.name, n);
      // Odd counts have a middle class; even ones two light classes either side of it.
      const std::size_t middle = n / 2;
      const bool has_middle_class = n % 2 == 1;
      for (std::size_t i = 0; i + 1 < n; ++i) {
        const double here = relative_luminance(colours[i]);
        const double next = relative_luminance(colours[i + 1]);
        if (i + 1 < middle || (has_middle_class && i + 1 == middle)) {
          EXPECT_LT(here, next) << info.name << " " << n << " class " << i;
        } else if (i >= middle) {
          EXPECT_GT(here, next) << info.name << " " << n << " class " << i;
        }
      }
    }
  }
}

TEST(Palette, UnknownNamesAndCountsAreErrors) {
  EXPECT_THROW(palette("Rainbow", 5), render_error);
  EXPECT_THROW(palette("Blues", 0), render_error);
  EXPECT_THROW(palette("Blues", 10), render_error);
  EXPECT_NO_THROW(palette("PuOr", 11));
}

TEST(Palette, LuminanceRunsFromBlackToWhite) {
  EXPECT_DOUBLE_EQ(relative_luminance({0, 0, 0}), 0.0);
  EXPECT_NEAR(relative_luminance({255, 255, 255}), 1.0, 1e-12);
  EXPECT_GT(relative_luminance({0, 255, 0}), relative_luminance({255, 0, 0}));
}

}  // namespace
}  // namespace wijkatlas::render
