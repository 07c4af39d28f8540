#include "wijkatlas/render/label_placement.hpp"

#include <algorithm>
#include <numeric>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace wijkatlas::render {
namespace {

namespace bg = boost::geometry;
using IndexPoint = bg::model::d2::point_xy<double>;
using IndexBox = bg::model::box<IndexPoint>;

IndexBox to_index_box(const RectMm& r) { return {{r.x, r.y}, {r.x + r.width, r.y + r.height}}; }

RectMm grown(const RectMm& r, double by) {
  return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

bool inside(const RectMm& inner, const RectMm& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
         inner.y + inner.height <= outer.y + outer.height;
}

// Everything already taken: placed labels and obstacles.
class OccupiedSpace {
 public:
  explicit OccupiedSpace(std::span<const RectMm> obstacles) {
    for (const RectMm& o : obstacles) add(o);
  }
  void add(const RectMm& r) {
    boxes_.push_back(r);
    index_.insert({to_index_box(r), boxes_.size() - 1});
  }
  bool is_free(const RectMm& r) const {
    // The R-tree's intersects() counts touching boxes; overlaps() decides on interior area.
    for (auto it = index_.qbegin(bg::index::intersects(to_index_box(r))); it != index_.qend(); ++it) {
      if (overlaps(boxes_[it->second], r)) return false;
    }
    return true;
  }

 private:
  std::vector<RectMm> boxes_;
  bg::index::rtree<std::pair<IndexBox, std::size_t>, bg::index::rstar<16>> index_;
};

}  // namespace

bool overlaps(const RectMm& a, const RectMm& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      std::span<const RectMm> obstacles,
                                      const PlacementOptions& options) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return candidates[a].priority > candidates[b].priority;
  });

  OccupiedSpace occupied(obstacles);
  std::vector<PlacedLabel> placed;
  for (const std::size_t i : order) {
    const LabelCandidate& label = candidates[i];
    for (std::size_t p = 0; p < label.positions.size(); ++p) {
      const RectMm& box = label.positions[p];
      // The padded box must be free of the unpadded ones: that keeps `padding_mm` between
      // any two labels and between a label and a symbol.
      if (!inside(box, options.bounds) || !occupied.is_free(grown(box, options.padding_mm))) continue;
      occupied.add(box);
      placed.push_back({label.id, p, box});
      break;
    }
  }
  return placed;
}

std::vector<RectMm> positions_around_point(const PaperPoint& anchor, double width_mm,
                                           double height_mm, double gap_mm) {
  const double right = anchor.x_mm + gap_mm;
  const double left = anchor.x_mm - gap_mm - width_mm;
  const double centre_x = anchor.x_mm - width_mm / 2;
  const double above = anchor.y_mm - gap_mm - height_mm;
  const double below = anchor.y_mm + gap_mm;
  const double middle_y = anchor.y_mm - height_mm / 2;
  const auto box = [&](double x, double y) { return RectMm{x, y, width_mm, height_mm}; };
  return {box(right, middle_y), box(left, middle_y),  box(centre_x, above), box(centre_x, below),
          box(right, above),    box(left, above),     box(right, below),    box(left, below)};
}

}  // namespace wijkatlas::render
