// PNG output in horizontal bands: Cairo image surfaces stop at 32,767 px a side and an A0 sheet
// at 300 dpi would need 560 MB in one piece, so the page is painted band by band and each
// band's rows go straight to libpng. Two band surfaces take turns: while one band is encoded
// on a second thread (deflate is most of the time of a big PNG), the next one is painted.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <future>
#include <string>
#include <vector>

#include "detail/cairo_handles.hpp"
#include "output/png_rows.hpp"
#include "output/writers.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::output {
namespace {

constexpr int cairo_max_side = 32'767;
constexpr std::size_t default_band_bytes = 32u << 20;  // per surface; two take turns

int band_rows_for(const RasterOptions& raster, const PixelSize& size) {
  if (raster.band_rows < 0) throw render_error("raster band height cannot be negative");
  const std::size_t row_bytes = static_cast<std::size_t>(size.width) * 4;
  const int rows = raster.band_rows > 0
                       ? raster.band_rows
                       : static_cast<int>(std::max<std::size_t>(1, default_band_bytes / row_bytes));
  return std::min({rows, size.height, cairo_max_side});
}

// Paints the page into `band`, whose first row is page row `top`; the page keeps its
// point-based user space, shifted by whole pixels so that every band rasterises exactly like
// the same rows of a one-piece image.
void paint_band(cairo_surface_t* band, int top, double dpi, const PagePainter& paint) {
  const detail::CairoPtr cr = detail::take_context(cairo_create(band), "PNG band");
  cairo_set_source_rgb(cr.get(), 1, 1, 1);  // paper
  cairo_paint(cr.get());
  cairo_translate(cr.get(), 0, -top);
  const double pixels_per_point = dpi / points_per_inch;
  cairo_scale(cr.get(), pixels_per_point, pixels_per_point);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  paint(cr.get());
  detail::check_cairo(cairo_status(cr.get()), "drawing PNG rows from " + std::to_string(top));
}

}  // namespace

void write_png(const ByteSink& sink, std::string_view name, const Page& page,
               const PagePainter& paint, const RasterOptions& raster) {
  const PixelSize size = page.raster_size();
  if (size.width > cairo_max_side) {
    throw render_error(std::string(name) + ": " + std::to_string(size.width) + " px wide at " +
                       std::to_string(static_cast<int>(page.dpi)) +
                       " dpi exceeds Cairo's limit of " + std::to_string(cairo_max_side) +
                       " px; lower the resolution");
  }
  const int band_rows = band_rows_for(raster, size);
  PngRowWriter writer(sink, name, size.width, size.height, page.dpi);
  const auto new_band = [&] {
    return detail::take_surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, band_rows), "PNG band surface");
  };
  std::array<detail::CairoSurfacePtr, 2> bands{new_band(), nullptr};
  if (band_rows < size.height) bands[1] = new_band();
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(size.width) * 3);
  // Encodes one painted band; while it runs, only this thread touches the writer (and so the
  // sink) and `rgb`. Declared last: destroyed (waited for) first if painting throws.
  std::future<void> encoding;
  std::size_t turn = 0;
  for (int top = 0; top < size.height; top += band_rows, turn ^= 1) {
    cairo_surface_t* band = bands[turn].get();
    paint_band(band, top, page.dpi, paint);  // the other band may still be encoding
    cairo_surface_flush(band);
    if (encoding.valid()) encoding.get();  // in order; rethrows a write error
    const int rows = std::min(band_rows, size.height - top);
    encoding = std::async(std::launch::async, [&writer, &rgb, band, rows, width = size.width] {
      const unsigned char* data = cairo_image_surface_get_data(band);
      const int stride = cairo_image_surface_get_stride(band);
      for (int y = 0; y < rows; ++y) {
        cairo_row_to_rgb(data + static_cast<std::ptrdiff_t>(y) * stride, width, rgb.data());
        writer.write_row(rgb.data());
      }
    });
  }
  if (encoding.valid()) encoding.get();
  writer.finish();
}

}  // namespace wijkatlas::render::output
