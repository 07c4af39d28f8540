#pragma once
// Writes a PNG row by row with libpng, so an image never has to be in memory whole. libpng
// reports errors by longjmp; this class confines that to short calls that own nothing and turns
// it into render_error.
#include <png.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace wijkatlas::render::output {

class PngRowWriter {
 public:
  // 8-bit RGB, `dpi` stored in the pHYs chunk so that print dialogs size it right.
  PngRowWriter(const std::filesystem::path& path, int width, int height, double dpi);
  ~PngRowWriter();
  PngRowWriter(const PngRowWriter&) = delete;
  PngRowWriter& operator=(const PngRowWriter&) = delete;

  // `rgb` holds width * 3 bytes.
  void write_row(const std::uint8_t* rgb);
  // After the last row: writes the end of the file and closes it, reporting write errors.
  void finish();

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
  };

  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
  std::string error_;  // libpng's message, set by the error callback before it jumps
};

}  // namespace wijkatlas::render::output
