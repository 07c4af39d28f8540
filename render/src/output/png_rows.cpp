#include "output/png_rows.hpp"

#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstring>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render::output {
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

// Runs one libpng call. Nothing with a destructor lives between setjmp and a possible longjmp:
// `call` must only pass plain pointers to libpng.
template <class Call>
void guarded(png_structp png, const std::string& error, const std::filesystem::path& path, Call call) {
  if (setjmp(png_jmpbuf(png)) != 0) {
    throw output_error(path.string(), "cannot write PNG: " + error);
  }
  call();
}

}  // namespace

PngRowWriter::PngRowWriter(const std::filesystem::path& path, int width, int height, double dpi)
    : path_(path), file_(std::fopen(path.c_str(), "wb")) {
  if (!file_) throw output_error(path.string(), std::string("cannot open: ") + std::strerror(errno));
  png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error_, on_png_error, on_png_warning);
  if (png_ != nullptr) info_ = png_create_info_struct(png_);
  if (png_ == nullptr || info_ == nullptr) {
    png_destroy_write_struct(&png_, &info_);
    throw render_error("libpng: out of memory");
  }
  const auto pixels_per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
  png_structp png = png_;
  png_infop info = info_;
  std::FILE* file = file_.get();
  guarded(png_, error_, path_, [=] {
    png_init_io(png, file);
    png_set_compression_level(png, compression_level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, row_filter);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
  });
}

PngRowWriter::~PngRowWriter() { png_destroy_write_struct(&png_, &info_); }

void PngRowWriter::write_row(const std::uint8_t* rgb) {
  png_structp png = png_;
  guarded(png_, error_, path_, [=] { png_write_row(png, rgb); });
}

void PngRowWriter::finish() {
  png_structp png = png_;
  png_infop info = info_;
  guarded(png_, error_, path_, [=] { png_write_end(png, info); });
  // fclose flushes: a full disk shows up here, not earlier.
  if (std::fclose(file_.release()) != 0) {
    throw output_error(path_.string(), std::string("cannot write PNG: ") + std::strerror(errno));
  }
}

}  // namespace wijkatlas::render::output
