#pragma once
// Writes a PNG row by row with libpng, so an image never has to be in memory whole. libpng
// reports errors by longjmp; this class confines that to short calls that own nothing and turns
// it into the sink's own exception or render_error.
#include <png.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "output/captured_sink.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render::output {

// One row of a Cairo RGB24 image (a native-endian 32-bit 0x00RRGGBB per pixel) as 8-bit RGB:
// `rgb` holds width * 3 bytes.
void cairo_row_to_rgb(const unsigned char* cairo_row, int width, std::uint8_t* rgb);

class PngRowWriter {
 public:
  // 8-bit RGB, `dpi` stored in the pHYs chunk so that print dialogs size it right. `sink` must
  // outlive the writer; `name` says where the bytes go, in messages.
  PngRowWriter(const ByteSink& sink, std::string_view name, int width, int height, double dpi);
  ~PngRowWriter();
  PngRowWriter(const PngRowWriter&) = delete;
  PngRowWriter& operator=(const PngRowWriter&) = delete;

  // `rgb` holds width * 3 bytes.
  void write_row(const std::uint8_t* rgb);
  // After the last row: writes the end of the image.
  void finish();

 private:
  static void write_to_sink(png_structp png, png_bytep data, std::size_t length);
  template <class Call>
  void guarded(Call call);

  CapturedSink sink_;  // libpng holds its address: the class is neither copied nor moved
  std::string name_;
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
  std::string error_;  // libpng's message, set by the error callback before it jumps
};

}  // namespace wijkatlas::render::output
