// `wijkatlas overlap`: the residents' drawings of one category summed up: where n of N sheets
// marked the same place (exact faces or a grid), a smoothed density, per buurt and programme
// wijk with small-number protection, and optionally a rendered map.
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <filesystem>
#include <iomanip>

#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/overlap_layers.hpp"
#include "wijkatlas/project/overlap_map.hpp"
#include "wijkatlas/project/per_area_figures.hpp"
#include "wijkatlas/project/store_sketches.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace fs = std::filesystem;

// Defined in command_map.cpp.
std::string map_date_text(render::Language language, std::chrono::sys_days day);

namespace {

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
    if (box) boost::geometry::expand(*box, b);
    else box = b;
  }
  return box;
}

geo::Box grown(geo::Box b, double by) {
  return {{b.min_corner().x() - by, b.min_corner().y() - by}, {b.max_corner().x() + by, b.max_corner().y() + by}};
}

void check_options(const OverlapCommandOptions& o) {
  check_sketch_category(o.category);
  geo::format_for_path(o.output);
  if (geo::format_for_path(o.output) != geo::VectorFormat::geopackage) {
    throw usage_error("-o: the overlap is written as a GeoPackage (.gpkg), not " + o.output);
  }
  if (o.grid_m < 0) throw usage_error("--grid: the cell size must be positive (metres)");
  if (o.min_sheets == 0) throw usage_error("--min-sheets must be at least 1");
  if (!o.map.empty()) {
    try {
      render::output_format_for(o.map);
    } catch (const render_error& e) {
      throw usage_error(std::string("--map: ") + e.what());
    }
  }
  if (!o.per_buurt.empty() && fs::path(o.per_buurt).extension() != ".csv") {
    throw usage_error("--per-buurt: the table is written as CSV (.csv), not " + o.per_buurt);
  }
}

std::vector<geo::MultiPolygon> shapes_of(const geo::AreaHierarchy& h, geo::Level level) {
  std::vector<geo::MultiPolygon> out;
  for (const geo::Area& a : h.at(level)) out.push_back(a.geometry);
  return out;
}

std::string category_words(const std::string& category) {
  if (category == "probleem") return "problemen";
  if (category == "fijne_plek") return "fijne plekken";
  if (category == "idee") return "ideeën en wensen";
  return "alle tekeningen";
}

}  // namespace

OverlapSummary run_overlap(const OverlapCommandOptions& options, geo::Reporter& reporter, std::ostream& out) {
  check_options(options);
  const StoredSketches stored = load_stored_sketches(options.store, options.category, reporter, options.session);
  OverlapSummary summary;
  summary.output = options.output;
  summary.sheets = stored.sheets.size();
  summary.sketches = stored.sketches;
  if (options.min_sheets > stored.sheets.size() && !options.per_buurt.empty()) {
    throw usage_error("--min-sheets " + std::to_string(options.min_sheets) + " is more than the " +
                      std::to_string(stored.sheets.size()) +
                      " sheets in the store: every buurt would be suppressed; lower it or collect more drawings");
  }

  geo::OverlapOptions overlap_options;
  overlap_options.threads = options.threads;
  overlap_options.merge_equal_faces = true;
  const std::vector<geo::DissolvedSheet> dissolved = geo::dissolve_sheets(stored.sheets, overlap_options, reporter);
  const auto extent = marked_extent(dissolved);
  if (!extent) throw data_error(options.store, "table sketches", "the sketches mark no area");

  std::vector<geo::Layer> layers;
  std::vector<CountedShape> drawn;
  std::optional<geo::CountGrid> grid;
  if (options.grid_m > 0) {
    summary.method = "raster";
    reporter.info("raster van " + std::to_string(options.grid_m) + " m (--grid)");
  } else {
    const geo::OverlapEstimate estimate = geo::choose_overlap_method(dissolved);
    summary.method = estimate.method == geo::OverlapMethod::exact ? "exact" : "raster";
    reporter.info("methode " + summary.method + ": " + std::to_string(estimate.overlapping_pairs) +
                  " overlappende paren, naar schatting " + std::to_string(static_cast<long long>(estimate.expected_faces)) +
                  " vlakken (exact tot 400.000)");
  }
  if (summary.method == "exact") {
    const geo::OverlapMap map = geo::overlap_exact(dissolved, overlap_options, reporter);
    for (const auto& f : map.faces) {
      summary.max_n = std::max(summary.max_n, f.n);
      drawn.push_back({{f.geometry}, f.n, f.N});
    }
    summary.faces = map.faces.size();
    layers.push_back(faces_layer(map));
  } else {
    const double cell = options.grid_m > 0 ? options.grid_m : 1.0;
    grid = geo::count_sketch_grid(stored.sheets, geo::grid_covering(*extent, cell), overlap_options);
    geo::Layer cells = grid_cells_layer(*grid);
    for (const auto& f : cells.features) {
      const auto n = static_cast<std::int32_t>(std::get<std::int64_t>(f.values[0]));
      summary.max_n = std::max(summary.max_n, n);
      drawn.push_back({std::get<geo::MultiPolygon>(f.geometry), n,
                       static_cast<std::int32_t>(std::get<std::int64_t>(f.values[1]))});
    }
    summary.faces = cells.features.size();
    layers.push_back(std::move(cells));
  }
  if (options.density_sigma_m > 0) {
    const geo::GridSpec spec = geo::grid_covering(grown(*extent, 3 * options.density_sigma_m), options.density_cell_m);
    const geo::CountGrid coarse = geo::count_sketch_grid(stored.sheets, spec, overlap_options);
    layers.push_back(density_layer(spec, geo::smooth_density(coarse, options.density_sigma_m, options.threads), 0.01));
  }

  std::optional<LoadedAreas> areas;
  if (!options.per_buurt.empty() || !options.map.empty()) {
    areas = load_areas(options.source, reporter);
    add_indicators(*areas, {}, true, reporter);
  }
  std::optional<PerAreaFigures> figures;
  if (!options.per_buurt.empty()) {
    figures = compute_per_area(dissolved, areas->hierarchy, options.min_sheets);
    layers.push_back(per_area_layer("per_buurt", figures->buurten, shapes_of(areas->hierarchy, geo::Level::buurt)));
    layers.push_back(
        per_area_layer("per_programmawijk", figures->programma, shapes_of(areas->hierarchy, geo::Level::programma)));
  }

  WrittenFiles written;
  if (grid) {
    // The counts as a raster too (band 1 = n, band 2 = N), for GIS work on large sets.
    const fs::path tif = fs::path(options.output).replace_extension("").string() + "_telling.tif";
    geo::write_count_geotiff(tif, *grid);
    written.add(tif);
    summary.raster = tif.string();
  }
  std::vector<const geo::Layer*> pointers;
  for (const auto& l : layers) pointers.push_back(&l);
  geo::write_layers(options.output, pointers);
  written.add(options.output);
  if (figures) {
    geo::Table table = per_area_table();
    append_per_area_rows(table, "buurt", figures->buurten);
    append_per_area_rows(table, "programmawijk", figures->programma);
    geo::write_csv(options.per_buurt, table);
    written.add(options.per_buurt);
  }
  if (!options.map.empty()) {
    OverlapMapText text;
    text.title = "Waar bewoners " + category_words(options.category) + " tekenden";
    if (options.category == "alle") text.title = "Waar bewoners tekenden";
    text.subtitle = std::to_string(summary.sheets) + " tekeningen; n van N: n tekeningen markeerden de plek, N lieten haar zien";
    text.paper = render::parse_paper(options.paper);
    if (!options.no_date) {
      text.date = map_date_text(text.language, std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    }
    write_overlap_map(options.map, overlap_map_spec(drawn, &areas->hierarchy, text), options.no_date);
    written.add(options.map);
  }
  written.keep();

  out << summary.sheets << " tekeningen (" << summary.sketches << " schetsen, categorie " << options.category
      << "), methode " << summary.method << ": " << summary.faces << (summary.method == "exact" ? " vlakken" : " cellen")
      << ", hoogste n = " << summary.max_n << "\n";
  if (figures) {
    std::size_t shown = 0;
    for (const auto& s : figures->buurten) shown += s.suppressed ? 0 : 1;
    out << "per buurt: " << shown << " van " << figures->buurten.size() << " buurten gepubliceerd (minstens "
        << options.min_sheets << " tekeningen), de rest onderdrukt -> " << options.per_buurt << "\n";
  }
  out << "geschreven: " << options.output;
  if (!summary.raster.empty()) out << ", " << summary.raster;
  if (!options.map.empty()) out << " en " << options.map;
  out << "\n";
  return summary;
}

}  // namespace wijkatlas::app
