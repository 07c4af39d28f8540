#pragma once
// A regular grid over the polygons, classified once so that most points are located by one
// lookup. A cell is
//   - inside: no edge comes near it and one polygon owns all of it (value = that polygon),
//   - outside: no edge comes near it and no polygon holds it (value -1),
//   - an edge cell: some polygon's edge passes within `margin` of it (value <= -2); the point
//     is then decided by the exact tests on the cell's candidate polygons.
// Edge cells are found by walking every edge through the rows it spans; the other cells are
// classified by a sweep along each row's centre line that counts, for every polygon, the
// crossings east of each cell centre, as the exact crossing test would. The margin is far above
// rounding error, so a point in an inside or outside cell is at least a millimetre from every
// edge, and the exact tests could not answer otherwise.
#include <cstdint>
#include <span>
#include <vector>

#include "locator/edges.hpp"
#include "wijkatlas/support/huge_page_array.hpp"

namespace wijkatlas::geo::locator_detail {

class CellGrid {
 public:
  static constexpr std::int32_t outside = -1;

  // A cell some edge passes: the polygons whose edges come near it (ascending), and the lowest
  // polygon that holds the whole cell without an edge near it (-1 if none). Candidates above
  // `base` can never win and are not kept.
  struct EdgeCell {
    std::uint32_t begin = 0, end = 0;  // into candidates()
    std::int32_t base = -1;
  };

  // What the polygons of one chunk (consecutive polygons, built on one thread) add to the grid.
  class Chunk {
   public:
    void reserve(std::size_t edges) {
      cells_.reserve(edges * 2);
      crossings_.reserve(edges);
    }

   private:
    friend class CellGrid;
    struct CellOfPolygon {
      std::uint32_t cell;
      std::uint32_t polygon;
    };
    struct Crossing {  // a polygon's edge crossing a row's centre line
      double x;
      std::uint32_t row;
      std::uint32_t polygon;
    };
    std::vector<CellOfPolygon> cells_;
    std::vector<Crossing> crossings_;
  };

  CellGrid() = default;
  // The grid over `bounds` (the bounding box of all edges; empty: no grid): finer when the
  // edges are longer, so that about one cell in twenty-five is an edge cell, but at most
  // `max_cells` cells (4 bytes each). Then add() every polygon and finish().
  CellGrid(const Box& bounds, double edge_length, std::size_t max_cells);
  void add(Chunk& chunk, std::uint32_t polygon, std::span<const Edge> edges) const;
  void finish(std::vector<Chunk>& chunks, unsigned threads);  // chunks in polygon order

  // The value of the cell holding p: a polygon index, outside, or an edge cell.
  std::int32_t value(double px, double py) const {
    // Written so that NaN falls outside.
    if (!(px >= x0_ && px <= x1_ && py >= y0_ && py <= y1_)) return outside;
    return cells_[cell_index(px, py)];
  }
  static bool is_edge(std::int32_t value) { return value <= -2; }
  const EdgeCell& edge_cell(std::int32_t value) const {
    return edge_cells_[static_cast<std::size_t>(-2 - value)];
  }
  std::span<const std::uint32_t> candidates(const EdgeCell& cell) const {
    return std::span<const std::uint32_t>(candidates_).subspan(cell.begin, cell.end - cell.begin);
  }
  // Ask the cache for an edge cell, or its candidates, before they are read (PolygonLocator's
  // exact tests on points in random order).
  void prefetch_edge_cell(std::int32_t value) const {
    __builtin_prefetch(edge_cells_.data() + static_cast<std::size_t>(-2 - value));
  }
  void prefetch_candidates(const EdgeCell& cell) const {
    __builtin_prefetch(candidates_.data() + cell.begin);
  }

  // Row-major number of the cell holding p (any number for a point outside the grid), and the
  // count of such numbers: for ordering points so that neighbours are located together.
  std::uint32_t cell_index(double px, double py) const { return row_of(py) * nx_ + column_of(px); }
  std::size_t cell_count() const { return std::size_t{nx_} * ny_; }
  std::uint32_t columns() const { return nx_; }
  std::uint32_t rows() const { return ny_; }
  std::size_t edge_cell_count() const { return edge_cells_.size(); }

 private:
  static std::uint32_t index_of(double position, std::uint32_t count) {
    if (!(position > 0)) return 0;
    if (position >= count - 1) return count - 1;
    return static_cast<std::uint32_t>(position);
  }
  std::uint32_t column_of(double x) const { return index_of((x - x0_) * inverse_width_, nx_); }
  std::uint32_t row_of(double y) const { return index_of((y - y0_) * inverse_height_, ny_); }
  double row_centre(std::uint32_t row) const { return y0_ + (row + 0.5) * height_; }
  double column_centre(std::uint32_t column) const { return x0_ + (column + 0.5) * width_; }

  void make_edge_cells(const std::vector<Chunk>& chunks);
  void classify_row(std::uint32_t row, std::span<Chunk::Crossing> crossings,
                    std::vector<std::uint32_t>& active);

  double x0_ = 0, y0_ = 0, x1_ = -1, y1_ = -1;  // the bounds (empty: no grid)
  double width_ = 1, height_ = 1, inverse_width_ = 1, inverse_height_ = 1;  // of a cell
  double margin_ = 0;
  std::uint32_t nx_ = 0, ny_ = 0;
  support::HugePageArray<std::int32_t> cells_;
  std::vector<EdgeCell> edge_cells_;
  std::vector<std::uint32_t> candidates_;
};

}  // namespace wijkatlas::geo::locator_detail
