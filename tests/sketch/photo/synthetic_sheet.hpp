#pragma once
// A drawing sheet made in the test itself: white page, a faded fake base map (grey buildings and
// streets, pale water and green, a grid, grey labels), the eight ArUco markers where
// marker_placements() puts them, the QR code with encode_payload(), and a key of marker colours
// outside the frame. It stands in for `wijkatlas sheet` output with the same layout contract.
#include <opencv2/core.hpp>
#include <string>

#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::test {

// A3 landscape at 1:2,500: a 300 x 200 mm frame showing 750 x 500 m of Arnhem-Oost.
sketch::SheetInfo a3_sheet();

struct SheetImageOptions {
  SheetImageOptions(double ppmm = 6, bool qr = true, std::string text = {})
      : px_per_mm(ppmm), with_qr(qr), qr_text(std::move(text)) {}
  double px_per_mm = 6;
  bool with_qr = true;
  std::string qr_text;  // instead of the sheet's payload (another program's QR code)
};

// BGR page image at `px_per_mm`.
cv::Mat render_sheet(const sketch::SheetInfo& sheet, const SheetImageOptions& options = {});

// Page millimetres -> pixel position in an image at `px_per_mm` (pixel centres at integers).
cv::Point2d page_px(double x_mm, double y_mm, double px_per_mm);

}  // namespace wijkatlas::test
