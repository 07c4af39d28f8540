// bench_overlap_wijkatlas: wijkatlas' overlap engine on a generated sketch set.
//
//   bench_overlap_wijkatlas --input sketches_4000.gpkg exact [--merge]
//   bench_overlap_wijkatlas --input sketches_20000.gpkg grid --cell 1 -o counts.tif
//       [--dissolved dissolved.gpkg]   (also writes the dissolved sheets, for gdal_rasterize)
//   bench_overlap_wijkatlas compare a.tif b.tif          (cells that differ in band 1)
// Prints key=value timings and checks (areas add up) on one line. The timed part starts after
// reading the GeoPackage (the same for every tool) and ends with the result in memory (exact)
// or written as GeoTIFF (grid).
#include <gdal_priv.h>

#include <CLI/CLI.hpp>
#include <boost/geometry.hpp>
#include <cstdio>
#include <ctime>
#include <map>

#include "overlap/load_sketches.hpp"
#include "support/stopwatch.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace bench = wijkatlas::bench;
namespace geo = wijkatlas::geo;

namespace {

std::vector<std::uint16_t> read_band1(const std::string& path, int& columns, int& rows) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
  if (!ds) throw std::runtime_error("cannot open " + path);
  columns = ds->GetRasterXSize();
  rows = ds->GetRasterYSize();
  std::vector<std::uint16_t> v(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows));
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, columns, rows, v.data(), columns, rows,
                                     GDT_UInt16, 0, 0) != CE_None) {
    throw std::runtime_error("cannot read " + path);
  }
  return v;
}

int compare_tifs(const std::string& a, const std::string& b) {
  int ca = 0, ra = 0, cb = 0, rb = 0;
  const auto va = read_band1(a, ca, ra);
  const auto vb = read_band1(b, cb, rb);
  if (ca != cb || ra != rb) {
    std::printf("cells=%d differing=size_mismatch\n", ca * ra);
    return 1;
  }
  std::size_t differing = 0, nonzero = 0;
  for (std::size_t i = 0; i < va.size(); ++i) {
    differing += va[i] != vb[i];
    nonzero += va[i] != 0;
  }
  std::printf("cells=%zu nonzero=%zu differing=%zu\n", va.size(), nonzero, differing);
  return differing == 0 ? 0 : 1;
}

void write_dissolved(const std::string& path, const std::vector<geo::DissolvedSheet>& sheets) {
  geo::Layer layer;
  layer.name = "dissolved";
  layer.fields = {{"sheet_id", geo::FieldType::text}};
  for (const auto& s : sheets) {
    if (s.marked.empty()) continue;
    auto& f = layer.features.emplace_back();
    f.fid = static_cast<std::int64_t>(layer.features.size());
    f.values = {s.id};
    f.geometry = s.marked;
  }
  const geo::Layer* layers[] = {&layer};
  geo::write_layers(path, layers);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("wijkatlas overlap engine benchmark");
  std::string input;
  geo::OverlapOptions options;
  app.add_option("--input", input);
  app.add_option("--threads", options.threads);
  app.add_option("--tile-size", options.tile_size_m);
  app.add_option("--precision", options.precision_m);
  auto* exact = app.add_subcommand("exact", "exact overlap map");
  exact->add_flag("--merge", options.merge_equal_faces);
  auto* grid = app.add_subcommand("grid", "gridded counts as GeoTIFF");
  double cell = 1.0;
  std::string tif, dissolved_out;
  grid->add_option("--cell", cell);
  grid->add_option("-o,--output", tif)->required();
  grid->add_option("--dissolved", dissolved_out);
  auto* compare = app.add_subcommand("compare", "cells that differ between two GeoTIFFs");
  std::string tif_a, tif_b;
  compare->add_option("a", tif_a)->required();
  compare->add_option("b", tif_b)->required();
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  if (*compare) return compare_tifs(tif_a, tif_b);

  const auto sheets = bench::load_sketch_set(input);
  geo::CollectingReporter reporter;
  if (*grid) {
    // The large-set path: counts straight from the sketches (no dissolve), then the GeoTIFF.
    bench::Stopwatch clock;
    const std::clock_t cpu_start = std::clock();  // CPU time of all threads: load-independent
    auto cpu_seconds = [&] {
      return static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    };
    geo::Box extent;
    boost::geometry::assign_inverse(extent);
    for (const auto& s : sheets) {
      for (const auto& m : s.marks) boost::geometry::expand(extent, geo::envelope(m));
    }
    const auto spec = geo::grid_covering(extent, cell);
    const auto counts = geo::count_sketch_grid(sheets, spec, options);
    const double count_s = clock.seconds();
    const double count_cpu_s = cpu_seconds();
    geo::write_count_geotiff(tif, counts);
    const double total_s = clock.seconds();
    const double total_cpu_s = cpu_seconds();
    double cells = 0;
    for (const auto v : counts.n) cells += v;
    std::printf(
        "columns=%d rows=%d te=%.3f,%.3f,%.3f,%.3f cell_sum=%.0f count_s=%.3f overlay_s=%.3f "
        "count_cpu_s=%.3f count_and_write_cpu_s=%.3f\n",
        spec.columns, spec.rows, spec.x_min, spec.y_max - spec.rows * spec.cell,
        spec.x_min + spec.columns * spec.cell, spec.y_max, cells, count_s, total_s, count_cpu_s,
        total_cpu_s);
    // Untimed: the dissolved sheets for gdal_rasterize, the peer and the cell-for-cell check.
    if (!dissolved_out.empty()) {
      write_dissolved(dissolved_out, geo::dissolve_sheets(sheets, options, reporter));
    }
    return 0;
  }
  bench::Stopwatch clock;
  const auto dissolved = geo::dissolve_sheets(sheets, options, reporter);
  const double dissolve_s = clock.seconds();
  double sheet_area = 0;
  for (const auto& s : dissolved) {
    for (const auto& p : s.marked) sheet_area += boost::geometry::area(p);
  }
  if (*exact) {
    const auto estimate = geo::choose_overlap_method(dissolved);
    const double estimate_s = clock.seconds() - dissolve_s;
    const auto map = geo::overlap_exact(dissolved, options, reporter);
    double area = 0, weighted = 0;
    std::int32_t max_n = 0;
    for (const auto& f : map.faces) {
      area += f.area;
      weighted += f.area * f.n;
      max_n = std::max(max_n, f.n);
    }
    std::printf(
        "faces=%zu tiles=%zu geos_tiles=%zu max_n=%d area=%.3f weighted_area=%.3f sheet_area=%.3f "
        "rel_error=%.2e pairs=%zu expected_faces=%.0f estimate_s=%.3f dissolve_s=%.3f "
        "overlay_s=%.3f\n",
        map.faces.size(), map.tiles, map.tiles_through_geos, max_n, area, weighted, sheet_area,
        (weighted - sheet_area) / sheet_area, estimate.overlapping_pairs, estimate.expected_faces,
        estimate_s, dissolve_s, clock.seconds());
  }
}
