// Count grids as polygons, traced by GDAL's polygonizer (4-connected, as the exact map's union
// keeps corner-touching faces apart; holes included): the connected regions where n reaches a
// threshold (the spots of a session too large for the exact overlap map; cells labelled with a
// union-find pass), and the runs of cells of equal n and N (the overlap map's cells, without a
// square per cell).
#include <gdal_alg.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <utility>
#include <vector>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::geo {
namespace {

class UnionFind {
 public:
  std::int32_t add() {
    parent_.push_back(static_cast<std::int32_t>(parent_.size()));
    return parent_.back();
  }
  std::int32_t find(std::int32_t a) {
    while (parent_[static_cast<std::size_t>(a)] != a) {
      auto& p = parent_[static_cast<std::size_t>(a)];
      p = parent_[static_cast<std::size_t>(p)];  // path halving
      a = p;
    }
    return a;
  }
  void unite(std::int32_t a, std::int32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
  }

 private:
  std::vector<std::int32_t> parent_{0};  // label 0: no region
};

// Labels 1..count for the regions, 0 elsewhere; `regions` gets the highest n (and its N).
std::vector<std::int32_t> label_regions(const CountGrid& grid, std::int32_t min_n,
                                        std::vector<CountedRegion>& regions) {
  const auto columns = static_cast<std::size_t>(grid.spec.columns);
  const auto rows = static_cast<std::size_t>(grid.spec.rows);
  std::vector<std::int32_t> label(columns * rows, 0);
  UnionFind sets;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const std::size_t i = r * columns + c;
      if (grid.n[i] < min_n) continue;
      const std::int32_t up = r > 0 ? label[i - columns] : 0;
      const std::int32_t left = c > 0 ? label[i - 1] : 0;
      if (up != 0 && left != 0) sets.unite(up, left);
      label[i] = up != 0 ? up : (left != 0 ? left : sets.add());
    }
  }
  std::vector<std::int32_t> compact;  // root label -> 1..count
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == 0) continue;
    const auto root = static_cast<std::size_t>(sets.find(label[i]));
    if (compact.size() <= root) compact.resize(root + 1, 0);
    if (compact[root] == 0) {
      regions.emplace_back();
      compact[root] = static_cast<std::int32_t>(regions.size());
    }
    label[i] = compact[root];
    CountedRegion& region = regions[static_cast<std::size_t>(label[i]) - 1];
    const std::int32_t n = grid.n[i], N = grid.N[i];
    if (n > region.n || (n == region.n && N > region.N)) {
      region.n = n;
      region.N = N;
    }
  }
  return label;
}

// Traces a raster of labels (0: nothing) into polygons: one per 4-connected run of one label,
// with the label it has. `label` is released as soon as GDAL holds a copy.
std::vector<std::pair<std::int32_t, MultiPolygon>> trace_labels(const GridSpec& g,
                                                                std::vector<std::int32_t> label) {
  support::ensure_gdal_registered();
  support::QuietGdalErrors quiet;
  GDALDriver* raster_driver = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* vector_driver = GetGDALDriverManager()->GetDriverByName("Memory");
  if (raster_driver == nullptr || vector_driver == nullptr)
    throw geometry_error("count grid",
                         "GDAL has no MEM or Memory driver to trace the grid's regions");
  support::GdalDataset raster(raster_driver->Create("", g.columns, g.rows, 1, GDT_Int32, nullptr));
  support::GdalDataset vector(vector_driver->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  if (!raster || !vector)
    throw geometry_error("count grid",
                         support::last_gdal_error("cannot make the grid's region rasters"));
  std::array<double, 6> transform{g.x_min, g.cell, 0.0, g.y_max, 0.0, -g.cell};
  raster->SetGeoTransform(transform.data());
  GDALRasterBand* band = raster->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, g.columns, g.rows, label.data(), g.columns, g.rows, GDT_Int32,
                     0, 0, nullptr) != CE_None)
    throw geometry_error("count grid",
                         support::last_gdal_error("cannot fill the grid's region raster"));
  label = {};
  OGRLayer* layer = vector->CreateLayer("regions", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn field("label", OFTInteger);
  if (layer == nullptr || layer->CreateField(&field) != OGRERR_NONE)
    throw geometry_error("count grid",
                         support::last_gdal_error("cannot make the grid's region layer"));
  // The band is its own mask: label 0 is left out.
  if (GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr) != CE_None)
    throw geometry_error("count grid",
                         support::last_gdal_error("tracing the grid's regions failed"));
  std::vector<std::pair<std::int32_t, MultiPolygon>> traced;
  layer->ResetReading();
  for (auto& feature : *layer) {
    Geometry shape = support::from_ogr(feature->GetGeometryRef());
    if (auto* parts = std::get_if<MultiPolygon>(&shape))
      traced.emplace_back(feature->GetFieldAsInteger(0), std::move(*parts));
  }
  return traced;
}

}  // namespace

std::vector<CountedRegion> grid_regions(const CountGrid& grid, std::int32_t min_n) {
  if (min_n < 1) throw request_error("min_n", "must be at least 1");
  std::vector<CountedRegion> regions;
  std::vector<std::int32_t> label = label_regions(grid, min_n, regions);
  if (regions.empty()) return regions;
  for (auto& [index, parts] : trace_labels(grid.spec, std::move(label))) {
    if (index < 1 || static_cast<std::size_t>(index) > regions.size()) continue;
    MultiPolygon& into = regions[static_cast<std::size_t>(index) - 1].geometry;
    into.insert(into.end(), parts.begin(), parts.end());
  }
  return regions;
}

std::vector<CountedRegion> grid_count_regions(const CountGrid& grid, std::int32_t min_n) {
  if (min_n < 1) throw request_error("min_n", "must be at least 1");
  // Each (n, N) pair present gets a small label: there are few of them, and a label must fit
  // the polygonizer's 32-bit integers where n << 16 | N would not.
  std::map<std::pair<std::int32_t, std::int32_t>, std::int32_t> labels;
  std::vector<std::int32_t> label(grid.n.size(), 0);
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (grid.n[i] < min_n) continue;
    const auto [it, added] = labels.try_emplace({grid.n[i], grid.N[i]}, 0);
    if (added) it->second = static_cast<std::int32_t>(labels.size());
    label[i] = it->second;
  }
  std::vector<std::pair<std::int32_t, std::int32_t>> pair_of(labels.size() + 1);
  for (const auto& [counts, index] : labels) pair_of[static_cast<std::size_t>(index)] = counts;
  std::vector<CountedRegion> regions;
  if (labels.empty()) return regions;
  for (auto& [index, parts] : trace_labels(grid.spec, std::move(label))) {
    if (index < 1 || static_cast<std::size_t>(index) >= pair_of.size()) continue;
    const auto [n, N] = pair_of[static_cast<std::size_t>(index)];
    regions.push_back({std::move(parts), n, N});
  }
  return regions;
}

}  // namespace wijkatlas::geo
