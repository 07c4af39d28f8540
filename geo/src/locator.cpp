#include "wijkatlas/geo/locator.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <thread>

#include "locator/banded_polygons.hpp"
#include "locator/cell_grid.hpp"
#include "overlap/parallel.hpp"

namespace wijkatlas::geo {
using locator_detail::BandedPolygons;
using locator_detail::CellGrid;

namespace {

// Grid cells per expected point. Building a cell costs about as much as locating a point; on
// 14,000 polygons location got little faster beyond about a cell per point (the exact tests
// of edge cells dominate, and grouped points keep their edges in cache), nor beyond two million
// cells, while building kept growing.
constexpr double cells_per_point = 1;
constexpr std::size_t min_cells = std::size_t{1} << 16;
constexpr std::size_t max_cells = std::size_t{1} << 21;
constexpr std::size_t default_cells = max_cells;  // when the count is unknown

template <typename Ring>
void add_extent(const Ring& ring, Box& bounds, double& length) {
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point& p = ring[i];
    if (bounds.min_corner().x() > bounds.max_corner().x())
      bounds = Box(p, p);
    else
      boost::geometry::expand(bounds, p);
    if (i > 0) {
      const double dx = p.x() - ring[i - 1].x(), dy = p.y() - ring[i - 1].y();
      length += std::sqrt(dx * dx + dy * dy);
    }
  }
}

std::size_t grid_cells(const LocatorOptions& options) {
  if (options.expected_points == 0) return default_cells;
  const auto cells =
      static_cast<std::size_t>(static_cast<double>(options.expected_points) * cells_per_point);
  return std::clamp(cells, min_cells, max_cells);
}

}  // namespace

struct PolygonLocator::Impl {
  BandedPolygons polygons;
  CellGrid grid;

  // The exact rule on an edge cell's candidates (ascending): the lowest polygon that contains
  // p, else the cell's base polygon (it holds the whole cell), else the lowest one p lies on.
  // Only polygons whose bounding box holds p count, as an R-tree query would give them.
  std::int32_t locate_in(const CellGrid::EdgeCell& cell, double px, double py) const {
    const auto candidates = grid.candidates(cell);
    for (std::uint32_t k : candidates) {
      if (polygons.box_covers(k, px, py) && polygons.contains(k, px, py)) {
        return static_cast<std::int32_t>(k);
      }
    }
    if (cell.base >= 0) return cell.base;
    // A point on an east or north edge that no neighbour owns (the outer boundary of the
    // whole set) belongs to the polygon it touches rather than to nothing.
    for (std::uint32_t k : candidates) {
      if (polygons.box_covers(k, px, py) && polygons.touches(k, px, py)) {
        return static_cast<std::int32_t>(k);
      }
    }
    return PolygonLocator::not_found;
  }

  // The last links of locate_in's lookups for a point at y = py in edge cell `cell` (its grid
  // value): where the first candidate's band lies, or (once that is cached) the band's edges.
  void prefetch_first_band(std::int32_t cell, double py, bool edges) const {
    const auto candidates = grid.candidates(grid.edge_cell(cell));
    if (candidates.empty()) return;
    if (edges)
      polygons.prefetch_band_edges(candidates.front(), py);
    else
      polygons.prefetch_band(candidates.front(), py);
  }

  std::int32_t locate(const Point& p) const {
    const std::int32_t value = grid.value(p.x(), p.y());
    if (!CellGrid::is_edge(value)) return value;  // a polygon, or outside (== not_found)
    return locate_in(grid.edge_cell(value), p.x(), p.y());
  }
};

namespace {

// The polygons as the builder reads them: held in the span, or pointed to.
const MultiPolygon& polygon_at(std::span<const MultiPolygon> polygons, std::size_t k) {
  return polygons[k];
}
const MultiPolygon& polygon_at(std::span<const MultiPolygon* const> polygons, std::size_t k) {
  return *polygons[k];
}

}  // namespace

PolygonLocator::PolygonLocator(std::span<const MultiPolygon> polygons,
                               const LocatorOptions& options)
    : impl_(std::make_unique<Impl>()) {
  build(polygons, options);
}

PolygonLocator::PolygonLocator(std::span<const MultiPolygon* const> polygons,
                               const LocatorOptions& options)
    : impl_(std::make_unique<Impl>()) {
  build(polygons, options);
}

template <typename Polygons>
void PolygonLocator::build(const Polygons& polygons, const LocatorOptions& options) {
  const unsigned threads =
      options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads;
  // The grid's size follows from the polygons' extent and the length of their edges.
  Box bounds(Point(1, 1), Point(0, 0));  // empty
  double length = 0;
  for (std::size_t k = 0; k < polygons.size(); ++k) {
    for (const auto& polygon : polygon_at(polygons, k)) {
      add_extent(polygon.outer(), bounds, length);
      for (const auto& inner : polygon.inners()) add_extent(inner, bounds, length);
    }
  }
  impl_->grid = CellGrid(bounds, length, grid_cells(options));
  // Then every polygon's edges into both indexes; chunks of polygons on all threads. The edge
  // index is one array: a first pass counts each chunk's part of it.
  const std::size_t chunks = std::min<std::size_t>(polygons.size(), 64);
  auto chunk_begin = [&](std::size_t chunk) { return chunk * polygons.size() / chunks; };
  std::vector<std::size_t> filed(chunks + 1, 0);
  std::vector<std::size_t> vertices(chunks, 0);
  overlap_detail::parallel_for(chunks, threads, [&](std::size_t chunk) {
    std::vector<locator_detail::Edge> own;
    for (std::size_t k = chunk_begin(chunk); k < chunk_begin(chunk + 1); ++k) {
      own.clear();
      locator_detail::collect_polygon_edges(polygon_at(polygons, k), own);
      vertices[chunk] += own.size();
      filed[chunk + 1] += BandedPolygons::filed_edges(own);
    }
  });
  for (std::size_t chunk = 1; chunk <= chunks; ++chunk) filed[chunk] += filed[chunk - 1];
  support::HugePageArray<locator_detail::Edge> edges(filed[chunks]);
  std::vector<BandedPolygons::Chunk> banded(chunks);
  std::vector<CellGrid::Chunk> cells(chunks);
  overlap_detail::parallel_for(chunks, threads, [&](std::size_t chunk) {
    banded[chunk].use(edges.data() + filed[chunk], filed[chunk + 1] - filed[chunk]);
    cells[chunk].reserve(vertices[chunk]);
    std::vector<locator_detail::Edge> own;
    for (std::size_t k = chunk_begin(chunk); k < chunk_begin(chunk + 1); ++k) {
      own.clear();
      locator_detail::collect_polygon_edges(polygon_at(polygons, k), own);
      banded[chunk].add(own);
      impl_->grid.add(cells[chunk], static_cast<std::uint32_t>(k), own);
    }
  });
  impl_->polygons = BandedPolygons(std::move(banded), std::move(edges));
  impl_->grid.finish(cells, threads);
}

PolygonLocator::~PolygonLocator() = default;
PolygonLocator::PolygonLocator(PolygonLocator&&) noexcept = default;
PolygonLocator& PolygonLocator::operator=(PolygonLocator&&) noexcept = default;

std::size_t PolygonLocator::polygon_count() const {
  return impl_->polygons.size();
}

std::int32_t PolygonLocator::locate(const Point& p) const {
  return impl_->locate(p);
}

PolygonLocator::CellKind PolygonLocator::cell_kind(const Point& p) const {
  const std::int32_t value = impl_->grid.value(p.x(), p.y());
  if (CellGrid::is_edge(value)) return CellKind::edge;
  return value == CellGrid::outside ? CellKind::outside : CellKind::inside;
}

PolygonLocator::GridSize PolygonLocator::grid_size() const {
  return {impl_->grid.columns(), impl_->grid.rows(), impl_->grid.edge_cell_count()};
}

namespace {

// Below these, input order is as good: the points, or the grid (4 bytes a cell) and the
// polygons' edges (32 bytes each), fit in cache.
constexpr std::size_t grouped_points = 32768;
constexpr std::size_t grouped_bytes = std::size_t{1} << 20;

struct PlacedPoint {
  Point point;
  std::uint32_t position;
  std::int32_t cell;  // the grid's value: an edge cell
};

// The points of one run of the input that lie in edge cells, and the band of each.
struct alignas(64) EdgePoints {  // one cache line each: filled by different threads
  std::vector<std::uint32_t> positions;
  std::vector<std::uint16_t> bands;
  std::vector<std::uint32_t> per_band;  // count, then where the run's next point goes
};

// job(part, begin, end) for `parts` equal runs of [0, n), on `parts` threads; the first
// exception a job throws (memory) is thrown here.
template <typename Job>
void split_runs(std::size_t n, unsigned parts, Job&& job) {
  overlap_detail::parallel_for(parts, parts, [&](std::size_t part) {
    job(static_cast<unsigned>(part), n * part / parts, n * (part + 1) / parts);
  });
}

}  // namespace

void PolygonLocator::locate_all(std::span<const Point> points, std::span<std::int32_t> out,
                                unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Threads only pay off for large inputs.
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, points.size() / 20000 + 1));
  const Impl& impl = *impl_;
  const bool grouped =
      points.size() >= grouped_points &&
      impl.grid.cell_count() * 4 + impl.polygons.edge_count() * 32 >= grouped_bytes;
  if (!grouped) {
    split_runs(points.size(), threads, [&](unsigned, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) out[i] = impl.locate(points[i]);
    });
    return;
  }
  // Grouped: first every point the grid answers by one lookup (most of them), in input order;
  // the grid is small enough to stay in cache. Only the points in edge cells are then sorted
  // into bands of grid rows (a counting sort on the cell number's top bits), and each thread
  // takes a run of bands (a strip of the map), so that it meets the same polygons over and
  // over: input order is often random (addresses, generated points), and then every exact
  // test would miss the cache. The coordinates travel with the positions, so that the points
  // are read in order once.
  constexpr unsigned max_band_bits = 12;
  unsigned shift = 0;
  while ((impl.grid.cell_count() >> shift) > (std::size_t{1} << max_band_bits)) ++shift;
  const std::size_t bands = (impl.grid.cell_count() >> shift) + 1;
  std::vector<EdgePoints> runs(threads);
  split_runs(points.size(), threads, [&](unsigned part, std::size_t begin, std::size_t end) {
    EdgePoints& edge = runs[part];
    edge.per_band.assign(bands, 0);
    for (std::size_t i = begin; i < end; ++i) {
      const double x = points[i].x(), y = points[i].y();
      const std::int32_t value = impl.grid.value(x, y);
      out[i] = value;
      if (!CellGrid::is_edge(value)) continue;
      const auto band = static_cast<std::uint16_t>(impl.grid.cell_index(x, y) >> shift);
      edge.positions.push_back(static_cast<std::uint32_t>(i));
      edge.bands.push_back(band);
      ++edge.per_band[band];
    }
  });
  // Each run's points of a band follow those of the runs before it.
  std::uint32_t placed_count = 0;
  for (std::size_t b = 0; b < bands; ++b) {
    for (EdgePoints& edge : runs) {
      const std::uint32_t n = edge.per_band[b];
      edge.per_band[b] = placed_count;
      placed_count += n;
    }
  }
  std::vector<PlacedPoint> placed(placed_count);
  split_runs(threads, threads, [&](unsigned part, std::size_t, std::size_t) {
    EdgePoints& edge = runs[part];
    for (std::size_t k = 0; k < edge.positions.size(); ++k) {
      const std::uint32_t i = edge.positions[k];
      placed[edge.per_band[edge.bands[k]]++] = {points[i], i, out[i]};
    }
  });
  // A point's exact tests are a chain of lookups, each waiting for the one before it (its edge
  // cell, the cell's candidates, the first candidate's band, the band's edges), and each misses
  // the cache: the polygons' edges are far larger than it. The points are independent, so the
  // chain of a point a few places ahead is started one link per turn.
  constexpr std::size_t step = 2;  // places between the links
  split_runs(placed.size(), threads, [&](unsigned, std::size_t begin, std::size_t end) {
    auto ahead = [&](std::size_t k, std::size_t links) -> const PlacedPoint* {
      return k + links * step < end ? &placed[k + links * step] : nullptr;
    };
    for (std::size_t k = begin; k < end; ++k) {
      if (const PlacedPoint* q = ahead(k, 4)) impl.grid.prefetch_edge_cell(q->cell);
      if (const PlacedPoint* q = ahead(k, 3))
        impl.grid.prefetch_candidates(impl.grid.edge_cell(q->cell));
      if (const PlacedPoint* q = ahead(k, 2))
        impl.prefetch_first_band(q->cell, q->point.y(), false);
      if (const PlacedPoint* q = ahead(k, 1)) impl.prefetch_first_band(q->cell, q->point.y(), true);
      const PlacedPoint& p = placed[k];
      out[p.position] = impl.locate_in(impl.grid.edge_cell(p.cell), p.point.x(), p.point.y());
    }
  });
}

}  // namespace wijkatlas::geo
