#include "wijkatlas/render/map_frame.hpp"

#include <array>
#include <cmath>
#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

std::string scale_text(double denominator) {
  return "1:" + std::to_string(std::llround(denominator));
}

void require_scale_within(double denominator, const ScaleLimits& limits) {
  if (!(denominator >= limits.largest_scale && denominator <= limits.smallest_scale)) {
    throw render_error("scale " + scale_text(denominator) + " is outside " +
                       scale_text(limits.largest_scale) + " .. " +
                       scale_text(limits.smallest_scale));
  }
}

void require_nonempty(const RectMm& frame) {
  if (!(frame.width > 0 && frame.height > 0)) throw render_error("the map frame has no area");
}

}  // namespace

double round_scale_at_least(double denominator) {
  if (!(denominator > 0) || !std::isfinite(denominator)) {
    throw render_error("a scale must be a positive number");
  }
  constexpr std::array<double, 4> steps{1, 2, 2.5, 5};
  // Rounding noise (2500.0000001 from a fit) must not push a map to the next step.
  constexpr double tolerance = 1e-9;
  double decade = std::pow(10.0, std::floor(std::log10(denominator)));
  for (;; decade *= 10) {
    for (double step : steps) {
      if (step * decade >= denominator * (1 - tolerance)) return step * decade;
    }
  }
}

MapFrame::MapFrame(const geo::Point& centre, double scale, const RectMm& frame)
    : centre_(centre), scale_(scale), frame_(frame) {}

MapFrame MapFrame::at_scale(const geo::Point& centre, double scale_denominator, const RectMm& frame,
                            const ScaleLimits& limits) {
  require_nonempty(frame);
  require_scale_within(scale_denominator, limits);
  return MapFrame(centre, scale_denominator, frame);
}

MapFrame MapFrame::fit(const geo::Box& area, const RectMm& frame, double margin_mm,
                       const ScaleLimits& limits) {
  require_nonempty(frame);
  const double usable_width = frame.width - 2 * margin_mm;
  const double usable_height = frame.height - 2 * margin_mm;
  if (!(usable_width > 0 && usable_height > 0)) {
    throw render_error("the map frame is too small for a margin of " + std::to_string(margin_mm) +
                       " mm");
  }
  const double area_width = area.max_corner().x() - area.min_corner().x();
  const double area_height = area.max_corner().y() - area.min_corner().y();
  // Metres per paper millimetre needed along each side, times 1000 mm per metre.
  const double needed = std::max(area_width / usable_width, area_height / usable_height) * 1000.0;
  const double scale =
      needed <= limits.largest_scale ? limits.largest_scale : round_scale_at_least(needed);
  if (scale > limits.smallest_scale) {
    throw render_error("the area (" + std::to_string(std::lround(area_width)) + " x " +
                       std::to_string(std::lround(area_height)) + " m) needs " + scale_text(scale) +
                       ", smaller than the smallest allowed scale " +
                       scale_text(limits.smallest_scale) +
                       ": use a larger paper size or a smaller area");
  }
  const geo::Point centre((area.min_corner().x() + area.max_corner().x()) / 2,
                          (area.min_corner().y() + area.max_corner().y()) / 2);
  return MapFrame(centre, scale, frame);
}

PaperPoint MapFrame::to_paper(const geo::Point& world) const noexcept {
  const double k = mm_per_metre();
  return {frame_.x + frame_.width / 2 + (world.x() - centre_.x()) * k,
          frame_.y + frame_.height / 2 - (world.y() - centre_.y()) * k};  // north up, page y down
}

geo::Point MapFrame::to_world(const PaperPoint& paper) const noexcept {
  const double metres_per_mm = scale_ / 1000.0;
  return {centre_.x() + (paper.x_mm - frame_.x - frame_.width / 2) * metres_per_mm,
          centre_.y() - (paper.y_mm - frame_.y - frame_.height / 2) * metres_per_mm};
}

geo::Box MapFrame::world_extent() const {
  const geo::Point top_left = to_world({frame_.x, frame_.y});
  const geo::Point bottom_right = to_world({frame_.x + frame_.width, frame_.y + frame_.height});
  return {{top_left.x(), bottom_right.y()}, {bottom_right.x(), top_left.y()}};
}

}  // namespace wijkatlas::render
