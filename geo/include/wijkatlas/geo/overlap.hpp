#pragma once
// Where residents' drawings overlap (issue 5): pure geometry, no store and no rendering.
//
// Input is a list of drawing sheets, each with the area it showed (its coverage) and the marks
// drawn on it. Every sheet is first dissolved into one polygonal area (lines and points are
// buffered), so that a sheet whose own marks overlap counts once. Then either
//   - overlap_exact: disjoint faces with n = number of different sheets marking the face and
//     N = number of sheets whose coverage contains it (an exact planar overlay), or
//   - count_grid: a raster of the same two counts per cell (cell-centre rule, identical to
//     `gdal_rasterize -add -burn 1` on the dissolved sheets), for sets too large for the exact
//     map; choose_overlap_method documents when to switch.
// All coordinates are RD New metres. docs/overlap.md explains the algorithms and the numbers.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

struct SketchSheet {
  std::string id;
  // The area the sheet showed (e.g. its map extent). Empty: unknown, the marks themselves are
  // taken as the coverage (such a sheet only counts in N where it marked something).
  MultiPolygon coverage;
  // Polygons count as drawn; lines and points are buffered (OverlapOptions).
  std::vector<Geometry> marks;
};

struct OverlapOptions {
  // A stroke marks a corridor of this half-width; a dot or cross a disc of this radius.
  double line_buffer_m = 10.0;
  double point_buffer_m = 15.0;
  // 0 (default): floating precision, exact up to rounding; GEOS's overlay falls back to
  // snapping by itself where floating noding fails. > 0: coordinates are snapped to this grid
  // when sheets are dissolved and the overlay nodes on it (GEOS snap-rounding), which never
  // fails but is about 2-3x slower and moves edges by up to half a step; 0.01 (1 cm) is far
  // below drawing accuracy (a 1 mm marker line is 2.5 m at 1:2,500).
  double precision_m = 0.0;
  // Edge of the square tiles the exact overlay is computed in; 0 chooses one from the data.
  double tile_size_m = 0.0;
  // Worker threads for dissolving, tiles and grid rows; 0 = hardware concurrency.
  unsigned threads = 0;
  // Merge neighbouring faces with equal (n, N), such as the pieces of one face that tile
  // borders cut; off, every face lies within one tile.
  bool merge_equal_faces = false;
};

// One sheet after dissolving: the union of its (buffered, repaired) marks, clipped to its
// coverage, and the coverage itself (snapped to the precision grid, if one is set).
struct DissolvedSheet {
  std::string id;
  MultiPolygon coverage;
  MultiPolygon marked;
};

// Buffers lines and points, repairs invalid polygons (GEOS MakeValid, with a warning naming the
// sheet) and unions each sheet's marks. Ink outside the sheet's coverage is dropped with a
// warning. Sheets without any mark are kept (they still count in N).
std::vector<DissolvedSheet> dissolve_sheets(std::span<const SketchSheet> sheets,
                                            const OverlapOptions& options, Reporter& reporter);

struct OverlapFace {
  Polygon geometry;
  std::int32_t n = 0;  // different sheets that marked this face
  std::int32_t N = 0;  // sheets whose coverage contains it
  double area = 0.0;
};

struct OverlapMap {
  std::vector<OverlapFace> faces;      // every face with n >= 1; faces are disjoint
  std::size_t tiles = 0;               // tiles the overlay was computed in
  std::size_t tiles_through_geos = 0;  // of which GEOS noded (precision grid, or our floating
                                       // noding was not exact there)
};

// The exact overlap map. Areas add up: the faces with n >= k cover exactly the area that k or
// more sheets marked, and the sum of n x area equals the sum of the sheets' marked areas (up to
// floating rounding). Throws geometry_error naming the tile when GEOS fails on it.
OverlapMap overlap_exact(std::span<const DissolvedSheet> sheets, const OverlapOptions& options,
                         Reporter& reporter);

// ---- gridded counts -------------------------------------------------------------------------

// A north-up grid: cell (column c, row r) spans x in [x_min + c*cell, x_min + (c+1)*cell) and
// y in (y_max - (r+1)*cell, y_max - r*cell]; its centre decides what it counts.
struct GridSpec {
  double x_min = 0.0;
  double y_max = 0.0;
  double cell = 1.0;
  std::int32_t columns = 0;
  std::int32_t rows = 0;
};

// The smallest grid with corners on multiples of `cell` (moved by `offset_m`, 5 mm by default)
// that covers `extent`. The offset keeps vertices on round coordinates (whole metres,
// centimetres: digital drawings, snapped data) off the cell-centre rows and columns, so no cell
// depends on how a tie is broken.
GridSpec grid_covering(const Box& extent, double cell, double offset_m = 0.005);

struct CountGrid {
  GridSpec spec;
  std::vector<std::uint16_t> n;  // row-major, rows from north to south
  std::vector<std::uint16_t> N;
};

// Counts per cell by scanlines: for every row, each sheet's polygon edges are crossed at the
// cell-centre height, crossings sorted and the spans between them filled, exactly as GDAL's
// rasterizer does (a cell counts when its centre is inside; edges are half-open in y). A sheet
// counts once per cell. At most 65,535 sheets (usage_error otherwise).
CountGrid count_grid(std::span<const DissolvedSheet> sheets, const GridSpec& spec,
                     unsigned threads = 0);

// The same counts straight from the sketches, without dissolving (the fast path for large
// sets: no GEOS except buffers for lines and points). Per sheet and row, the marks' spans are
// united and cut to the coverage's spans, so the cells equal count_grid(dissolve_sheets(...)).
// Each mark's rings are filled even-odd, which is what MakeValid makes of a self-crossing
// outline such as a bow tie; marks are otherwise expected to be valid (the ingest repairs them).
CountGrid count_sketch_grid(std::span<const SketchSheet> sheets, const GridSpec& spec,
                            const OverlapOptions& options = {});

// A connected region of a grid's cells with n >= a threshold (4-connected: cells touching only
// at a corner are separate regions, as the exact map's faces are), traced as polygons with its
// holes, with the highest n in it and the N of that cell (ties: the higher N). Regions come in
// the order of their first cell, north-west first.
struct CountedRegion {
  MultiPolygon geometry;
  std::int32_t n = 0;
  std::int32_t N = 0;
};
std::vector<CountedRegion> grid_regions(const CountGrid& grid, std::int32_t min_n);

// The cells with n >= min_n as polygons, one per 4-connected run of cells of equal n and N
// (with its holes): the grid as a map or a layer without a square per cell. The order is
// GDAL's polygonizer's (north to south).
std::vector<CountedRegion> grid_count_regions(const CountGrid& grid, std::int32_t min_n = 1);

// Writes the grid as a GeoTIFF in EPSG:28992: band 1 = n, band 2 = N (UInt16, tiled, ZSTD with
// predictor; all-zero tiles are left out and read as 0).
// Atomic: the file appears whole or not at all. Throws output_error.
void write_count_geotiff(const std::filesystem::path& path, const CountGrid& grid);

// A smoothed density of n: the count grid convolved with a Gaussian of standard deviation
// `sigma_m` metres (truncated at 3 sigma, separable, normalised so that the sum is kept: the
// value is "sheets per cell, smoothed"). Row-major like CountGrid::n.
std::vector<float> smooth_density(const CountGrid& grid, double sigma_m, unsigned threads = 0);

// ---- choosing between exact and gridded ----------------------------------------------------

enum class OverlapMethod { exact, grid };

struct OverlapEstimate {
  std::size_t vertices = 0;           // in the dissolved sheets' marked areas
  std::size_t overlapping_pairs = 0;  // pairs of marked parts whose envelopes overlap
  double expected_faces = 0.0;        // rough: ~4 faces per overlapping pair of blobs
  OverlapMethod method = OverlapMethod::exact;
};

// The exact map grows with the square of the number of overlapping marks. The rule: exact when
// the estimated number of faces is at most `max_exact_faces` (default: what the exact overlay
// does in about 10 s and 1 GB on a 2-core laptop, docs/overlap.md), the grid otherwise.
OverlapEstimate choose_overlap_method(std::span<const DissolvedSheet> sheets,
                                      double max_exact_faces = 400'000.0);

}  // namespace wijkatlas::geo
