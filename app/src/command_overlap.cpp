// `wijkatlas overlap`: the residents' drawings of one category summed up: where n of N sheets
// marked the same place (exact faces or a grid), a smoothed density, per buurt and programme
// wijk with small-number protection, and optionally a rendered map.
#include <filesystem>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::app {
namespace {

void check_outputs(const OverlapCommandOptions& o) {
  if (geo::format_for_path(o.output) != geo::VectorFormat::geopackage) {
    throw usage_error("-o: the overlap is written as a GeoPackage (.gpkg), not " + o.output);
  }
  if (!o.map.empty()) {
    try {
      render::output_format_for(o.map);
    } catch (const render_error& e) {
      throw usage_error(std::string("--map: ") + e.what());
    }
  }
  if (!o.per_buurt.empty() && std::filesystem::path(o.per_buurt).extension() != ".csv") {
    throw usage_error("--per-buurt: the table is written as CSV (.csv), not " + o.per_buurt);
  }
  std::vector<project::NamedPath> inputs = project::inputs_of(o.source);
  inputs.push_back({"store", o.store});
  project::check_outputs_apart({{"output", o.output}, {"per_buurt", o.per_buurt}, {"map", o.map}},
                               inputs);
}

}  // namespace

OverlapSummary run_overlap(const OverlapCommandOptions& options, geo::Reporter& reporter,
                           std::ostream& out) {
  project::OverlapRequest request = options;
  request.per_area = !options.per_buurt.empty();
  request.with_areas = !options.map.empty();
  check_outputs(options);
  const render::Paper paper = [&] {
    try {
      return render::parse_paper(options.paper);
    } catch (const render_error& e) {
      throw usage_error(std::string("--paper: ") + e.what());
    }
  }();
  project::check_overlap_request(request);  // a wrong request is said before the store is opened
  store::ProjectStore store = store::ProjectStore::open(options.store);
  const project::OverlapResult result = project::overlap(store, request, reporter);
  OverlapSummary summary{options.output,
                         result.method,
                         result.sheets,
                         result.sketches,
                         result.faces,
                         result.max_n,
                         ""};
  project::OverlapOutputs outputs;
  outputs.geopackage = options.output;
  outputs.per_area_csv = options.per_buurt;
  outputs.map = options.map;
  outputs.paper = paper;
  outputs.no_date = options.no_date;
  outputs.base_map.data_dir = options.source.data_dir;
  outputs.base_map.cache_dir = options.cache_dir;
  summary.raster = project::write_overlap(result, options.category, outputs, reporter);

  out << summary.sheets << " tekeningen (" << summary.sketches << " schetsen, categorie "
      << options.category << "), methode " << summary.method << ": " << summary.faces
      << (summary.method == "exact" ? " vlakken" : " cellen") << ", hoogste n = " << summary.max_n
      << "\n";
  if (result.figures) {
    std::size_t shown = 0;
    for (const auto& s : result.figures->buurten) shown += s.suppressed ? 0 : 1;
    out << "per buurt: " << shown << " van " << result.figures->buurten.size()
        << " buurten gepubliceerd (minstens " << options.min_sheets
        << " tekeningen), de rest onderdrukt -> " << options.per_buurt << "\n";
  }
  out << "geschreven: " << options.output;
  if (!summary.raster.empty()) out << ", " << summary.raster;
  if (!options.map.empty()) out << " en " << options.map;
  out << "\n";
  return summary;
}

}  // namespace wijkatlas::app
