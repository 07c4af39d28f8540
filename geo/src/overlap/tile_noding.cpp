#include "overlap/tile_noding.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <unordered_map>

#include "overlap/orientation.hpp"
#include "overlap/segment_pairs.hpp"

namespace wijkatlas::geo::overlap_detail {
namespace {

double signed_area(const Ring& ring) {
  double twice = 0;
  const Point& o = ring.front();
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    twice += (ring[i].x() - o.x()) * (ring[i + 1].y() - o.y()) -
             (ring[i + 1].x() - o.x()) * (ring[i].y() - o.y());
  }
  return twice / 2;
}

// Where the segment p-q crosses x = c (or y = c). The endpoints are put in a fixed order first,
// so two rings that share this segment in opposite directions get the same point.
Point cut_x(Point p, Point q, double c) {
  if (q.x() < p.x() || (q.x() == p.x() && q.y() < p.y())) std::swap(p, q);
  return {c, p.y() + (c - p.x()) * (q.y() - p.y()) / (q.x() - p.x())};
}
Point cut_y(Point p, Point q, double c) {
  if (q.y() < p.y() || (q.y() == p.y() && q.x() < p.x())) std::swap(p, q);
  return {p.x() + (c - p.y()) * (q.x() - p.x()) / (q.y() - p.y()), c};
}

template <typename Inside, typename Cut>
void clip_half_plane(const std::vector<Point>& in, std::vector<Point>& out, Inside inside,
                     Cut cut) {
  out.clear();
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point& prev = in[(i + n - 1) % n];
    const Point& cur = in[i];
    const bool ci = inside(cur), pi = inside(prev);
    if (ci != pi) out.push_back(cut(prev, cur));
    if (ci) out.push_back(cur);
  }
}

struct PointKey {
  std::uint64_t x, y;
  bool operator==(const PointKey&) const = default;
};
struct PointKeyHash {
  std::size_t operator()(const PointKey& k) const noexcept {
    std::uint64_t h = k.x * 0x9E3779B97F4A7C15ULL;
    h ^= (k.y + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2)) * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

class VertexTable {
 public:
  explicit VertexTable(std::size_t expected) {
    ids_.reserve(expected);
    points_.reserve(expected);
  }
  std::uint32_t id(const Point& p) {
    // + 0.0 makes -0 and +0 one vertex.
    const PointKey key{std::bit_cast<std::uint64_t>(p.x() + 0.0),
                       std::bit_cast<std::uint64_t>(p.y() + 0.0)};
    auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(points_.size()));
    if (inserted) points_.push_back(p);
    return it->second;
  }
  const Point& operator[](std::uint32_t i) const { return points_[i]; }
  std::vector<Point> take() { return std::move(points_); }

 private:
  std::unordered_map<PointKey, std::uint32_t, PointKeyHash> ids_;
  std::vector<Point> points_;
};

bool in_box(const Point& p, const Point& a, const Point& b) {
  return std::min(a.x(), b.x()) <= p.x() && p.x() <= std::max(a.x(), b.x()) &&
         std::min(a.y(), b.y()) <= p.y() && p.y() <= std::max(a.y(), b.y());
}

// The crossing point of two properly crossing segments, kept inside both boxes.
Point crossing(const Point& a, const Point& b, const Point& c, const Point& d) {
  const double rx = b.x() - a.x(), ry = b.y() - a.y(), sx = d.x() - c.x(), sy = d.y() - c.y();
  const double qx = c.x() - a.x(), qy = c.y() - a.y();
  const double t = (qx * sy - qy * sx) / (rx * sy - ry * sx);
  const double x =
      std::clamp(a.x() + t * rx, std::max(std::min(a.x(), b.x()), std::min(c.x(), d.x())),
                 std::min(std::max(a.x(), b.x()), std::max(c.x(), d.x())));
  const double y =
      std::clamp(a.y() + t * ry, std::max(std::min(a.y(), b.y()), std::min(c.y(), d.y())),
                 std::min(std::max(a.y(), b.y()), std::max(c.y(), d.y())));
  return {x, y};
}

struct IdSegment {
  std::uint32_t a, b;
  std::int32_t dn, dN;
};

SegmentBox box_of(const Point& a, const Point& b) {
  return {std::min(a.x(), b.x()), std::min(a.y(), b.y()), std::max(a.x(), b.x()),
          std::max(a.y(), b.y())};
}

// Whether two edges of the noded graph meet anywhere but in a shared end vertex.
bool edges_conflict(const VertexTable& v, const PlanarEdge& e, const PlanarEdge& f) {
  const Point &a = v[e.u], &b = v[e.v], &c = v[f.u], &d = v[f.v];
  const bool shared = e.u == f.u || e.u == f.v || e.v == f.u || e.v == f.v;
  if (shared) {
    if ((e.u == f.u && e.v == f.v)) return true;
    // Two edges from one vertex overlap only when they leave it in the same direction.
    const Point& o = (e.u == f.u || e.u == f.v) ? a : b;
    const Point& p = &o == &a ? b : a;
    const Point& q = (f.u == e.u || f.u == e.v) ? d : c;
    if (orientation(o, p, q) != 0) return false;
    return (p.x() - o.x()) * (q.x() - o.x()) + (p.y() - o.y()) * (q.y() - o.y()) > 0;
  }
  const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
  if (o1 * o2 > 0) return false;
  const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
  if (o3 * o4 > 0) return false;
  if (o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0) return true;  // a proper crossing
  return (o1 == 0 && in_box(c, a, b)) || (o2 == 0 && in_box(d, a, b)) ||
         (o3 == 0 && in_box(a, c, d)) || (o4 == 0 && in_box(b, c, d));
}

// Clipping leaves many segments on the tile's edges (every clipped ring runs along them, often
// back and forth). Noding them pairwise would cost the square of their number; on one exact
// line they are intervals, so their changes are summed by a sweep along each tile edge first.
std::vector<DirectedSegment> merge_tile_edges(std::span<const DirectedSegment> in,
                                              const Box& tile) {
  const double x0 = tile.min_corner().x(), y0 = tile.min_corner().y();
  const double x1 = tile.max_corner().x(), y1 = tile.max_corner().y();
  struct Event {
    double t;
    std::int32_t dn, dN;
  };
  std::array<std::vector<Event>, 4> sides;  // x = x0, x = x1 (t = y); y = y0, y = y1 (t = x)
  std::vector<DirectedSegment> out;
  out.reserve(in.size());
  for (const DirectedSegment& s : in) {
    int side = -1;
    double ta = 0, tb = 0;
    if (s.a.x() == s.b.x() && (s.a.x() == x0 || s.a.x() == x1)) {
      side = s.a.x() == x0 ? 0 : 1;
      ta = s.a.y();
      tb = s.b.y();
    } else if (s.a.y() == s.b.y() && (s.a.y() == y0 || s.a.y() == y1)) {
      side = s.a.y() == y0 ? 2 : 3;
      ta = s.a.x();
      tb = s.b.x();
    }
    if (side < 0) {
      out.push_back(s);
      continue;
    }
    // As an interval from low to high t: the change flips sign when the segment runs backwards.
    const std::int32_t sign = ta < tb ? 1 : -1;
    auto& events = sides[static_cast<std::size_t>(side)];
    events.push_back({std::min(ta, tb), sign * s.dn, sign * s.dN});
    events.push_back({std::max(ta, tb), -sign * s.dn, -sign * s.dN});
  }
  for (std::size_t side = 0; side < 4; ++side) {
    auto& events = sides[side];
    std::sort(events.begin(), events.end(),
              [](const Event& p, const Event& q) { return p.t < q.t; });
    std::int32_t dn = 0, dN = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
      dn += events[i].dn;
      dN += events[i].dN;
      if (i + 1 == events.size() || events[i + 1].t == events[i].t || (dn == 0 && dN == 0))
        continue;
      const double ta = events[i].t, tb = events[i + 1].t;
      const double fixed = side == 0 ? x0 : side == 1 ? x1 : side == 2 ? y0 : y1;
      if (side < 2) {
        out.push_back({{fixed, ta}, {fixed, tb}, dn, dN});
      } else {
        out.push_back({{ta, fixed}, {tb, fixed}, dn, dN});
      }
    }
  }
  return out;
}

}  // namespace

void add_clipped_ring(const Ring& ring, bool hole, std::int32_t dn, std::int32_t dN,
                      const Box& tile, std::vector<DirectedSegment>& out) {
  if (ring.size() < 4) return;
  // Interior on the left: counter-clockwise shells, clockwise holes.
  const double area = signed_area(ring);
  if (area == 0) return;
  const std::int32_t sign = (area > 0) != hole ? 1 : -1;
  std::vector<Point> a(ring.begin(), ring.end() - 1), b;
  const double x0 = tile.min_corner().x(), y0 = tile.min_corner().y();
  const double x1 = tile.max_corner().x(), y1 = tile.max_corner().y();
  bool inside = true;
  for (const Point& p : a)
    inside = inside && x0 <= p.x() && p.x() <= x1 && y0 <= p.y() && p.y() <= y1;
  if (!inside) {
    clip_half_plane(
        a, b, [&](const Point& p) { return p.x() >= x0; },
        [&](const Point& p, const Point& q) { return cut_x(p, q, x0); });
    clip_half_plane(
        b, a, [&](const Point& p) { return p.x() <= x1; },
        [&](const Point& p, const Point& q) { return cut_x(p, q, x1); });
    clip_half_plane(
        a, b, [&](const Point& p) { return p.y() >= y0; },
        [&](const Point& p, const Point& q) { return cut_y(p, q, y0); });
    clip_half_plane(
        b, a, [&](const Point& p) { return p.y() <= y1; },
        [&](const Point& p, const Point& q) { return cut_y(p, q, y1); });
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Point& p = a[i];
    const Point& q = a[(i + 1) % a.size()];
    if (p.x() == q.x() && p.y() == q.y()) continue;
    out.push_back({p, q, sign * dn, sign * dN});
  }
}

std::optional<PlanarGraph> node_segments(std::span<const DirectedSegment> input, const Box& tile) {
  const std::vector<DirectedSegment> segments = merge_tile_edges(input, tile);
  VertexTable vertices(segments.size() + segments.size() / 4);
  std::vector<IdSegment> segs;
  std::vector<SegmentBox> boxes;
  segs.reserve(segments.size());
  boxes.reserve(segments.size());
  for (const DirectedSegment& s : segments) {
    const std::uint32_t a = vertices.id(s.a), b = vertices.id(s.b);
    if (a == b) continue;
    segs.push_back({a, b, s.dn, s.dN});
    boxes.push_back(box_of(s.a, s.b));
  }

  // Split points: (segment, vertex).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> splits;
  auto split = [&](std::uint32_t s, std::uint32_t v) {
    if (v != segs[s].a && v != segs[s].b) splits.emplace_back(s, v);
  };
  for_each_overlapping_pair(std::span<const SegmentBox>(boxes), tile,
                            [&](std::uint32_t i, std::uint32_t j) {
                              const IdSegment& si = segs[i];
                              const IdSegment& sj = segs[j];
                              const Point &a = vertices[si.a], &b = vertices[si.b],
                                          &c = vertices[sj.a], &d = vertices[sj.b];
                              const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
                              if (o1 * o2 > 0) return;
                              const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
                              if (o3 * o4 > 0) return;
                              if (o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0) {
                                const std::uint32_t x = vertices.id(crossing(a, b, c, d));
                                split(i, x);
                                split(j, x);
                                return;
                              }
                              // Touching or collinear: an end vertex lying on the other segment
                              // splits it.
                              if (o1 == 0 && in_box(c, a, b)) split(i, sj.a);
                              if (o2 == 0 && in_box(d, a, b)) split(i, sj.b);
                              if (o3 == 0 && in_box(a, c, d)) split(j, si.a);
                              if (o4 == 0 && in_box(b, c, d)) split(j, si.b);
                            });
  std::sort(splits.begin(), splits.end());

  // Pieces between consecutive split points, oriented u < v, equal pieces summed.
  std::vector<PlanarEdge> pieces;
  pieces.reserve(segs.size() + 2 * splits.size());
  std::vector<std::uint32_t> along;
  auto emit = [&](std::uint32_t p, std::uint32_t q, const IdSegment& s) {
    if (p == q) return;
    if (p < q) {
      pieces.push_back({p, q, s.dn, s.dN});
    } else {
      pieces.push_back({q, p, -s.dn, -s.dN});
    }
  };
  std::size_t k = 0;
  for (std::uint32_t s = 0; s < segs.size(); ++s) {
    const IdSegment& seg = segs[s];
    if (k == splits.size() || splits[k].first != s) {
      emit(seg.a, seg.b, seg);
      continue;
    }
    along.clear();
    for (; k < splits.size() && splits[k].first == s; ++k) along.push_back(splits[k].second);
    const Point& a = vertices[seg.a];
    const double dx = vertices[seg.b].x() - a.x(), dy = vertices[seg.b].y() - a.y();
    auto key = [&](std::uint32_t v) {
      return (vertices[v].x() - a.x()) * dx + (vertices[v].y() - a.y()) * dy;
    };
    std::sort(along.begin(), along.end(),
              [&](std::uint32_t p, std::uint32_t q) { return key(p) < key(q); });
    std::uint32_t prev = seg.a;
    for (const std::uint32_t v : along) {
      emit(prev, v, seg);
      prev = v;
    }
    emit(prev, seg.b, seg);
  }
  std::sort(pieces.begin(), pieces.end(), [](const PlanarEdge& p, const PlanarEdge& q) {
    return p.u != q.u ? p.u < q.u : p.v < q.v;
  });
  PlanarGraph graph;
  for (const PlanarEdge& p : pieces) {
    if (!graph.edges.empty() && graph.edges.back().u == p.u && graph.edges.back().v == p.v) {
      graph.edges.back().dn += p.dn;
      graph.edges.back().dN += p.dN;
    } else {
      graph.edges.push_back(p);
    }
  }
  std::erase_if(graph.edges, [](const PlanarEdge& e) { return e.dn == 0 && e.dN == 0; });

  // Rounded crossing points can move a piece across a nearby vertex or edge: check every pair.
  boxes.clear();
  for (const PlanarEdge& e : graph.edges) boxes.push_back(box_of(vertices[e.u], vertices[e.v]));
  bool proper = true;
  for_each_overlapping_pair(
      std::span<const SegmentBox>(boxes), tile, [&](std::uint32_t i, std::uint32_t j) {
        if (proper && edges_conflict(vertices, graph.edges[i], graph.edges[j])) proper = false;
      });
  if (!proper) return std::nullopt;
  graph.vertices = vertices.take();
  return graph;
}

}  // namespace wijkatlas::geo::overlap_detail
