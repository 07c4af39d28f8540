#include "white_balance.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>
#include <utility>
#include <vector>

namespace wijkatlas::sketch::photo {
namespace {

// The band: from just outside the frame line (a misregistered or blurred line stays out) to
// just short of the markers.
constexpr double band_inner_mm = 0.7;
constexpr double band_clearance_mm = 0.5;
// The band is measured in blocks this long, so light that changes along the sheet is followed.
constexpr double block_mm = 15;
constexpr int min_block_px = 12;
// A block whose colour differs this much (L1 distance of chromaticities) from the median of
// the blocks around it is ink drawn over the band, not paper.
constexpr double neighbour_mm = 45;
constexpr double max_chroma_step = 0.1;
constexpr double min_relative_brightness = 0.5;
// Interpolation inwards: a coarse grid, inverse squared distance softened over this distance.
constexpr double grid_mm = 2;
constexpr double soften_mm = 10;

struct Block {
  cv::Point2d at_mm;
  cv::Vec3d white;
};

struct BlockPixels {
  cv::Point2d sum_mm;
  int band_px = 0;  // in the band, seen or not
  std::vector<cv::Vec3b> seen;
};

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<long>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

cv::Vec3d chroma(const cv::Vec3d& w) {
  const double s = w[0] + w[1] + w[2];
  return s > 0 ? w / s : cv::Vec3d(1.0 / 3, 1.0 / 3, 1.0 / 3);
}

// The paper's colour in one block: the brighter half of its pixels (a stroke drawn across the
// band, the blurred edge of the frame line or a marker are darker), per channel the median.
cv::Vec3d block_white(std::vector<cv::Vec3b>& px) {
  const auto brightness = [](const cv::Vec3b& p) { return p[0] + p[1] + p[2]; };
  const auto half = px.begin() + static_cast<long>(px.size() / 2);
  std::nth_element(px.begin(), half, px.end(), [&](const cv::Vec3b& a, const cv::Vec3b& b) {
    return brightness(a) > brightness(b);
  });
  cv::Vec3d white;
  for (int c = 0; c < 3; ++c) {
    std::vector<double> v;
    for (auto it = px.begin(); it != half; ++it) v.push_back((*it)[c]);
    white[c] = median(std::move(v));
  }
  return white;
}

// Blocks drawn over: in a colour (their chromaticity differs from the blocks around them) or
// in black (much darker than the band's usual paper; a deep shadow goes too, which costs
// nothing, since only the light's colour is taken from the band).
std::vector<Block> without_drawn_over(const std::vector<Block>& blocks) {
  std::vector<double> brightness;
  for (const Block& b : blocks)
    brightness.push_back(std::max({b.white[0], b.white[1], b.white[2]}));
  const double usual = brightness.empty() ? 0 : median(brightness);
  std::vector<Block> kept;
  for (const Block& b : blocks) {
    if (std::max({b.white[0], b.white[1], b.white[2]}) < min_relative_brightness * usual) continue;
    std::array<std::vector<double>, 3> around;
    for (const Block& n : blocks) {
      if (cv::norm(n.at_mm - b.at_mm) > neighbour_mm) continue;
      const cv::Vec3d c = chroma(n.white);
      for (int i = 0; i < 3; ++i) around[static_cast<std::size_t>(i)].push_back(c[i]);
    }
    const cv::Vec3d c = chroma(b.white);
    double distance = 0;
    for (int i = 0; i < 3; ++i)
      distance += std::abs(c[i] - median(around[static_cast<std::size_t>(i)]));
    if (distance <= max_chroma_step) kept.push_back(b);
  }
  return kept;
}

}  // namespace

SheetWhite measure_sheet_white(const cv::Mat& page, const cv::Mat& seen, double px_per_mm,
                               cv::Point2d origin_mm, const SheetInfo& sheet) {
  SheetWhite out;
  const double band_outer_mm = sheet.marker_gap_mm - band_clearance_mm;
  if (band_outer_mm <= band_inner_mm) return out;
  const PageRect& f = sheet.frame;
  std::map<std::pair<int, int>, BlockPixels> cells;
  for (int y = 0; y < page.rows; ++y) {
    const double y_mm = origin_mm.y + (y + 0.5) / px_per_mm;
    const double dy = std::max({f.y - y_mm, y_mm - (f.y + f.height), 0.0});
    const auto* row = page.ptr<cv::Vec3b>(y);
    const auto* seen_row = seen.ptr<unsigned char>(y);
    for (int x = 0; x < page.cols; ++x) {
      const double x_mm = origin_mm.x + (x + 0.5) / px_per_mm;
      const double dx = std::max({f.x - x_mm, x_mm - (f.x + f.width), 0.0});
      const double d = std::max(dx, dy);
      if (d < band_inner_mm || d > band_outer_mm) continue;
      BlockPixels& cell = cells[{static_cast<int>(std::floor(x_mm / block_mm)),
                                 static_cast<int>(std::floor(y_mm / block_mm))}];
      cell.sum_mm += cv::Point2d(x_mm, y_mm);
      ++cell.band_px;
      if (seen_row[x]) cell.seen.push_back(row[x]);
    }
  }
  std::vector<Block> blocks;
  for (auto& [key, cell] : cells) {
    if (static_cast<int>(cell.seen.size()) < min_block_px) continue;
    blocks.push_back({cell.sum_mm / cell.band_px, block_white(cell.seen)});
  }
  blocks = without_drawn_over(blocks);
  out.band_seen =
      cells.empty() ? 0 : static_cast<double>(blocks.size()) / static_cast<double>(cells.size());
  if (blocks.size() < 4) return out;
  for (int c = 0; c < 3; ++c) {
    std::vector<double> v;
    for (const Block& b : blocks) v.push_back(b.white[c]);
    out.median[c] = median(std::move(v));
  }

  const int grid_cols = std::max(1, static_cast<int>(std::ceil(page.cols / (grid_mm * px_per_mm))));
  const int grid_rows = std::max(1, static_cast<int>(std::ceil(page.rows / (grid_mm * px_per_mm))));
  const double sx = static_cast<double>(page.cols) / grid_cols,
               sy = static_cast<double>(page.rows) / grid_rows;
  cv::Mat grid(grid_rows, grid_cols, CV_32FC3);
  for (int gy = 0; gy < grid_rows; ++gy) {
    for (int gx = 0; gx < grid_cols; ++gx) {
      // Where the grid cell's centre lands when the grid is resized to the page image.
      const cv::Point2d at(origin_mm.x + (gx + 0.5) * sx / px_per_mm,
                           origin_mm.y + (gy + 0.5) * sy / px_per_mm);
      cv::Vec3d sum(0, 0, 0);
      double weights = 0;
      for (const Block& b : blocks) {
        const cv::Point2d d = b.at_mm - at;
        const double w = 1 / (d.dot(d) + soften_mm * soften_mm);
        sum += w * b.white;
        weights += w;
      }
      // The colour only, at full brightness: shadows and their edges are left to the paper
      // background, which sees the whole map, not just its border.
      const cv::Vec3d white = sum / weights;
      grid.at<cv::Vec3f>(gy, gx) =
          cv::Vec3f(white * (255 / std::max({white[0], white[1], white[2], 1.0})));
    }
  }
  cv::resize(grid, out.white, page.size(), 0, 0, cv::INTER_LINEAR);
  return out;
}

}  // namespace wijkatlas::sketch::photo
