#include "detail/simple_ring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace wijkatlas::geo::detail {
namespace {

// Sign of the orientation of c relative to the line a-b: +1 left, -1 right, 0 when the
// rounding error of the determinant could change its sign (Shewchuk's static bound, with room
// to spare).
int certain_orientation(const Point& a, const Point& b, const Point& c) {
  const double left = (a.x() - c.x()) * (b.y() - c.y());
  const double right = (a.y() - c.y()) * (b.x() - c.x());
  const double det = left - right;
  const double bound = 1e-15 * (std::abs(left) + std::abs(right));
  if (det > bound) return 1;
  if (det < -bound) return -1;
  return 0;
}

struct Segment {
  double xmin, xmax, ymin, ymax;
  std::uint32_t index;
};

}  // namespace

bool certainly_simple_ring(std::span<const Point> ring) {
  const std::size_t n = ring.size() < 1 ? 0 : ring.size() - 1;  // edges
  if (n < 3 || ring.front().x() != ring.back().x() || ring.front().y() != ring.back().y())
    return false;
  std::vector<Segment> segments(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = ring[i];
    const Point& b = ring[i + 1];
    if (!std::isfinite(a.x()) || !std::isfinite(a.y())) return false;
    if (a.x() == b.x() && a.y() == b.y()) return false;  // repeated point
    segments[i] = {std::min(a.x(), b.x()), std::max(a.x(), b.x()), std::min(a.y(), b.y()),
                   std::max(a.y(), b.y()), static_cast<std::uint32_t>(i)};
  }
  // Neighbouring edges (u, v) and (v, w) meet only at v unless w turns back along the line.
  for (std::size_t i = 0; i < n; ++i) {
    const Point& u = ring[i];
    const Point& v = ring[i + 1];
    const Point& w = ring[i + 2 <= n ? i + 2 : 1];
    if (certain_orientation(u, v, w) == 0) {
      const double dot = (v.x() - u.x()) * (w.x() - v.x()) + (v.y() - u.y()) * (w.y() - v.y());
      if (!(dot > 0)) return false;  // folds back, or too close to tell
    }
  }
  // Every other pair of edges whose boxes meet: a sweep along x.
  std::sort(segments.begin(), segments.end(),
            [](const Segment& a, const Segment& b) { return a.xmin < b.xmin; });
  std::vector<const Segment*> active;
  for (const Segment& s : segments) {
    std::erase_if(active, [&](const Segment* t) { return t->xmax < s.xmin; });
    for (const Segment* t : active) {
      if (t->ymax < s.ymin || s.ymax < t->ymin) continue;
      const std::uint32_t i = std::min(s.index, t->index), j = std::max(s.index, t->index);
      if (j == i + 1 || (i == 0 && j == n - 1)) continue;  // neighbours: checked above
      const Point& p1 = ring[i];
      const Point& p2 = ring[i + 1];
      const Point& q1 = ring[j];
      const Point& q2 = ring[j + 1];
      const int o1 = certain_orientation(p1, p2, q1), o2 = certain_orientation(p1, p2, q2);
      if (o1 == 0 || o2 == 0) return false;
      if (o1 == o2) continue;
      const int o3 = certain_orientation(q1, q2, p1), o4 = certain_orientation(q1, q2, p2);
      if (o3 == 0 || o4 == 0) return false;
      if (o3 != o4) return false;  // they cross
    }
    active.push_back(&s);
  }
  return true;
}

}  // namespace wijkatlas::geo::detail
