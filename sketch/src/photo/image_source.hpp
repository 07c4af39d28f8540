#pragma once
// Loading one photo or scan as an 8-bit BGR image: JPEG and PNG through OpenCV, the first page
// of a PDF rasterised with poppler. Broken files, files that are no files (a FIFO, a device)
// and decompression bombs (a small file declaring a huge image) are refused here, before any
// pixel is decoded.
#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <vector>

namespace wijkatlas::sketch::photo {

// The limits, with room to spare for what sheets are read from: a 24 MP phone photo
// (6000 x 4000) and a 600 dpi scan of A3 (7016 x 9921, 70 megapixels). Decoding at most
// 100 megapixels takes at most 300 MB; a PDF page is rasterised at most this large too.
inline constexpr double max_image_pixels = 100e6;
inline constexpr std::uintmax_t max_image_file_bytes = std::uintmax_t{512} << 20;

// Throws io_error when the file cannot be read, data_error when it is not an image we read, is
// damaged (a truncated JPEG, a PNG that does not decode, a PDF without pages), is not a regular
// file, or is larger than the limits above (in bytes, or in the pixels its header declares).
cv::Mat load_image(const std::filesystem::path& path);

// The width and height a JPEG or PNG declares in its header, read (by GDAL) without decoding a
// pixel. Throws data_error naming `path` when the header cannot be read.
cv::Size declared_image_size(const std::filesystem::path& path,
                             const std::vector<unsigned char>& bytes);

}  // namespace wijkatlas::sketch::photo
