#pragma once
// Loading one photo or scan as an 8-bit BGR image: JPEG and PNG through OpenCV, the first page
// of a PDF rasterised with poppler. Broken files are refused here, before any image work.
#include <filesystem>
#include <opencv2/core.hpp>

namespace wijkatlas::sketch::photo {

// Throws io_error when the file cannot be read, data_error when it is not an image we read or
// is damaged (a truncated JPEG, a PNG that does not decode, a PDF without pages).
cv::Mat load_image(const std::filesystem::path& path);

}  // namespace wijkatlas::sketch::photo
