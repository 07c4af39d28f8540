#include "provenance.hpp"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace wijkatlas::sketch::photo {

Crop provenance_crop(const RectifiedPage& page, const SheetInfo& sheet, cv::Rect px_box,
                     double context_mm, int max_side_px) {
  const int grow = static_cast<int>(context_mm * page.px_per_mm);
  const cv::Rect box = cv::Rect(px_box.x - grow, px_box.y - grow, px_box.width + 2 * grow,
                                px_box.height + 2 * grow) &
                       cv::Rect(0, 0, page.bgr.cols, page.bgr.rows);
  cv::Mat crop = page.bgr(box);
  const double f =
      std::min(1.0, static_cast<double>(max_side_px) / std::max(box.width, box.height));
  cv::Mat small;
  if (f < 1.0) {
    cv::resize(crop, small, cv::Size(), f, f, cv::INTER_AREA);
  } else {
    small = crop;
  }
  Crop out;
  cv::imencode(".png", small, out.png);
  // Pixel edges (not centres) bound the crop: top-left of the first, bottom-right of the last.
  const cv::Point2d tl = page.to_page(cv::Point2d(box.x - 0.5, box.y - 0.5));
  const cv::Point2d br =
      page.to_page(cv::Point2d(box.x + box.width - 0.5, box.y + box.height - 0.5));
  const geo::Point a = page_to_world(sheet, tl.x, br.y);
  const geo::Point b = page_to_world(sheet, br.x, tl.y);
  out.extent = geo::Box({std::min(a.x(), b.x()), std::min(a.y(), b.y())},
                        {std::max(a.x(), b.x()), std::max(a.y(), b.y())});
  return out;
}

}  // namespace wijkatlas::sketch::photo
