#include "wijkatlas/render/polylabel.hpp"

#include <boost/geometry.hpp>
#include <cmath>
#include <queue>

namespace wijkatlas::render {
namespace {

namespace bg = boost::geometry;

double segment_distance_squared(const geo::Point& p, const geo::Point& a, const geo::Point& b) {
  double x = a.x(), y = a.y();
  double dx = b.x() - x, dy = b.y() - y;
  if (dx != 0 || dy != 0) {
    const double t = ((p.x() - x) * dx + (p.y() - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b.x();
      y = b.y();
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p.x() - x;
  dy = p.y() - y;
  return dx * dx + dy * dy;
}

// Signed distance to the outline: positive inside (even-odd over all rings, holes included).
double signed_distance(const geo::Point& p, const geo::Polygon& polygon) {
  bool inside = false;
  double best = std::numeric_limits<double>::infinity();
  const auto scan = [&](const geo::Ring& ring) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const geo::Point& a = ring[i];
      const geo::Point& b = ring[j];
      if ((a.y() > p.y()) != (b.y() > p.y()) &&
          p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
        inside = !inside;
      }
      best = std::min(best, segment_distance_squared(p, a, b));
    }
  };
  scan(polygon.outer());
  for (const auto& hole : polygon.inners()) scan(hole);
  return (inside ? 1 : -1) * std::sqrt(best);
}

struct Cell {
  double x, y, half;
  double distance;  // at the centre
  double potential() const { return distance + half * std::numbers::sqrt2; }
  bool operator<(const Cell& other) const { return potential() < other.potential(); }
};

InteriorPoint polylabel(const geo::Polygon& polygon, double precision) {
  geo::Box box;
  bg::envelope(polygon, box);
  const double width = box.max_corner().x() - box.min_corner().x();
  const double height = box.max_corner().y() - box.min_corner().y();
  const double size = std::min(width, height);
  const auto make = [&](double x, double y, double half) {
    return Cell{x, y, half, signed_distance(geo::Point(x, y), polygon)};
  };
  geo::Point centroid;
  bg::centroid(polygon, centroid);
  Cell best = make(centroid.x(), centroid.y(), 0);
  if (size <= 0)
    return {best.distance > 0 ? geo::Point(best.x, best.y) : polygon.outer().front(), 0};

  std::priority_queue<Cell> queue;
  const double half = size / 2;
  for (double x = box.min_corner().x(); x < box.max_corner().x(); x += size) {
    for (double y = box.min_corner().y(); y < box.max_corner().y(); y += size) {
      queue.push(make(x + half, y + half, half));
    }
  }
  // A bounding-box centre can beat the centroid for thin shapes.
  const Cell box_centre =
      make(box.min_corner().x() + width / 2, box.min_corner().y() + height / 2, 0);
  if (box_centre.distance > best.distance) best = box_centre;

  while (!queue.empty()) {
    const Cell cell = queue.top();
    queue.pop();
    if (cell.distance > best.distance) best = cell;
    if (cell.potential() - best.distance <= precision) continue;
    const double h = cell.half / 2;
    for (const double dx : {-h, h}) {
      for (const double dy : {-h, h}) queue.push(make(cell.x + dx, cell.y + dy, h));
    }
  }
  return {geo::Point(best.x, best.y), std::max(0.0, best.distance)};
}

}  // namespace

InteriorPoint pole_of_inaccessibility(const geo::MultiPolygon& shape, double precision) {
  InteriorPoint best{geo::Point(0, 0), -1};
  for (const geo::Polygon& part : shape) {
    if (part.outer().size() < 4) continue;
    const InteriorPoint candidate = polylabel(part, precision);
    if (candidate.distance > best.distance) best = candidate;
  }
  if (best.distance < 0) best.distance = 0;
  return best;
}

}  // namespace wijkatlas::render
