#include "output/png_rows.hpp"

#include <cmath>
#include <csetjmp>
#include <cstring>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render::output {

void cairo_row_to_rgb(const unsigned char* cairo_row, int width, std::uint8_t* rgb) {
  for (int x = 0; x < width; ++x) {
    std::uint32_t pixel = 0;
    std::memcpy(&pixel, cairo_row + 4 * x, sizeof pixel);
    rgb[3 * x] = static_cast<std::uint8_t>(pixel >> 16);
    rgb[3 * x + 1] = static_cast<std::uint8_t>(pixel >> 8);
    rgb[3 * x + 2] = static_cast<std::uint8_t>(pixel);
  }
}

namespace {

// Maps are flat colours: a light zlib level compresses them nearly as well, much faster.
constexpr int compression_level = 3;
// No per-row filter. libpng's default tries all five filters on every row and keeps the best by
// a heuristic: on an A0 map at 300 dpi that took 2/3 of the PNG's encoding time, and on flat
// colours the unfiltered rows deflate even smaller (runs of equal pixels stay runs).
constexpr int row_filter = PNG_FILTER_NONE;

void on_png_error(png_structp png, png_const_charp message) {
  *static_cast<std::string*>(png_get_error_ptr(png)) = message;
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

// The sink does its own buffering, if any.
void flush_nothing(png_structp) {}

}  // namespace

// Runs one libpng call. Nothing with a destructor lives between setjmp and a possible longjmp:
// `call` must only pass plain pointers to libpng.
template <class Call>
void PngRowWriter::guarded(Call call) {
  if (setjmp(png_jmpbuf(png_)) != 0) {
    sink_.rethrow_if_failed();
    throw render_error(name_ + ": cannot write PNG: " + error_);
  }
  call();
}

// Called by libpng with its frames on the stack: the sink's exception is kept by sink_, and
// png_error jumps back to guarded() once nothing here needs destroying.
void PngRowWriter::write_to_sink(png_structp png, png_bytep data, std::size_t length) {
  auto* self = static_cast<PngRowWriter*>(png_get_io_ptr(png));
  if (!self->sink_.write(data, length)) png_error(png, "the output stream failed");
}

PngRowWriter::PngRowWriter(const ByteSink& sink, std::string_view name, int width, int height,
                           double dpi)
    : sink_(sink), name_(name) {
  png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error_, on_png_error, on_png_warning);
  if (png_ != nullptr) info_ = png_create_info_struct(png_);
  if (png_ == nullptr || info_ == nullptr) {
    png_destroy_write_struct(&png_, &info_);
    throw render_error("libpng: out of memory");
  }
  const auto pixels_per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
  png_structp png = png_;
  png_infop info = info_;
  guarded([=, this] {
    png_set_write_fn(png, this, write_to_sink, flush_nothing);
    png_set_compression_level(png, compression_level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, row_filter);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
  });
}

PngRowWriter::~PngRowWriter() {
  png_destroy_write_struct(&png_, &info_);
}

void PngRowWriter::write_row(const std::uint8_t* rgb) {
  png_structp png = png_;
  guarded([=] { png_write_row(png, rgb); });
}

void PngRowWriter::finish() {
  png_structp png = png_;
  png_infop info = info_;
  guarded([=] { png_write_end(png, info); });
}

}  // namespace wijkatlas::render::output
