#include "wijkatlas/geo/locator.hpp"

#include <algorithm>
#include <boost/function_output_iterator.hpp>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <span>
#include <thread>

namespace wijkatlas::geo {
namespace bgi = boost::geometry::index;

namespace {

// A polygon edge stored lower end first, so that two polygons sharing the edge evaluate the
// crossing test on identical numbers and agree on which of them owns a boundary point.
struct Edge {
  double x0, y0, x1, y1;  // y0 <= y1; horizontal edges are kept for the outer-boundary test
};

// Edges of one polygon grouped in horizontal bands: a point only tests the edges of its band.
struct BandedPolygon {
  double ymin = 0;
  double inverse_band_height = 0;
  std::uint32_t band_count = 0;
  std::uint32_t first_band = 0;  // index into Impl::band_offsets
};

template <typename RingRange>
void collect_edges(const RingRange& ring, std::vector<Edge>& edges) {
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const Point& a = ring[i];
    const Point& b = ring[i + 1];
    if (a.y() == b.y() && a.x() == b.x()) continue;  // repeated vertex
    if (a.y() < b.y() || (a.y() == b.y() && a.x() < b.x())) edges.push_back({a.x(), a.y(), b.x(), b.y()});
    else edges.push_back({b.x(), b.y(), a.x(), a.y()});
  }
}

// Crossing test of a ray from p towards +x: half-open in y (the lower end counts, the upper
// does not) and strict in x (a point on the edge is not left of it). Together these give the
// documented boundary rule. Horizontal edges never cross (py < y0 or py >= y1 always holds).
inline bool ray_crosses(const Edge& e, double px, double py) {
  if (py < e.y0 || py >= e.y1) return false;
  return (e.x1 - e.x0) * (py - e.y0) - (px - e.x0) * (e.y1 - e.y0) > 0;
}

// Whether p lies on the edge, within a micrometre (coordinates are metres).
inline bool on_edge(const Edge& e, double px, double py) {
  constexpr double tolerance = 1e-6;
  if (py < e.y0 - tolerance || py > e.y1 + tolerance) return false;
  if (px < std::min(e.x0, e.x1) - tolerance || px > std::max(e.x0, e.x1) + tolerance) return false;
  const double dx = e.x1 - e.x0, dy = e.y1 - e.y0;
  const double cross = dx * (py - e.y0) - (px - e.x0) * dy;
  return std::abs(cross) <= tolerance * std::hypot(dx, dy);
}

}  // namespace

struct PolygonLocator::Impl {
  using Entry = std::pair<Box, std::uint32_t>;
  bgi::rtree<Entry, bgi::rstar<16>> tree;
  std::vector<BandedPolygon> polygons;
  std::vector<std::uint32_t> band_offsets;  // band b of all polygons: edges[offsets[b]..offsets[b+1])
  std::vector<Edge> edges;

  void add_polygon(const MultiPolygon& mp) {
    std::vector<Edge> own;
    for (const auto& polygon : mp) {
      collect_edges(polygon.outer(), own);
      for (const auto& inner : polygon.inners()) collect_edges(inner, own);
    }
    BandedPolygon bp;
    bp.first_band = static_cast<std::uint32_t>(band_offsets.size() - 1);
    if (own.empty()) {
      polygons.push_back(bp);
      return;
    }
    double ymin = own.front().y0, ymax = own.front().y1;
    for (const auto& e : own) {
      ymin = std::min(ymin, e.y0);
      ymax = std::max(ymax, e.y1);
    }
    // About four edges per band keeps the exact test short without wasting memory.
    bp.band_count = static_cast<std::uint32_t>(std::clamp<std::size_t>(own.size() / 4, 1, 1024));
    bp.ymin = ymin;
    bp.inverse_band_height = bp.band_count / std::max(ymax - ymin, 1e-9);
    for (std::uint32_t b = 0; b < bp.band_count; ++b) {
      const double lo = ymin + b / bp.inverse_band_height;
      const double hi = ymin + (b + 1) / bp.inverse_band_height;
      for (const auto& e : own) {
        // Generous overlap test: a band may hold an extra edge, never miss one.
        if (e.y0 <= hi && e.y1 >= lo) edges.push_back(e);
      }
      band_offsets.push_back(static_cast<std::uint32_t>(edges.size()));
    }
    polygons.push_back(bp);
  }

  // The edges of the band of `index` that holds y = py (empty when the polygon has none).
  std::span<const Edge> band_edges(std::uint32_t index, double py) const {
    const BandedPolygon& bp = polygons[index];
    if (bp.band_count == 0) return {};
    const double position = (py - bp.ymin) * bp.inverse_band_height;
    const auto band = static_cast<std::uint32_t>(
        std::clamp(position, 0.0, static_cast<double>(bp.band_count - 1)));
    const std::uint32_t begin = band_offsets[bp.first_band + band];
    const std::uint32_t end = band_offsets[bp.first_band + band + 1];
    return std::span<const Edge>(edges).subspan(begin, end - begin);
  }

  bool contains(std::uint32_t index, double px, double py) const {
    bool inside = false;
    for (const Edge& e : band_edges(index, py)) inside ^= ray_crosses(e, px, py);
    return inside;
  }

  bool touches(std::uint32_t index, double px, double py) const {
    for (const Edge& e : band_edges(index, py)) {
      if (on_edge(e, px, py)) return true;
    }
    return false;
  }

  std::int32_t locate(const Point& p) const {
    std::int32_t best = PolygonLocator::not_found;
    std::int32_t touched = PolygonLocator::not_found;
    auto test = [&](const Entry& entry) {
      const auto index = static_cast<std::int32_t>(entry.second);
      if (best != PolygonLocator::not_found && index > best) return;
      if (contains(entry.second, p.x(), p.y())) {
        best = index;
      } else if (best == PolygonLocator::not_found &&
                 (touched == PolygonLocator::not_found || index < touched) &&
                 touches(entry.second, p.x(), p.y())) {
        touched = index;
      }
    };
    tree.query(bgi::intersects(p), boost::make_function_output_iterator(test));
    // A point on an east or north edge that no neighbour owns (the outer boundary of the
    // whole set) belongs to the polygon it touches rather than to nothing.
    return best != PolygonLocator::not_found ? best : touched;
  }
};

PolygonLocator::PolygonLocator(std::span<const MultiPolygon> polygons)
    : impl_(std::make_unique<Impl>()) {
  impl_->band_offsets.push_back(0);
  std::vector<Impl::Entry> entries;
  entries.reserve(polygons.size());
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    impl_->add_polygon(polygons[i]);
    if (!polygons[i].empty()) {
      entries.emplace_back(boost::geometry::return_envelope<Box>(polygons[i]),
                           static_cast<std::uint32_t>(i));
    }
  }
  // The range constructor bulk-loads (packs) the tree: faster to build and to query.
  impl_->tree = decltype(impl_->tree)(entries.begin(), entries.end());
}

PolygonLocator::~PolygonLocator() = default;
PolygonLocator::PolygonLocator(PolygonLocator&&) noexcept = default;
PolygonLocator& PolygonLocator::operator=(PolygonLocator&&) noexcept = default;

std::size_t PolygonLocator::polygon_count() const { return impl_->polygons.size(); }

std::int32_t PolygonLocator::locate(const Point& p) const { return impl_->locate(p); }

void PolygonLocator::locate_all(std::span<const Point> points, std::span<std::int32_t> out,
                                unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Threads only pay off for large inputs.
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, points.size() / 20000 + 1));
  auto work = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = impl_->locate(points[i]);
  };
  std::vector<std::jthread> workers;
  const std::size_t chunk = (points.size() + threads - 1) / threads;
  for (unsigned t = 1; t < threads; ++t) {
    const std::size_t begin = std::min(points.size(), t * chunk);
    workers.emplace_back(work, begin, std::min(points.size(), begin + chunk));
  }
  work(0, std::min(points.size(), chunk));
}

}  // namespace wijkatlas::geo
