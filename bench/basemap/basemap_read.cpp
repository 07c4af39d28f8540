// Reading a page's base map from a prepared base map file (memory-mapped, grid index) against
// reading it from an indexed GeoPackage through GDAL (R*Tree, the same classified features):
// which is faster per page extent. Extents come from bench_atlas_frames on stdin (the atlas's
// wijk pages, with 50 m around as the atlas reads them). OGR's spatial filter also drops a
// feature whose bounding box meets the extent while its shape does not; the prepared file keeps
// it (it is clipped when drawn), so the counts may differ by those.
//   bench_basemap_read EXTRACT WORK_DIR [REPS] < frames.txt
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/io.hpp"

namespace {
using namespace wijkatlas;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The classified base map as two GeoPackage layers with a spatial index each.
void write_geopackage(const fs::path& path, const geo::BaseMap& map) {
  geo::Layer areas, lines;
  areas.name = "areas";
  areas.fields = {{"kind", geo::FieldType::integer}};
  lines.name = "lines";
  lines.fields = {{"kind", geo::FieldType::integer}, {"name"}};
  std::int64_t fid = 0;
  for (const geo::BaseArea& a : map.areas) {
    areas.features.push_back({++fid, {static_cast<std::int64_t>(a.kind)}, a.geometry});
  }
  for (const geo::BaseLine& l : map.lines) {
    lines.features.push_back({++fid, {static_cast<std::int64_t>(l.kind), l.name}, l.geometry});
  }
  const std::vector<const geo::Layer*> layers{&areas, &lines};
  geo::write_layers(path, layers);
}

geo::BaseMap read_geopackage(const fs::path& path, const geo::Box& extent,
                             geo::Reporter& reporter) {
  geo::BaseMap map;
  geo::ReadOptions read;
  read.bbox = extent;
  read.allow_empty = true;
  read.layer = "areas";
  for (auto& f : geo::read_layer(path, read, reporter).features) {
    auto* g = std::get_if<geo::MultiPolygon>(&f.geometry);
    if (g)
      map.areas.push_back(
          {static_cast<geo::AreaClass>(std::get<std::int64_t>(f.values[0])), std::move(*g)});
  }
  read.layer = "lines";
  for (auto& f : geo::read_layer(path, read, reporter).features) {
    auto* g = std::get_if<geo::MultiLineString>(&f.geometry);
    if (g) {
      map.lines.push_back({static_cast<geo::LineClass>(std::get<std::int64_t>(f.values[0])),
                           geo::to_text(f.values[1]), std::move(*g)});
    }
  }
  return map;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_basemap_read EXTRACT WORK_DIR [REPS] < frames.txt\n");
    return 2;
  }
  try {
    const fs::path extract = argv[1], work = argv[2];
    const int reps = argc > 3 ? std::stoi(argv[3]) : 5;
    geo::CollectingReporter reporter;
    std::vector<std::pair<std::string, geo::Box>> pages;
    for (std::string line; std::getline(std::cin, line);) {
      std::istringstream in(line);
      std::string code;
      double cx, cy, scale, fx, fy, fw, fh;
      if (!(in >> code >> cx >> cy >> scale >> fx >> fy >> fw >> fh)) continue;
      const double half_w = fw / 2 * scale / 1000 + 50, half_h = fh / 2 * scale / 1000 + 50;
      pages.push_back({code, geo::Box({cx - half_w, cy - half_h}, {cx + half_w, cy + half_h})});
    }
    fs::create_directories(work);
    auto start = Clock::now();
    const geo::PreparedBaseMap prepared(extract, {work / "cache"}, reporter);
    const double prepare_ms = ms_since(start);
    const geo::BaseMap whole = prepared.read(geo::Box({0, 300000}, {300000, 650000}), reporter);
    const fs::path gpkg = work / "basemap.gpkg";
    start = Clock::now();
    write_geopackage(gpkg, whole);
    const double gpkg_write_ms = ms_since(start);
    std::printf(
        "prepared file: %.1f MB, prepared (or opened) in %.0f ms; GeoPackage: %.1f MB, written in "
        "%.0f ms\n",
        static_cast<double>(fs::file_size(prepared.cache_file())) / 1e6, prepare_ms,
        static_cast<double>(fs::file_size(gpkg)) / 1e6, gpkg_write_ms);
    std::printf("%-14s %9s %9s %12s %12s %7s\n", "page", "areas", "lines", "prepared_ms", "gpkg_ms",
                "ratio");
    double total_prepared = 0, total_gpkg = 0;
    for (const auto& [code, box] : pages) {
      std::vector<double> a_ms, b_ms;
      std::size_t areas = 0, lines = 0, gpkg_areas = 0;
      for (int r = 0; r < reps; ++r) {
        start = Clock::now();
        const geo::BaseMap a = prepared.read(box, reporter);
        a_ms.push_back(ms_since(start));
        start = Clock::now();
        const geo::BaseMap b = read_geopackage(gpkg, box, reporter);
        b_ms.push_back(ms_since(start));
        areas = a.areas.size();
        lines = a.lines.size();
        gpkg_areas = b.areas.size();
      }
      std::sort(a_ms.begin(), a_ms.end());
      std::sort(b_ms.begin(), b_ms.end());
      const double a_med = a_ms[a_ms.size() / 2], b_med = b_ms[b_ms.size() / 2];
      total_prepared += a_med;
      total_gpkg += b_med;
      const std::string note =
          gpkg_areas == areas ? "" : "  (GeoPackage: " + std::to_string(gpkg_areas) + " areas)";
      std::printf("%-14s %9zu %9zu %12.1f %12.1f %6.1fx%s\n", code.c_str(), areas, lines, a_med,
                  b_med, b_med / a_med, note.c_str());
    }
    std::printf("%-14s %9s %9s %12.1f %12.1f %6.1fx\n", "all pages", "", "", total_prepared,
                total_gpkg, total_gpkg / total_prepared);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_basemap_read: %s\n", e.what());
    return 1;
  }
}
