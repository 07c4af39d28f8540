#pragma once
// Candidate pairs of segments whose bounding boxes meet, through a uniform grid over the tile:
// segments in a tile are short and evenly spread, so each cell holds a handful and the work
// grows with the segments, not their square. Each pair is reported once: by the cell that
// holds the lower-left corner of the two boxes' overlap.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo::overlap_detail {

struct SegmentBox {
  double x0, y0, x1, y1;
};

template <typename Pair>
void for_each_overlapping_pair(std::span<const SegmentBox> boxes, const Box& extent, Pair&& pair) {
  const std::size_t n = boxes.size();
  if (n < 2) return;
  const double x0 = extent.min_corner().x(), y0 = extent.min_corner().y();
  const double w = std::max(extent.max_corner().x() - x0, 1e-9);
  const double h = std::max(extent.max_corner().y() - y0, 1e-9);
  // About two segments per cell.
  const double cells = std::clamp(static_cast<double>(n) / 2.0, 1.0, 4.0e6);
  const auto gx =
      static_cast<std::int64_t>(std::clamp(std::ceil(std::sqrt(cells * w / h)), 1.0, 4096.0));
  const auto gy =
      static_cast<std::int64_t>(std::clamp(std::ceil(std::sqrt(cells * h / w)), 1.0, 4096.0));
  const double fx = static_cast<double>(gx) / w, fy = static_cast<double>(gy) / h;
  auto cx = [&](double x) {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>((x - x0) * fx), 0, gx - 1);
  };
  auto cy = [&](double y) {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>((y - y0) * fy), 0, gy - 1);
  };

  std::vector<std::uint32_t> start(static_cast<std::size_t>(gx * gy) + 1, 0);
  for (const SegmentBox& b : boxes) {
    for (std::int64_t y = cy(b.y0); y <= cy(b.y1); ++y) {
      for (std::int64_t x = cx(b.x0); x <= cx(b.x1); ++x)
        ++start[static_cast<std::size_t>(y * gx + x) + 1];
    }
  }
  for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  std::vector<std::uint32_t> items(start.back());
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const SegmentBox& b = boxes[i];
    for (std::int64_t y = cy(b.y0); y <= cy(b.y1); ++y) {
      for (std::int64_t x = cx(b.x0); x <= cx(b.x1); ++x) {
        items[fill[static_cast<std::size_t>(y * gx + x)]++] = static_cast<std::uint32_t>(i);
      }
    }
  }
  for (std::int64_t y = 0; y < gy; ++y) {
    for (std::int64_t x = 0; x < gx; ++x) {
      const std::size_t c = static_cast<std::size_t>(y * gx + x);
      for (std::uint32_t k = start[c]; k < start[c + 1]; ++k) {
        const SegmentBox& a = boxes[items[k]];
        for (std::uint32_t l = k + 1; l < start[c + 1]; ++l) {
          const SegmentBox& b = boxes[items[l]];
          if (a.x0 > b.x1 || b.x0 > a.x1 || a.y0 > b.y1 || b.y0 > a.y1) continue;
          if (cx(std::max(a.x0, b.x0)) != x || cy(std::max(a.y0, b.y0)) != y) continue;
          pair(items[k], items[l]);
        }
      }
    }
  }
}

}  // namespace wijkatlas::geo::overlap_detail
