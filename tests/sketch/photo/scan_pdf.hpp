#pragma once
// A scanner's PDF: one page of the paper's size holding the scanned image, as scanners write it.
#include <filesystem>

namespace wijkatlas::test {

void write_scan_pdf(const std::filesystem::path& png, const std::filesystem::path& pdf,
                    double width_mm, double height_mm);

}  // namespace wijkatlas::test
