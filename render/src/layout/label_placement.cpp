#include "wijkatlas/render/label_placement.hpp"

#include <algorithm>
#include <array>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <numeric>
#include <optional>

namespace wijkatlas::render {
namespace {

namespace bg = boost::geometry;
using IndexPoint = bg::model::d2::point_xy<double>;
using IndexBox = bg::model::box<IndexPoint>;

IndexBox to_index_box(const RectMm& r) {
  return {{r.x, r.y}, {r.x + r.width, r.y + r.height}};
}

RectMm grown(const RectMm& r, double by) {
  return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

bool inside(const RectMm& inner, const RectMm& outer) {
  return inner.x >= outer.x && inner.y >= outer.y &&
         inner.x + inner.width <= outer.x + outer.width &&
         inner.y + inner.height <= outer.y + outer.height;
}

TurnedBox turned_of(const RectMm& r) {
  return {{r.x + r.width / 2, r.y + r.height / 2}, r.width, r.height, 0};
}

// Everything already taken: placed labels and obstacles.
class OccupiedSpace {
 public:
  explicit OccupiedSpace(std::span<const RectMm> obstacles) {
    for (const RectMm& o : obstacles) add(o, std::nullopt);
  }
  void add(const RectMm& r, const std::optional<TurnedBox>& turned) {
    boxes_.push_back({r, turned});
    index_.insert({to_index_box(r), boxes_.size() - 1});
  }
  // `r` padded; `turned` (padded the same) when the text is turned.
  bool is_free(const RectMm& r, const std::optional<TurnedBox>& turned) const {
    // The R-tree's intersects() counts touching boxes; overlaps() decides on interior area.
    for (auto it = index_.qbegin(bg::index::intersects(to_index_box(r))); it != index_.qend();
         ++it) {
      const Taken& taken = boxes_[it->second];
      if (!overlaps(taken.box, r)) continue;
      if (!turned && !taken.turned) return false;
      if (turned_boxes_overlap(turned.value_or(turned_of(r)),
                               taken.turned.value_or(turned_of(taken.box))))
        return false;
    }
    return true;
  }

 private:
  struct Taken {
    RectMm box;
    std::optional<TurnedBox> turned;
  };
  std::vector<Taken> boxes_;
  bg::index::rtree<std::pair<IndexBox, std::size_t>, bg::index::rstar<16>> index_;
};

}  // namespace

bool overlaps(const RectMm& a, const RectMm& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// Separating axes: two rectangles are apart when their shadows on one of the four edge
// directions do not overlap.
bool turned_boxes_overlap(const TurnedBox& a, const TurnedBox& b) {
  const auto corners = [](const TurnedBox& t) {
    const double c = std::cos(t.angle_rad), s = std::sin(t.angle_rad);
    const double hw = t.width_mm / 2, hh = t.height_mm / 2;
    std::array<PaperPoint, 4> out;
    const std::array<std::pair<double, double>, 4> signs{{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}};
    for (std::size_t i = 0; i < 4; ++i) {
      const double dx = signs[i].first * hw, dy = signs[i].second * hh;
      out[i] = {t.centre.x_mm + dx * c - dy * s, t.centre.y_mm + dx * s + dy * c};
    }
    return out;
  };
  const auto ca = corners(a), cb = corners(b);
  for (const double angle :
       {a.angle_rad, a.angle_rad + M_PI / 2, b.angle_rad, b.angle_rad + M_PI / 2}) {
    const double ux = std::cos(angle), uy = std::sin(angle);
    const auto shadow = [&](const std::array<PaperPoint, 4>& cs) {
      double lo = INFINITY, hi = -INFINITY;
      for (const PaperPoint& p : cs) {
        const double d = p.x_mm * ux + p.y_mm * uy;
        lo = std::min(lo, d);
        hi = std::max(hi, d);
      }
      return std::pair{lo, hi};
    };
    const auto [alo, ahi] = shadow(ca);
    const auto [blo, bhi] = shadow(cb);
    // Touching is not overlapping; a hair's width of rounding neither.
    constexpr double touching = 1e-9;
    if (ahi <= blo + touching || bhi <= alo + touching) return false;
  }
  return true;
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
      std::optional<TurnedBox> turned;
      if (p < label.turned.size()) turned = label.turned[p];
      std::optional<TurnedBox> padded = turned;
      if (padded) {
        padded->width_mm += 2 * options.padding_mm;
        padded->height_mm += 2 * options.padding_mm;
      }
      // The padded box must be free of the unpadded ones: that keeps `padding_mm` between
      // any two labels and between a label and a symbol.
      if (!inside(box, options.bounds) || !occupied.is_free(grown(box, options.padding_mm), padded))
        continue;
      occupied.add(box, turned);
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
  return {box(right, middle_y), box(left, middle_y), box(centre_x, above), box(centre_x, below),
          box(right, above),    box(left, above),    box(right, below),    box(left, below)};
}

}  // namespace wijkatlas::render
