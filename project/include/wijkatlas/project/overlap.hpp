#pragma once
// The overlap use case (docs/overlap.md): the current drawings of one category (and session) in
// the project store summed up: where n of N sheets marked the same place (exact faces or a
// grid), a smoothed density, figures per buurt and programme wijk with small-number protection.
// overlap() computes, write_overlap() writes the GeoPackage, GeoTIFF and CSV, and
// overlap_map_spec() (overlap_map.hpp) turns a result into a map any renderer output takes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/base_map_under.hpp"
#include "wijkatlas/project/overlap_map.hpp"
#include "wijkatlas/project/per_area_figures.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

enum class OverlapMethod { automatic, exact, raster };

struct OverlapRequest {
  std::string category = "probleem";  // probleem, fijne_plek, idee or alle
  std::string session;                // only this session's drawings; empty: all
  OverlapMethod method = OverlapMethod::automatic;
  double grid_m = 0;            // raster cell; > 0 also chooses the raster
  double density_cell_m = 10;   // smoothed density: cell size
  double density_sigma_m = 25;  // and Gaussian standard deviation; 0: no density layer
  bool per_area = false;        // figures per buurt and programme wijk
  bool with_areas = false;      // load the areas (for a map) even without figures
  std::size_t min_sheets = 3;   // small-number protection: k
  AreaSource source;            // the areas of the figures and the map
  unsigned threads = 0;         // 0: all cores
  bool counts_only = false;     // only the faces or the grid: no layers, no shapes for a map
};

struct OverlapResult {
  std::string method;  // "exact" or "raster"
  std::size_t sheets = 0;
  std::size_t sketches = 0;
  std::size_t faces = 0;  // faces (exact) or cells with n >= 1 (raster)
  std::int32_t max_n = 0;
  std::vector<geo::DissolvedSheet> dissolved;
  std::optional<geo::OverlapMap> exact;  // the faces (exact method)
  std::optional<geo::CountGrid> grid;    // the counts (raster method)
  std::vector<CountedShape> drawn;       // faces or cells with n >= 1, for a map
  // overlap_vlakken or overlap_cellen, dichtheid, per_buurt and per_programmawijk as asked.
  std::vector<geo::Layer> layers;
  std::optional<PerAreaFigures> figures;
  std::optional<LoadedAreas> areas;
};

// Throws request_error for a wrong request (check_overlap_request), data_error when the store holds
// no current sketches of the category (and session).
void check_overlap_request(const OverlapRequest& request);
OverlapResult overlap(store::ProjectStore& store, const OverlapRequest& request,
                      geo::Reporter& reporter);

// The counted places of a result with n >= min_n: the exact map's faces, or the grid's runs of
// connected cells of equal n and N (geo::grid_count_regions). Works on a counts_only result.
std::vector<CountedShape> counted_shapes(const OverlapResult& result, std::int32_t min_n = 1);

struct OverlapOutputs {
  std::string geopackage;    // the layers; its name with _telling.tif for the raster counts
  std::string per_area_csv;  // empty: none
  std::string map;           // .pdf, .svg or .png; empty: none (needs the areas)
  render::Paper paper = render::Paper::a3;
  bool no_date = false;    // no date on the map (reproducible output)
  BaseMapSource base_map;  // under the map
};

// Writes every output or none: a later failure removes what was written before it. Returns the
// GeoTIFF's path ("" when there is none).
std::string write_overlap(const OverlapResult& result, const std::string& category,
                          const OverlapOutputs& outputs, geo::Reporter& reporter);

// The map of a result: "Waar bewoners problemen tekenden", "n van N tekeningen" (without the
// base map: add_base_map_under).
render::MapSpec overlap_map(const OverlapResult& result, const std::string& category,
                            render::Paper paper, bool no_date);

// "problemen", "fijne plekken", ... as the map's title says it.
std::string category_words(const std::string& category);

}  // namespace wijkatlas::project
