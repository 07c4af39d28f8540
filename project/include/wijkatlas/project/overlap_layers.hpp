#pragma once
// The overlap results as GeoPackage layers: exact faces, grid cells, smoothed density, and the
// figures per buurt and programme wijk with small-number protection.
#include <string>
#include <vector>

#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/geo/sketch_per_area.hpp"

namespace wijkatlas::project {

// "3 van 12"
std::string n_of_N(std::int32_t n, std::int32_t N);

// overlap_vlakken: n, N_totaal, n_van_N, oppervlakte_m2 per face.
geo::Layer faces_layer(const geo::OverlapMap& map);

// overlap_cellen: the cells with n >= 1, each run of connected cells of equal n and N as one
// polygon (geo::grid_count_regions), with n, N_totaal, n_van_N, oppervlakte_m2.
geo::Layer grid_cells_layer(const geo::CountGrid& grid);

// dichtheid: cells of the smoothed density at or above `min_value`, field dichtheid.
geo::Layer density_layer(const geo::GridSpec& spec, const std::vector<float>& density,
                         double min_value);

// per_buurt / per_programmawijk. Suppressed areas (fewer than k sheets marked) get nulls in
// every figure and onderdrukt = 1; the number of sheets that showed the area stays.
geo::Layer per_area_layer(const std::string& name, const std::vector<geo::SketchAreaStats>& stats,
                          const std::vector<geo::MultiPolygon>& shapes);

// The same as a table, for the CSV (level in the first column).
void append_per_area_rows(geo::Table& table, const std::string& level,
                          const std::vector<geo::SketchAreaStats>& stats);
geo::Table per_area_table();

}  // namespace wijkatlas::project
