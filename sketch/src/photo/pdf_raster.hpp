#pragma once
// A scanner's PDF: the first page rendered to pixels with poppler-cpp.
#include <filesystem>
#include <opencv2/core.hpp>
#include <vector>

namespace wijkatlas::sketch::photo {

// Renders page 1 at 300 dpi, or lower for pages so large that 300 dpi would pass ~100 MP.
// Throws data_error for a PDF poppler cannot open, a locked PDF or one without pages.
cv::Mat rasterise_pdf(const std::filesystem::path& path, const std::vector<unsigned char>& bytes);

}  // namespace wijkatlas::sketch::photo
