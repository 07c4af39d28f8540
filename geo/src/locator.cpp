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

  std::int32_t locate(const Point& p) const {
    const std::int32_t value = grid.value(p.x(), p.y());
    if (!CellGrid::is_edge(value)) return value;  // a polygon, or outside (== not_found)
    return locate_in(grid.edge_cell(value), p.x(), p.y());
  }
};

PolygonLocator::PolygonLocator(std::span<const MultiPolygon> polygons,
                               const LocatorOptions& options)
    : impl_(std::make_unique<Impl>()) {
  const unsigned threads =
      options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads;
  // The grid's size follows from the polygons' extent and the length of their edges.
  Box bounds(Point(1, 1), Point(0, 0));  // empty
  double length = 0;
  for (const auto& mp : polygons) {
    for (const auto& polygon : mp) {
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
      locator_detail::collect_polygon_edges(polygons[k], own);
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
      locator_detail::collect_polygon_edges(polygons[k], own);
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

// The points of [begin, end) with their positions, grouped by the band of grid rows that holds
// them (a counting sort on the cell number's top bits): located in that order, neighbouring
// lookups share grid lines and polygon edges, which stay in cache. Input order is often random
// (addresses, generated points), and then every lookup would be a cache miss. The coordinates
// travel with the positions, so that the points are read in order once.
// Below these, input order is as good: the points, or the grid (4 bytes a cell) and the
// polygons' edges (32 bytes each), fit in cache.
constexpr std::size_t grouped_points = 32768;
constexpr std::size_t grouped_bytes = std::size_t{1} << 20;

struct PlacedPoint {
  Point point;
  std::uint32_t position;
};

std::vector<PlacedPoint> group_by_band(const CellGrid& grid, std::span<const Point> points,
                                       std::size_t begin, std::size_t end) {
  constexpr unsigned max_band_bits = 12;
  unsigned shift = 0;
  while ((grid.cell_count() >> shift) > (std::size_t{1} << max_band_bits)) ++shift;
  std::vector<std::uint16_t> band(end - begin);
  std::vector<std::uint32_t> start((std::size_t{1} << max_band_bits) + 1, 0);
  for (std::size_t i = begin; i < end; ++i) {
    band[i - begin] =
        static_cast<std::uint16_t>(grid.cell_index(points[i].x(), points[i].y()) >> shift);
    ++start[band[i - begin] + 1];
  }
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<PlacedPoint> placed(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    placed[start[band[i - begin]]++] = {points[i], static_cast<std::uint32_t>(i - begin)};
  }
  return placed;
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
  // Grouped: all points sorted into bands first, then each thread takes a run of bands (a strip
  // of the map), so that it meets the same polygons over and over.
  const std::vector<PlacedPoint> placed =
      grouped ? group_by_band(impl.grid, points, 0, points.size()) : std::vector<PlacedPoint>{};
  auto work = [&](std::size_t begin, std::size_t end) {
    if (grouped) {
      for (std::size_t k = begin; k < end; ++k)
        out[placed[k].position] = impl.locate(placed[k].point);
    } else {
      for (std::size_t i = begin; i < end; ++i) out[i] = impl.locate(points[i]);
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
