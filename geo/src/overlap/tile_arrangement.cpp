#include "overlap/tile_arrangement.hpp"

#include <algorithm>
#include <cstdint>

#include "overlap/orientation.hpp"
#include "overlap/tile_noding.hpp"

namespace wijkatlas::geo::overlap_detail {
namespace {

constexpr std::uint32_t none = UINT32_MAX;

// Half-edge h of edge h / 2 runs u -> v when even, v -> u when odd.
class Faces {
 public:
  Faces(const PlanarGraph& g, const Box& tile)
      : g_(g), ox_(tile.min_corner().x()), oy_(tile.min_corner().y()) {}

  bool build() {
    link_half_edges();
    trace_cycles();
    return count_cycles();
  }

  std::optional<std::vector<OverlapFace>> faces();

 private:
  std::uint32_t origin(std::uint32_t h) const {
    return h % 2 == 0 ? g_.edges[h / 2].u : g_.edges[h / 2].v;
  }
  const Point& at(std::uint32_t h) const { return g_.vertices[origin(h)]; }
  std::int32_t dn(std::uint32_t h) const {
    return h % 2 == 0 ? g_.edges[h / 2].dn : -g_.edges[h / 2].dn;
  }
  std::int32_t dN(std::uint32_t h) const {
    return h % 2 == 0 ? g_.edges[h / 2].dN : -g_.edges[h / 2].dN;
  }

  // Outgoing half-edges around each vertex, counter-clockwise; next(h) turns at h's end to the
  // edge just clockwise of the way back, so every cycle keeps its face on the left.
  void link_half_edges() {
    const std::size_t nv = g_.vertices.size(), nh = 2 * g_.edges.size();
    start_.assign(nv + 1, 0);
    for (std::uint32_t h = 0; h < nh; ++h) ++start_[origin(h) + 1];
    for (std::size_t v = 1; v <= nv; ++v) start_[v] += start_[v - 1];
    around_.resize(nh);
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (std::uint32_t h = 0; h < nh; ++h) around_[fill[origin(h)]++] = h;
    auto upper = [](const Point& o, const Point& p) {
      return p.y() > o.y() || (p.y() == o.y() && p.x() > o.x());
    };
    for (std::size_t v = 0; v < nv; ++v) {
      const Point& o = g_.vertices[v];
      std::sort(around_.begin() + start_[v], around_.begin() + start_[v + 1],
                [&](std::uint32_t p, std::uint32_t q) {
                  const Point& a = at(p ^ 1u);
                  const Point& b = at(q ^ 1u);
                  const bool ua = upper(o, a), ub = upper(o, b);
                  if (ua != ub) return ua;
                  return orientation(o, a, b) > 0;
                });
    }
    position_.resize(nh);
    for (std::size_t v = 0; v < nv; ++v) {
      for (std::uint32_t i = start_[v]; i < start_[v + 1]; ++i) position_[around_[i]] = i;
    }
  }

  std::uint32_t next(std::uint32_t h) const {
    const std::uint32_t back = h ^ 1u, v = origin(back);
    const std::uint32_t i = position_[back];
    return around_[i == start_[v] ? start_[v + 1] - 1 : i - 1];
  }

  void trace_cycles() {
    const std::size_t nh = 2 * g_.edges.size();
    cycle_of_.assign(nh, none);
    for (std::uint32_t h0 = 0; h0 < nh; ++h0) {
      if (cycle_of_[h0] != none) continue;
      Cycle c;
      c.first = h0;
      bg_init(c);
      std::uint32_t h = h0;
      const auto id = static_cast<std::uint32_t>(cycles_.size());
      do {
        cycle_of_[h] = id;
        const Point& p = at(h);
        const Point& q = at(h ^ 1u);
        c.twice_area += (p.x() - ox_) * (q.y() - oy_) - (q.x() - ox_) * (p.y() - oy_);
        c.x0 = std::min(c.x0, p.x());
        c.y0 = std::min(c.y0, p.y());
        c.x1 = std::max(c.x1, p.x());
        c.y1 = std::max(c.y1, p.y());
        h = next(h);
      } while (h != h0);
      cycles_.push_back(c);
    }
  }

  struct Cycle {
    std::uint32_t first = 0;
    double twice_area = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::uint32_t component = none;
    std::int32_t n = 0, N = 0;  // relative to the component's outer cycle, then absolute
  };
  static void bg_init(Cycle& c) {
    c.x0 = c.y0 = HUGE_VAL;
    c.x1 = c.y1 = -HUGE_VAL;
  }

  // Whether p lies inside cycle c (p never lies on it: see count_cycles).
  bool contains(const Cycle& c, const Point& p) const {
    if (p.x() < c.x0 || p.x() > c.x1 || p.y() < c.y0 || p.y() > c.y1) return false;
    bool inside = false;
    std::uint32_t h = c.first;
    do {
      const Point& a = at(h);
      const Point& b = at(h ^ 1u);
      if ((a.y() > p.y()) != (b.y() > p.y())) {
        const int o = orientation(a, b, p);
        if ((b.y() > a.y()) ? o > 0 : o < 0) inside = !inside;
      }
      h = next(h);
    } while (h != c.first);
    return inside;
  }

  // Per connected component: the counts of its cycles relative to its one outer (clockwise)
  // cycle, by crossing edges; then each component's outer cycle gets the count of the smallest
  // face of another component around it (none: outside everything, 0).
  bool count_cycles() {
    std::vector<std::uint32_t> queue;
    for (std::uint32_t c0 = 0; c0 < cycles_.size(); ++c0) {
      if (cycles_[c0].component != none) continue;
      const auto comp = static_cast<std::uint32_t>(outer_.size());
      outer_.push_back(none);
      cycles_[c0].component = comp;
      queue.assign(1, c0);
      for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::uint32_t c = queue[q];
        if (cycles_[c].twice_area < 0) {
          if (outer_[comp] != none) return false;  // a connected graph has one outer cycle
          outer_[comp] = c;
        } else if (cycles_[c].twice_area == 0) {
          return false;
        }
        std::uint32_t h = cycles_[c].first;
        do {
          // The face left of h minus the face right of it (left of h's twin) is h's change.
          const std::uint32_t other = cycle_of_[h ^ 1u];
          const std::int32_t n = cycles_[c].n - dn(h), N = cycles_[c].N - dN(h);
          if (cycles_[other].component == none) {
            cycles_[other].component = comp;
            cycles_[other].n = n;
            cycles_[other].N = N;
            queue.push_back(other);
          } else if (cycles_[other].n != n || cycles_[other].N != N) {
            return false;
          }
          h = next(h);
        } while (h != cycles_[c].first);
      }
      if (outer_[comp] == none) return false;
      const std::int32_t outer_n = cycles_[outer_[comp]].n, outer_N = cycles_[outer_[comp]].N;
      for (std::uint32_t c : queue) {
        cycles_[c].n -= outer_n;
        cycles_[c].N -= outer_N;
      }
    }
    // The face around each component: the smallest counter-clockwise cycle of another
    // component that contains one of its vertices (components share no vertex and no edge
    // crosses another, so the vertex is strictly inside or outside).
    parent_.assign(outer_.size(), none);
    for (std::uint32_t comp = 0; comp < outer_.size(); ++comp) {
      const Point& p = at(cycles_[outer_[comp]].first);
      double best = HUGE_VAL;
      for (std::uint32_t c = 0; c < cycles_.size(); ++c) {
        const Cycle& cy = cycles_[c];
        if (cy.component == comp || cy.twice_area <= 0 || cy.twice_area >= best) continue;
        if (contains(cy, p)) {
          best = cy.twice_area;
          parent_[comp] = c;
        }
      }
    }
    resolved_.assign(outer_.size(), 0);
    for (std::uint32_t comp = 0; comp < outer_.size(); ++comp) {
      if (!resolve(comp, 0)) return false;
    }
    return true;
  }

  // Adds the count of the face around the component to all its cycles (outer ones first).
  bool resolve(std::uint32_t comp, int depth) {
    if (resolved_[comp] == 2) return true;
    if (resolved_[comp] == 1 || depth > 10000) return false;  // nesting cannot be circular
    resolved_[comp] = 1;
    std::int32_t n = 0, N = 0;
    if (parent_[comp] != none) {
      const std::uint32_t around = cycles_[parent_[comp]].component;
      if (!resolve(around, depth + 1)) return false;
      n = cycles_[parent_[comp]].n;
      N = cycles_[parent_[comp]].N;
    }
    for (Cycle& c : cycles_) {
      if (c.component != comp) continue;
      c.n += n;
      c.N += N;
      if (c.n < 0 || c.N < 0) return false;
    }
    resolved_[comp] = 2;
    return true;
  }

  // A cycle as simple rings: split where it passes a vertex twice (a face touching itself).
  void simple_rings(std::uint32_t c, std::vector<std::vector<std::uint32_t>>& out) {
    stack_.clear();
    if (mark_.size() < g_.vertices.size()) mark_.assign(g_.vertices.size(), none);
    std::uint32_t h = cycles_[c].first;
    do {
      const std::uint32_t v = origin(h);
      if (mark_[v] != none) {
        const std::uint32_t from = mark_[v];
        out.emplace_back(stack_.begin() + from, stack_.end());
        for (std::size_t i = from + 1; i < stack_.size(); ++i) mark_[stack_[i]] = none;
        stack_.resize(from + 1);
      } else {
        mark_[v] = static_cast<std::uint32_t>(stack_.size());
        stack_.push_back(v);
      }
      h = next(h);
    } while (h != cycles_[c].first);
    for (const std::uint32_t v : stack_) mark_[v] = none;
    out.emplace_back(stack_);
  }

  double ring_twice_area(const std::vector<std::uint32_t>& ring) const {
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const Point& p = g_.vertices[ring[i]];
      const Point& q = g_.vertices[ring[(i + 1) % ring.size()]];
      twice += (p.x() - ox_) * (q.y() - oy_) - (q.x() - ox_) * (p.y() - oy_);
    }
    return twice;
  }

  Ring ring_points(const std::vector<std::uint32_t>& ring) const {
    Ring r;
    r.reserve(ring.size() + 1);
    for (const std::uint32_t v : ring) r.push_back(g_.vertices[v]);
    r.push_back(r.front());
    return r;
  }

  const PlanarGraph& g_;
  double ox_, oy_;
  std::vector<std::uint32_t> start_, around_, position_, cycle_of_;
  std::vector<Cycle> cycles_;
  std::vector<std::uint32_t> outer_, parent_;
  std::vector<int> resolved_;
  std::vector<std::uint32_t> stack_, mark_;
};

std::optional<std::vector<OverlapFace>> Faces::faces() {
  // Holes: the outer cycles of the components inside each face.
  std::vector<std::vector<std::uint32_t>> holes_of(cycles_.size());
  for (std::uint32_t comp = 0; comp < outer_.size(); ++comp) {
    if (parent_[comp] != none) holes_of[parent_[comp]].push_back(outer_[comp]);
  }
  std::vector<OverlapFace> out;
  std::vector<std::vector<std::uint32_t>> rings, hole_rings;
  for (std::uint32_t c = 0; c < cycles_.size(); ++c) {
    const Cycle& cy = cycles_[c];
    if (cy.twice_area <= 0 || cy.n < 1) continue;
    rings.clear();
    hole_rings.clear();
    simple_rings(c, rings);
    for (const std::uint32_t h : holes_of[c]) {
      const std::size_t before = hole_rings.size();
      simple_rings(h, hole_rings);
      for (std::size_t i = before; i < hole_rings.size(); ++i) {
        if (ring_twice_area(hole_rings[i]) >= 0) return std::nullopt;
      }
    }
    std::vector<std::size_t> shells;
    for (std::size_t i = 0; i < rings.size(); ++i) {
      const double a = ring_twice_area(rings[i]);
      if (a > 0) {
        shells.push_back(i);
      } else if (a < 0) {
        hole_rings.push_back(std::move(rings[i]));
      } else {
        return std::nullopt;
      }
    }
    // A face in several lobes that also has holes would need each hole placed in its lobe:
    // rare enough to leave to GEOS.
    if (shells.size() != 1 && !hole_rings.empty()) return std::nullopt;
    for (const std::size_t s : shells) {
      OverlapFace& f = out.emplace_back();
      f.n = cy.n;
      f.N = cy.N;
      f.geometry.outer() = ring_points(rings[s]);
      double twice = ring_twice_area(rings[s]);
      if (shells.size() == 1) {
        for (const auto& hole : hole_rings) {
          f.geometry.inners().push_back(ring_points(hole));
          twice += ring_twice_area(hole);
        }
      }
      f.area = twice / 2;
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<OverlapFace>> arrange_tile(const Box& tile, const SheetIndex& index,
                                                     std::span<const DissolvedSheet> sheets) {
  std::vector<DirectedSegment> segments;
  auto add = [&](const Polygon& polygon, std::int32_t dn, std::int32_t dN) {
    add_clipped_ring(polygon.outer(), false, dn, dN, tile, segments);
    for (const Ring& hole : polygon.inners()) add_clipped_ring(hole, true, dn, dN, tile, segments);
  };
  for (const auto& [box, ref] : index.marked_in(tile))
    add(sheets[ref.sheet].marked[ref.part], 1, 0);
  for (const auto& [box, ref] : index.coverage_in(tile))
    add(sheets[ref.sheet].coverage[ref.part], 0, 1);
  const std::optional<PlanarGraph> graph = node_segments(segments, tile);
  if (!graph) return std::nullopt;
  Faces faces(*graph, tile);
  if (!faces.build()) return std::nullopt;
  return faces.faces();
}

}  // namespace wijkatlas::geo::overlap_detail
