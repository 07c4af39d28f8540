#include "wijkatlas/geo/locator.hpp"

#include <algorithm>
#include <boost/function_output_iterator.hpp>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <thread>

#include "wijkatlas/support/huge_page_array.hpp"

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
  support::HugePageArray<Edge> edges;

  // Band holding y, by the same arithmetic that band_edges() uses at query time, so that an
  // edge is always filed in every band a query on it can look in. The on-edge test has a
  // 1 µm tolerance, so an edge is filed that far beyond its ends too.
  static std::uint32_t band_of(const BandedPolygon& bp, double y) {
    const double position = (y - bp.ymin) * bp.inverse_band_height;
    return static_cast<std::uint32_t>(std::clamp(position, 0.0, static_cast<double>(bp.band_count - 1)));
  }
  static constexpr double reach = 1e-6;

  static void collect_polygon_edges(const MultiPolygon& mp, std::vector<Edge>& own) {
    own.clear();
    for (const auto& polygon : mp) {
      collect_edges(polygon.outer(), own);
      for (const auto& inner : polygon.inners()) collect_edges(inner, own);
    }
  }

  // Pass 1: lay out the bands of one polygon and count the edges filed in each.
  void count_polygon(const std::vector<Edge>& own) {
    BandedPolygon bp;
    bp.first_band = static_cast<std::uint32_t>(band_offsets.size() - 1);
    if (!own.empty()) {
      double ymin = own.front().y0, ymax = own.front().y1;
      for (const auto& e : own) {
        ymin = std::min(ymin, e.y0);
        ymax = std::max(ymax, e.y1);
      }
      // About four edges per band keeps the exact test short without wasting memory.
      bp.band_count = static_cast<std::uint32_t>(std::clamp<std::size_t>(own.size() / 4, 1, 1024));
      bp.ymin = ymin;
      bp.inverse_band_height = bp.band_count / std::max(ymax - ymin, 1e-9);
      band_offsets.resize(band_offsets.size() + bp.band_count, 0);
      std::uint32_t* count = band_offsets.data() + bp.first_band + 1;
      for (const auto& e : own) {
        for (std::uint32_t b = band_of(bp, e.y0 - reach), last = band_of(bp, e.y1 + reach); b <= last; ++b) ++count[b];
      }
    }
    polygons.push_back(bp);
  }

  // Pass 2, after the counts became offsets: file the edges. `cursor` holds, per band, the
  // next free slot.
  void fill_polygon(std::uint32_t index, const std::vector<Edge>& own, std::vector<std::uint32_t>& cursor) {
    const BandedPolygon& bp = polygons[index];
    for (const auto& e : own) {
      for (std::uint32_t b = band_of(bp, e.y0 - reach), last = band_of(bp, e.y1 + reach); b <= last; ++b) {
        edges[cursor[bp.first_band + b]++] = e;
      }
    }
  }

  // The edges of the band of `index` that holds y = py (empty when the polygon has none).
  std::span<const Edge> band_edges(std::uint32_t index, double py) const {
    const BandedPolygon& bp = polygons[index];
    if (bp.band_count == 0) return {};
    const std::uint32_t band = band_of(bp, py);
    const std::uint32_t begin = band_offsets[bp.first_band + band];
    const std::uint32_t end = band_offsets[bp.first_band + band + 1];
    return std::span<const Edge>(edges.data() + begin, end - begin);
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
  Impl& impl = *impl_;
  impl.band_offsets.push_back(0);
  impl.polygons.reserve(polygons.size());
  std::vector<Edge> own;
  // Two passes over the polygons (counting sort): the edge index is allocated once, exactly.
  for (const auto& mp : polygons) {
    Impl::collect_polygon_edges(mp, own);
    impl.count_polygon(own);
  }
  for (std::size_t b = 1; b < impl.band_offsets.size(); ++b) impl.band_offsets[b] += impl.band_offsets[b - 1];
  impl.edges = support::HugePageArray<Edge>(impl.band_offsets.back());
  std::vector<std::uint32_t> cursor(impl.band_offsets.begin(), impl.band_offsets.end() - 1);
  std::vector<Impl::Entry> entries;
  entries.reserve(polygons.size());
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    Impl::collect_polygon_edges(polygons[i], own);
    impl.fill_polygon(static_cast<std::uint32_t>(i), own, cursor);
    if (!polygons[i].empty()) {
      entries.emplace_back(boost::geometry::return_envelope<Box>(polygons[i]), static_cast<std::uint32_t>(i));
    }
  }
  // The range constructor bulk-loads (packs) the tree: faster to build and to query.
  impl.tree = decltype(impl.tree)(entries.begin(), entries.end());
}

PolygonLocator::~PolygonLocator() = default;
PolygonLocator::PolygonLocator(PolygonLocator&&) noexcept = default;
PolygonLocator& PolygonLocator::operator=(PolygonLocator&&) noexcept = default;

std::size_t PolygonLocator::polygon_count() const { return impl_->polygons.size(); }

std::int32_t PolygonLocator::locate(const Point& p) const { return impl_->locate(p); }

namespace {

// Spreads the low 16 bits of v to the even bits (for a Morton code).
std::uint32_t spread_bits(std::uint32_t v) {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

// Point indices in Morton (Z-curve) order: neighbouring queries then touch the same R-tree
// nodes and polygon edges, which stay in cache. Input order is often random (addresses,
// generated points), and that makes every query a cache miss.
std::vector<std::uint32_t> z_order(std::span<const Point> points) {
  Box box(points.front(), points.front());
  for (const Point& p : points) boost::geometry::expand(box, p);
  const double sx = 65535.0 / std::max(box.max_corner().x() - box.min_corner().x(), 1e-9);
  const double sy = 65535.0 / std::max(box.max_corner().y() - box.min_corner().y(), 1e-9);
  std::vector<std::uint64_t> keyed(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto qx = static_cast<std::uint32_t>((points[i].x() - box.min_corner().x()) * sx);
    const auto qy = static_cast<std::uint32_t>((points[i].y() - box.min_corner().y()) * sy);
    const std::uint64_t morton = spread_bits(qx) | (spread_bits(qy) << 1);
    keyed[i] = (morton << 32) | i;
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::uint32_t> order(points.size());
  for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = static_cast<std::uint32_t>(keyed[i]);
  return order;
}

}  // namespace

void PolygonLocator::locate_all(std::span<const Point> points, std::span<std::int32_t> out,
                                unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Threads only pay off for large inputs.
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, points.size() / 20000 + 1));
  // Sorting pays off once the points no longer fit in cache together with the index.
  const bool sorted = points.size() >= 50000 && points.size() < std::numeric_limits<std::uint32_t>::max();
  const std::vector<std::uint32_t> order = sorted ? z_order(points) : std::vector<std::uint32_t>{};
  auto work = [&](std::size_t begin, std::size_t end) {
    if (sorted) {
      for (std::size_t k = begin; k < end; ++k) out[order[k]] = impl_->locate(points[order[k]]);
    } else {
      for (std::size_t i = begin; i < end; ++i) out[i] = impl_->locate(points[i]);
    }
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
