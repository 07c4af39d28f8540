// Gridded counts: cell for cell the same as the real `gdal_rasterize -add -burn 1` on the
// dissolved sheets, a sheet counts once per cell, and the GeoTIFF round-trips.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <sstream>

#include "overlap_test_util.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace geo = wijkatlas::geo;
using wijkatlas::test::rect;
using wijkatlas::test::sheet;
using wijkatlas::test::TempDir;

namespace {

// Hand-drawn-like blobs at RD coordinates, squares on whole metres (ties for a grid on whole
// metres), a sheet with a hole and a sheet overlapping itself.
std::vector<geo::SketchSheet> sample_sheets() {
  std::vector<geo::SketchSheet> out;
  const double x0 = 190000.3, y0 = 443000.7;
  for (int s = 0; s < 9; ++s) {
    auto& sh = out.emplace_back();
    sh.id = "G" + std::to_string(s);
    sh.coverage = rect(x0 - 80 + 9 * s, y0 - 90, x0 + 90, y0 + 80 - 7 * s);
    for (int m = 0; m < 2; ++m) {
      geo::Polygon p;
      const double cx = x0 + 25.0 * std::cos(s * 1.7 + m), cy = y0 + 25.0 * std::sin(s + 2 * m);
      const double r = 18 + 4 * ((s + m) % 5);
      for (int i = 0; i < 41; ++i) {
        const double t = 2 * std::numbers::pi * i / 41;
        const double rr = r * (1 + 0.25 * std::cos(3 * t + s) + 0.1 * std::sin(7 * t + m));
        p.outer().emplace_back(cx + rr * std::cos(t), cy + rr * std::sin(t));
      }
      p.outer().push_back(p.outer().front());
      sh.marks.emplace_back(geo::MultiPolygon{p});
    }
  }
  out.push_back(sheet("squares", rect(190000, 443000 - 60, 190060, 443060),
                      {rect(190000, 443000, 190020, 443020), rect(190010, 443010, 190030, 443030),
                       rect(190040, 443000, 190050, 443050)}));
  out.push_back(sheet("ring", {},
                      {wijkatlas::test::wkt_polygons(
                          "MULTIPOLYGON(((189950 442950,190050 442950,190050 443050,189950 443050,"
                          "189950 442950),(189980 442980,189980 443020,190020 443020,190020 "
                          "442980,189980 442980)))")}));
  return out;
}

// The dissolved sheets' marked areas (or coverages) as a GeoPackage layer, one feature each.
void write_sheets(const std::filesystem::path& path, const std::vector<geo::DissolvedSheet>& d,
                  bool coverage) {
  geo::Layer layer;
  layer.name = "sheets";
  layer.fields = {{"sheet_id", geo::FieldType::text}};
  for (const auto& s : d) {
    auto& f = layer.features.emplace_back();
    f.fid = static_cast<std::int64_t>(layer.features.size());
    f.values = {s.id};
    f.geometry = coverage ? s.coverage : s.marked;
  }
  const geo::Layer* layers[] = {&layer};
  geo::write_layers(path, layers);
}

std::vector<std::uint16_t> read_band(const std::filesystem::path& tif, int band, int columns,
                                     int rows) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
  EXPECT_TRUE(ds);
  if (!ds) return {};
  EXPECT_EQ(ds->GetRasterXSize(), columns);
  EXPECT_EQ(ds->GetRasterYSize(), rows);
  std::vector<std::uint16_t> out(static_cast<std::size_t>(columns) * rows);
  EXPECT_EQ(ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, columns, rows, out.data(), columns,
                                              rows, GDT_UInt16, 0, 0),
            CE_None);
  return out;
}

// Runs the real gdal_rasterize on the layer, on exactly the grid of `spec`.
std::vector<std::uint16_t> gdal_rasterize(const TempDir& dir, const std::filesystem::path& gpkg,
                                          const geo::GridSpec& spec) {
  const auto tif = dir / "gdal.tif";
  std::ostringstream cmd;
  cmd.precision(17);
  cmd << WIJKATLAS_GDAL_RASTERIZE << " -q -add -burn 1 -init 0 -ot UInt16 -l sheets -te "
      << spec.x_min << ' ' << spec.y_max - spec.rows * spec.cell << ' '
      << spec.x_min + spec.columns * spec.cell << ' ' << spec.y_max << " -tr " << spec.cell << ' '
      << spec.cell << ' ' << gpkg << ' ' << tif;
  EXPECT_EQ(std::system(cmd.str().c_str()), 0) << cmd.str();
  return read_band(tif, 1, spec.columns, spec.rows);
}

class OverlapGrid : public ::testing::TestWithParam<double> {};

TEST_P(OverlapGrid, AgreesWithGdalRasterizeCellForCell) {
  const TempDir dir;
  geo::CollectingReporter reporter;
  const auto dissolved = geo::dissolve_sheets(sample_sheets(), {}, reporter);
  geo::Box extent;
  boost::geometry::assign_inverse(extent);
  for (const auto& d : dissolved) boost::geometry::expand(extent, geo::envelope(d.coverage));
  const geo::GridSpec spec = geo::grid_covering(extent, GetParam());
  const geo::CountGrid grid = geo::count_grid(dissolved, spec);

  for (const bool coverage : {false, true}) {
    const auto gpkg = dir / (coverage ? "coverage.gpkg" : "marked.gpkg");
    write_sheets(gpkg, dissolved, coverage);
    const auto expected = gdal_rasterize(dir, gpkg, spec);
    const auto& ours = coverage ? grid.N : grid.n;
    ASSERT_EQ(ours.size(), expected.size());
    std::size_t differing = 0, marked = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      differing += ours[i] != expected[i];
      marked += ours[i] > 0;
    }
    EXPECT_EQ(differing, 0u) << (coverage ? "N" : "n") << " differs in " << differing << " cells";
    EXPECT_GT(marked, 1000u);
  }
}

INSTANTIATE_TEST_SUITE_P(Cells, OverlapGrid, ::testing::Values(1.0, 0.5, 2.5));

TEST(OverlapGridCounts, ASheetCountsOncePerCellAndAreasAddUp) {
  geo::CollectingReporter reporter;
  // The "squares" sheet overlaps itself; one other sheet shares a square.
  const std::vector<geo::SketchSheet> sheets{
      sheet("A", rect(0, 0, 100, 100), {rect(10, 10, 30, 30), rect(20, 20, 40, 40)}),
      sheet("B", rect(0, 0, 100, 100), {rect(10, 10, 30, 30)})};
  const auto dissolved = geo::dissolve_sheets(sheets, {}, reporter);
  const auto spec = geo::grid_covering(geo::Box({0, 0}, {100, 100}), 1.0);
  const auto grid = geo::count_grid(dissolved, spec);
  double weighted = 0;
  std::uint16_t max_n = 0;
  for (const auto v : grid.n) {
    weighted += v;
    max_n = std::max(max_n, v);
  }
  EXPECT_EQ(max_n, 2);
  EXPECT_DOUBLE_EQ(weighted, 700.0 + 400.0);  // A: 400 + 400 - 100; B: 400 (1 m² cells)
  for (const auto v : grid.N) EXPECT_LE(v, 2);
}

TEST(OverlapGridCounts, GeoTiffRoundTripsAndDensityKeepsTheSum) {
  const TempDir dir;
  geo::CollectingReporter reporter;
  const auto dissolved = geo::dissolve_sheets(sample_sheets(), {}, reporter);
  const auto spec = geo::grid_covering(geo::Box({189900, 442900}, {190100, 443100}), 2.0);
  const auto grid = geo::count_grid(dissolved, spec);
  const auto tif = dir / "counts.tif";
  geo::write_count_geotiff(tif, grid);
  EXPECT_EQ(read_band(tif, 1, spec.columns, spec.rows), grid.n);
  EXPECT_EQ(read_band(tif, 2, spec.columns, spec.rows), grid.N);

  const auto density = geo::smooth_density(grid, 10.0);
  double counts = 0, smoothed = 0;
  for (const auto v : grid.n) counts += v;
  for (const auto v : density) smoothed += v;
  EXPECT_NEAR(smoothed, counts, 1e-4 * counts);  // marks lie well inside the grid
  EXPECT_THROW(geo::smooth_density(grid, 0.0), wijkatlas::usage_error);
}

TEST(OverlapGridCounts, GeoTiffOfSeveralBlocksRoundTripsWithEmptyBlocksAsZero) {
  // 3 x 3 blocks of 512 cells, partial at the right and bottom; the top-left block all zero
  // (left out of the file), the rest a pattern that differs per band.
  const TempDir dir;
  geo::CountGrid grid;
  grid.spec = geo::grid_covering(geo::Box({190000, 440000}, {191300, 441100}), 1.0);
  const auto columns = static_cast<std::size_t>(grid.spec.columns);
  const auto rows = static_cast<std::size_t>(grid.spec.rows);
  ASSERT_GT(columns, 1024u);
  ASSERT_GT(rows, 1024u);
  grid.n.resize(columns * rows);
  grid.N.resize(columns * rows);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (r < 512 && c < 512) continue;
      grid.n[r * columns + c] = static_cast<std::uint16_t>((r * 31 + c * 7) % 13);
      grid.N[r * columns + c] = static_cast<std::uint16_t>(40000 + (r + c) % 1000);
    }
  }
  const auto tif = dir / "blocks.tif";
  geo::write_count_geotiff(tif, grid);
  EXPECT_EQ(read_band(tif, 1, grid.spec.columns, grid.spec.rows), grid.n);
  EXPECT_EQ(read_band(tif, 2, grid.spec.columns, grid.spec.rows), grid.N);
}

TEST(OverlapGridCounts, UnwritableTargetIsAnOutputError) {
  geo::CountGrid grid;
  grid.spec = geo::grid_covering(geo::Box({0, 0}, {10, 10}), 1.0);
  grid.n.assign(static_cast<std::size_t>(grid.spec.columns) * grid.spec.rows, 0);
  grid.N = grid.n;
  EXPECT_THROW(geo::write_count_geotiff("/nonexistent/dir/x.tif", grid), wijkatlas::output_error);
}

}  // namespace

namespace {

TEST(OverlapGridCounts, StraightFromSketchesEqualsTheDissolvedGrid) {
  geo::CollectingReporter reporter;
  auto sheets = sample_sheets();
  // Ink past the sheet's map edge, a stroke and a dot: clipped and buffered the same way.
  sheets.push_back(sheet(
      "edge", rect(190000, 443000, 190040, 443040),
      {rect(190030, 443010, 190070, 443020),
       geo::MultiLineString{{{190005, 443005}, {190035, 443030}}}, geo::Point(190010, 443030)}));
  const auto dissolved = geo::dissolve_sheets(sheets, {}, reporter);
  const auto spec = geo::grid_covering(geo::Box({189880, 442880}, {190120, 443120}), 0.5);
  const auto via_dissolve = geo::count_grid(dissolved, spec);
  const auto direct = geo::count_sketch_grid(sheets, spec);
  std::size_t n_diff = 0, N_diff = 0;
  for (std::size_t i = 0; i < direct.n.size(); ++i) {
    n_diff += direct.n[i] != via_dissolve.n[i];
    N_diff += direct.N[i] != via_dissolve.N[i];
  }
  EXPECT_EQ(n_diff, 0u);
  EXPECT_EQ(N_diff, 0u);
}

}  // namespace
