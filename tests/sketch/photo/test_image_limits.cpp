// What is not a photo of a sheet is refused before it is read or decoded, quickly and with a
// data_error naming the file: a FIFO (which would block the open for ever), a device behind a
// symlink, a 1 GB file, and decompression bombs (small files declaring enormous images). The
// largest real inputs pass: a 24 MP phone photo and a 600 dpi scan of A3.
#include <gtest/gtest.h>

#include <chrono>
#include <opencv2/imgcodecs.hpp>

#include "fifo_guard.hpp"
#include "image_bombs.hpp"
#include "image_source.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::test {
namespace {

using Clock = std::chrono::steady_clock;

// The data_error message read_sheet_photo refuses `path` with, and that it took under 5 s.
std::string refusal(const std::filesystem::path& path) {
  const auto start = Clock::now();
  std::string message = "read";
  try {
    sketch::read_sheet_photo(path);
  } catch (const data_error& e) {
    EXPECT_EQ(e.path(), path.string());
    message = e.what();
  }
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5)) << path;
  return message;
}

TEST(ImageLimits, JpegDeclaring32000By32000IsRefusedOnItsHeader) {
  TempDir dir;
  const auto bomb = dir / "bom.jpg";
  write_bytes(bomb, jpeg_declaring(32000, 32000));
  EXPECT_LT(std::filesystem::file_size(bomb), 2000u);
  const std::string m = refusal(bomb);
  EXPECT_NE(m.find("the image declares 32000 x 32000 pixels (1024 megapixels), more than the 100 "
                   "megapixels"),
            std::string::npos)
      << m;
}

TEST(ImageLimits, JpegDeclaring60000By60000IsRefusedOnItsHeader) {
  TempDir dir;
  const auto bomb = dir / "bom.jpg";
  write_bytes(bomb, jpeg_declaring(60000, 60000));
  const std::string m = refusal(bomb);
  EXPECT_NE(m.find("declares 60000 x 60000 pixels"), std::string::npos) << m;
}

TEST(ImageLimits, PngDeclaring20000By20000IsRefusedOnItsHeader) {
  TempDir dir;
  const auto bomb = dir / "bom.png";
  write_bytes(bomb, png_declaring(20000, 20000));
  const std::string m = refusal(bomb);
  EXPECT_NE(m.find("declares 20000 x 20000 pixels (400 megapixels)"), std::string::npos) << m;
}

TEST(ImageLimits, HeadersAreReadWithoutDecoding) {
  const std::filesystem::path name("x.jpg");
  EXPECT_EQ(sketch::photo::declared_image_size(name, jpeg_declaring(6000, 4000)),
            cv::Size(6000, 4000));
  EXPECT_EQ(sketch::photo::declared_image_size(name, png_declaring(7016, 9921)),
            cv::Size(7016, 9921));
  std::vector<unsigned char> cut = jpeg_declaring(6000, 4000);
  cut.resize(12);
  EXPECT_THROW(sketch::photo::declared_image_size(name, cut), data_error);
}

// A FIFO named like a photo: opening it would wait for a writer for ever.
TEST(ImageLimits, FifoIsRefusedWithoutWaiting) {
  TempDir dir;
  const auto fifo = dir / "foto.jpg";
  const std::string m = message_reading_fifo(fifo, [&] { sketch::read_sheet_photo(fifo); });
  EXPECT_NE(m.find("this is a named pipe (FIFO), not a file"), std::string::npos) << m;
}

TEST(ImageLimits, DeviceOrDirectoryNamedLikeAPhotoIsRefused) {
  TempDir dir;
  const auto zero = dir / "nul.jpg";
  std::filesystem::create_symlink("/dev/zero", zero);
  const std::string m = refusal(zero);
  EXPECT_NE(m.find("this is a device, such as /dev/zero, not a file"), std::string::npos) << m;
  const auto folder = dir / "map.jpg";
  std::filesystem::create_directory(folder);
  EXPECT_NE(refusal(folder).find("this is a directory, not a file"), std::string::npos);
}

// A 1 GB file starting like a JPEG (sparse: it takes no disk space) is refused on its size,
// without being read into memory.
TEST(ImageLimits, OneGigabyteFileIsRefusedUnread) {
  TempDir dir;
  const auto big = dir / "groot.jpg";
  write_bytes(big, jpeg_declaring(64, 64));
  std::filesystem::resize_file(big, std::uintmax_t{1} << 30);
  const std::string m = refusal(big);
  EXPECT_NE(m.find("the file is 1024 MB, larger than a photo or scan of a sheet ever needs to be "
                   "(at most 512 MB)"),
            std::string::npos)
      << m;
}

// The largest inputs the limits are made for load whole: a 24 MP photo and a 600 dpi A3 scan.
TEST(ImageLimits, A24MegapixelPhotoAndA600DpiA3ScanLoad) {
  TempDir dir;
  const auto photo = dir / "24mp.jpg";
  ASSERT_TRUE(cv::imwrite(photo.string(), cv::Mat(4000, 6000, CV_8UC3, cv::Scalar(200, 210, 220))));
  EXPECT_EQ(sketch::photo::load_image(photo).size(), cv::Size(6000, 4000));
  const auto scan = dir / "a3_600dpi.png";
  ASSERT_TRUE(cv::imwrite(scan.string(), cv::Mat(9921, 7016, CV_8UC3, cv::Scalar(255, 255, 255))));
  EXPECT_EQ(sketch::photo::load_image(scan).size(), cv::Size(7016, 9921));
}

}  // namespace
}  // namespace wijkatlas::test
