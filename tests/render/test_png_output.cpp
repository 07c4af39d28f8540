// Banded PNG output: same pixels as a one-piece render, right pixels in the right place, and
// A0 at 300 dpi in bounded memory.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cmath>
#include <cstring>
#include <stdexcept>

#include "detail/cairo_handles.hpp"
#include "png_reader.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {
using test::read_png;
using test::RgbImage;

// A red 10 mm square at (50, 60) mm, plus antialiased shapes and text that cross many bands.
void paint_test_page(cairo_t* cr) {
  cairo_set_source_rgb(cr, 1, 0, 0);
  cairo_rectangle(cr, mm_to_pt(50), mm_to_pt(60), mm_to_pt(10), mm_to_pt(10));
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.1, 0.3, 0.7);
  cairo_set_line_width(cr, 1.7);
  cairo_move_to(cr, mm_to_pt(5), mm_to_pt(5));
  cairo_line_to(cr, mm_to_pt(200), mm_to_pt(280));
  cairo_stroke(cr);
  cairo_arc(cr, mm_to_pt(120), mm_to_pt(150), mm_to_pt(33.3), 0, 2 * M_PI);
  cairo_set_source_rgba(cr, 0.2, 0.7, 0.3, 0.6);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_text(cr, "Sint Marten – Klarendal", TextStyle{.size_pt = 31}, mm_to_pt(20), mm_to_pt(100.1));
}

// The reference: the whole page in one Cairo image surface, with the same page transform.
RgbImage one_piece_render(const Page& page, const PagePainter& paint) {
  const PixelSize size = page.raster_size();
  const auto surface = detail::take_surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, size.height), "reference");
  {
    const auto cr = detail::take_context(cairo_create(surface.get()), "reference");
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), page.dpi / 72, page.dpi / 72);
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    paint(cr.get());
  }
  cairo_surface_flush(surface.get());
  RgbImage image{size.width, size.height, {}};
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < size.height; ++y) {
    for (int x = 0; x < size.width; ++x) {
      std::uint32_t pixel = 0;
      std::memcpy(&pixel, data + y * stride + 4 * x, 4);
      image.rgb.push_back(static_cast<std::uint8_t>(pixel >> 16));
      image.rgb.push_back(static_cast<std::uint8_t>(pixel >> 8));
      image.rgb.push_back(static_cast<std::uint8_t>(pixel));
    }
  }
  return image;
}

std::size_t differing_pixels(const RgbImage& a, const RgbImage& b) {
  std::size_t count = 0;
  for (std::size_t i = 0; i + 2 < a.rgb.size(); i += 3) {
    if (std::memcmp(&a.rgb[i], &b.rgb[i], 3) != 0) ++count;
  }
  return count;
}

TEST(PngOutput, SmallBandsGiveExactlyTheOnePieceImage) {
  Page page{Paper::a4, Orientation::portrait};
  page.dpi = 100;
  const wijkatlas::test::TempDir dir;
  write_page(dir / "banded.png", page, {}, paint_test_page, RasterOptions{.band_rows = 7});
  const RgbImage banded = read_png(dir / "banded.png");
  const RgbImage reference = one_piece_render(page, paint_test_page);
  ASSERT_EQ(banded.width, reference.width);
  ASSERT_EQ(banded.height, reference.height);
  EXPECT_EQ(differing_pixels(banded, reference), 0u);
  // The shapes are really there: otherwise two blank pages would also be equal.
  EXPECT_GT(differing_pixels(banded, RgbImage{banded.width, banded.height,
                                              std::vector<std::uint8_t>(banded.rgb.size(), 255)}),
            10'000u);
}

TEST(PngOutput, PixelsLandWhereTheMillimetresSay) {
  Page page{Paper::a4, Orientation::portrait};
  page.dpi = 100;
  const wijkatlas::test::TempDir dir;
  write_page(dir / "page.png", page, {}, paint_test_page);
  const RgbImage image = read_png(dir / "page.png");
  EXPECT_EQ(image.width, 827);  // 210 mm at 100 dpi
  EXPECT_EQ(image.height, 1169);
  const auto px = [&](double mm) { return static_cast<int>(std::floor(mm_to_px(mm, page.dpi))); };
  const RgbImage::Rgb red{255, 0, 0};
  const RgbImage::Rgb white{255, 255, 255};
  // Just inside and just outside each edge of the square from 50..60 mm x 60..70 mm.
  EXPECT_EQ(image.at(px(50.3), px(60.3)), red);
  EXPECT_EQ(image.at(px(59.7), px(69.7)), red);
  EXPECT_EQ(image.at(px(49.6), px(65)), white);
  EXPECT_EQ(image.at(px(60.4), px(65)), white);
  EXPECT_EQ(image.at(px(55), px(59.6)), white);
  EXPECT_EQ(image.at(px(55), px(70.4)), white);
}

TEST(PngOutput, A0At300DpiStaysInBoundedMemory) {
  const Page page{Paper::a0, Orientation::portrait};
  const wijkatlas::test::TempDir dir;
  write_page(dir / "a0.png", page, {}, paint_test_page);
  EXPECT_EQ(test::png_dimensions(dir / "a0.png"), std::make_pair(9933, 14043));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  // One piece would be 9,933 x 14,043 x 4 bytes = 558 MB; the budget is 300 MB.
  EXPECT_LT(usage.ru_maxrss, 300L * 1024) << "peak resident set in KiB";
}

TEST(PngOutput, TooWideForCairoIsARenderError) {
  Page page{Paper::a0, Orientation::landscape};
  page.dpi = 1000;  // 1,189 mm -> 46,811 px
  const wijkatlas::test::TempDir dir;
  EXPECT_THROW(write_page(dir / "huge.png", page, {}, paint_test_page), render_error);
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 0u);
}

TEST(PngOutput, AFailedRenderLeavesNoFileBehind) {
  Page page;
  page.dpi = 50;
  const wijkatlas::test::TempDir dir;
  int bands = 0;
  EXPECT_THROW(write_page(
                   dir / "broken.png", page, {},
                   [&](cairo_t* cr) {
                     paint_test_page(cr);
                     if (++bands == 3) throw std::runtime_error("painter failed");
                   },
                   RasterOptions{.band_rows = 50}),
               std::runtime_error);
  EXPECT_EQ(bands, 3);
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 0u);
  EXPECT_THROW(write_page(dir / "no" / "such.png", page, {}, paint_test_page), output_error);
}

TEST(PngOutput, PaintersSeeTheirBandAsTheClip) {
  Page page;
  page.dpi = 72;  // one pixel per point: band rows are points
  const wijkatlas::test::TempDir dir;
  std::vector<std::pair<double, double>> clips;
  write_page(
      dir / "clip.png", page, {},
      [&](cairo_t* cr) {
        double x1, y1, x2, y2;
        cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
        clips.emplace_back(y1, y2);
      },
      RasterOptions{.band_rows = 300});
  const int height = page.raster_size().height;  // 842
  ASSERT_EQ(clips.size(), 3u);
  EXPECT_DOUBLE_EQ(clips[0].first, 0);
  EXPECT_DOUBLE_EQ(clips[0].second, 300);
  EXPECT_DOUBLE_EQ(clips[2].first, 600);
  EXPECT_GE(clips[2].second, height);
}

}  // namespace
}  // namespace wijkatlas::render
