#include "wijkatlas/project/overlap.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <filesystem>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/map_date.hpp"
#include "wijkatlas/project/overlap_layers.hpp"
#include "wijkatlas/project/store_sketches.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

// Removes what this run wrote when a later output fails: nothing half-written.
class WrittenFiles {
 public:
  void add(const fs::path& path) { paths_.push_back(path); }
  void keep() { paths_.clear(); }
  ~WrittenFiles() {
    std::error_code ec;
    for (const auto& p : paths_) fs::remove(p, ec);
  }
  WrittenFiles() = default;
  WrittenFiles(const WrittenFiles&) = delete;
  WrittenFiles& operator=(const WrittenFiles&) = delete;

 private:
  std::vector<fs::path> paths_;
};

std::optional<geo::Box> marked_extent(const std::vector<geo::DissolvedSheet>& sheets) {
  std::optional<geo::Box> box;
  for (const auto& s : sheets) {
    if (s.marked.empty()) continue;
    const auto b = boost::geometry::return_envelope<geo::Box>(s.marked);
    if (box)
      boost::geometry::expand(*box, b);
    else
      box = b;
  }
  return box;
}

geo::Box grown(geo::Box b, double by) {
  return {{b.min_corner().x() - by, b.min_corner().y() - by},
          {b.max_corner().x() + by, b.max_corner().y() + by}};
}

}  // namespace

void check_overlap_request(const OverlapRequest& r) {
  check_sketch_category(r.category);
  if (r.grid_m < 0) throw request_error("grid_m", "the cell size must be positive (metres)");
  if (r.min_sheets == 0) throw request_error("min_sheets", "must be at least 1");
}

namespace {

std::vector<geo::MultiPolygon> shapes_of(const geo::AreaHierarchy& h, geo::Level level) {
  std::vector<geo::MultiPolygon> out;
  for (const geo::Area& a : h.at(level)) out.push_back(a.geometry);
  return out;
}

}  // namespace

std::string category_words(const std::string& category) {
  if (category == "probleem") return "problemen";
  if (category == "fijne_plek") return "fijne plekken";
  if (category == "idee") return "ideeën en wensen";
  return "alle tekeningen";
}

OverlapResult overlap(store::ProjectStore& store, const OverlapRequest& request,
                      geo::Reporter& reporter) {
  check_overlap_request(request);
  const StoredSketches stored = load_stored_sketches(store, request.category, request.session);
  OverlapResult result;
  result.sheets = stored.sheets.size();
  result.sketches = stored.sketches;
  if (request.min_sheets > stored.sheets.size() && request.per_area) {
    throw request_error("min_sheets",
                        std::to_string(request.min_sheets) + " is more than the " +
                            std::to_string(stored.sheets.size()) +
                            " sheets in the store: every buurt would be suppressed; lower it or "
                            "collect more drawings");
  }

  geo::OverlapOptions options;
  options.threads = request.threads;
  options.merge_equal_faces = true;
  result.dissolved = geo::dissolve_sheets(stored.sheets, options, reporter);
  const auto extent = marked_extent(result.dissolved);
  if (!extent) throw data_error(store.location(), "table sketches", "the sketches mark no area");

  if (request.method == OverlapMethod::raster || request.grid_m > 0) {
    result.method = "raster";
    if (request.grid_m > 0)
      reporter.info("grid of " + std::to_string(request.grid_m) + " m (as asked)");
  } else if (request.method == OverlapMethod::exact) {
    result.method = "exact";
  } else {
    const geo::OverlapEstimate estimate = geo::choose_overlap_method(result.dissolved);
    result.method = estimate.method == geo::OverlapMethod::exact ? "exact" : "raster";
    reporter.info("method " + result.method + ": " + std::to_string(estimate.overlapping_pairs) +
                  " overlapping pairs, an estimated " +
                  std::to_string(static_cast<long long>(estimate.expected_faces)) +
                  " faces (exact up to 400,000)");
  }
  if (result.method == "exact") {
    result.exact = geo::overlap_exact(result.dissolved, options, reporter);
    result.faces = result.exact->faces.size();
    if (request.counts_only) return result;
    for (const auto& f : result.exact->faces) {
      result.max_n = std::max(result.max_n, f.n);
      result.drawn.push_back({{f.geometry}, f.n, f.N});
    }
    result.layers.push_back(faces_layer(*result.exact));
  } else {
    const double cell = request.grid_m > 0 ? request.grid_m : 1.0;
    result.grid = geo::count_sketch_grid(stored.sheets, geo::grid_covering(*extent, cell), options);
    if (request.counts_only) return result;
    geo::Layer cells = grid_cells_layer(*result.grid);
    for (const auto& f : cells.features) {
      const auto n = static_cast<std::int32_t>(std::get<std::int64_t>(f.values[0]));
      result.max_n = std::max(result.max_n, n);
      result.drawn.push_back({std::get<geo::MultiPolygon>(f.geometry), n,
                              static_cast<std::int32_t>(std::get<std::int64_t>(f.values[1]))});
    }
    result.faces = static_cast<std::size_t>(std::count_if(
        result.grid->n.begin(), result.grid->n.end(), [](std::uint16_t n) { return n > 0; }));
    result.layers.push_back(std::move(cells));
  }
  if (request.density_sigma_m > 0) {
    const geo::GridSpec spec =
        geo::grid_covering(grown(*extent, 3 * request.density_sigma_m), request.density_cell_m);
    const geo::CountGrid coarse = geo::count_sketch_grid(stored.sheets, spec, options);
    result.layers.push_back(density_layer(
        spec, geo::smooth_density(coarse, request.density_sigma_m, request.threads), 0.01));
  }
  if (request.per_area || request.with_areas) {
    result.areas = load_areas(store, request.source, reporter);
    add_indicators(*result.areas, {}, true, reporter);
  }
  if (request.per_area) {
    const geo::AreaHierarchy& h = result.areas->hierarchy;
    result.figures = compute_per_area(result.dissolved, h, request.min_sheets);
    result.layers.push_back(
        per_area_layer("per_buurt", result.figures->buurten, shapes_of(h, geo::Level::buurt)));
    result.layers.push_back(per_area_layer("per_programmawijk", result.figures->programma,
                                           shapes_of(h, geo::Level::programma)));
  }
  return result;
}

std::vector<CountedShape> counted_shapes(const OverlapResult& result, std::int32_t min_n) {
  std::vector<CountedShape> shapes;
  if (result.exact) {
    for (const auto& f : result.exact->faces)
      if (f.n >= min_n) shapes.push_back({{f.geometry}, f.n, f.N});
  } else if (result.grid) {
    for (geo::CountedRegion& r : geo::grid_count_regions(*result.grid, min_n))
      shapes.push_back({std::move(r.geometry), r.n, r.N});
  }
  return shapes;
}

render::MapSpec overlap_map(const OverlapResult& result, const std::string& category,
                            render::Paper paper, bool no_date) {
  OverlapMapText text;
  text.title = category == "alle" ? "Waar bewoners tekenden"
                                  : "Waar bewoners " + category_words(category) + " tekenden";
  text.subtitle = std::to_string(result.sheets) +
                  " tekeningen; n van N: n tekeningen markeerden de plek, N lieten haar zien";
  text.paper = paper;
  if (!no_date) text.date = map_date_today(text.language);
  return overlap_map_spec(result.drawn, result.areas ? &result.areas->hierarchy : nullptr, text);
}

std::string write_overlap(const OverlapResult& result, const std::string& category,
                          const OverlapOutputs& outputs, geo::Reporter& reporter) {
  WrittenFiles written;
  std::string raster;
  if (result.grid) {
    // The counts as a raster too (band 1 = n, band 2 = N), for GIS work on large sets.
    raster = fs::path(outputs.geopackage).replace_extension("").string() + "_telling.tif";
    geo::write_count_geotiff(raster, *result.grid);
    written.add(raster);
  }
  std::vector<const geo::Layer*> pointers;
  for (const auto& l : result.layers) pointers.push_back(&l);
  geo::write_layers(outputs.geopackage, pointers);
  written.add(outputs.geopackage);
  if (result.figures && !outputs.per_area_csv.empty()) {
    geo::Table table = per_area_table();
    append_per_area_rows(table, "buurt", result.figures->buurten);
    append_per_area_rows(table, "programmawijk", result.figures->programma);
    geo::write_csv(outputs.per_area_csv, table);
    written.add(outputs.per_area_csv);
  }
  if (!outputs.map.empty()) {
    render::MapSpec map = overlap_map(result, category, outputs.paper, outputs.no_date);
    add_base_map_under(map, outputs.base_map, reporter);
    write_overlap_map(outputs.map, map, outputs.no_date);
    written.add(outputs.map);
  }
  written.keep();
  return raster;
}

}  // namespace wijkatlas::project
