// `wijkatlas compare`: what residents draw beside what the figures say, per buurt: a table with
// both values, both ranks and Spearman's rho, and a two-panel map at one scale.
#include <filesystem>
#include <iomanip>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/compare.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::app {

CompareSummary run_compare(const CompareOptions& options, geo::Reporter& reporter,
                           std::ostream& out) {
  if (std::filesystem::path(options.output).extension() != ".csv") {
    throw usage_error("-o: the comparison table is written as CSV (.csv), not " + options.output);
  }
  if (!options.map.empty()) {
    try {
      render::output_format_for(options.map);
    } catch (const render_error& e) {
      throw usage_error(std::string("--map: ") + e.what());
    }
  }
  std::vector<project::NamedPath> inputs = project::inputs_of(options.source);
  inputs.push_back({"store", options.store});
  for (const auto& table : options.indicators) inputs.push_back({"indicators", table});
  project::check_outputs_apart({{"output", options.output}, {"map", options.map}}, inputs);
  project::check_compare_request(options);  // a wrong request is said before the store is opened
  store::ProjectStore store = store::ProjectStore::open(options.store);
  const project::Comparison comparison = project::compare(store, options, reporter);
  project::CompareOutputs outputs;
  outputs.csv = options.output;
  outputs.map = options.map;
  outputs.no_date = options.no_date;
  outputs.base_map.data_dir = options.source.data_dir;
  outputs.base_map.cache_dir = options.cache_dir;
  project::write_compare(comparison, outputs, reporter);

  const project::CompareResult& result = comparison.ranks;
  CompareSummary summary;
  summary.buurten = result.rows.size();
  summary.compared = result.compared;
  summary.rho = result.rho;
  out << "vergeleken: " << summary.compared << " van " << summary.buurten << " buurten ("
      << comparison.measure_legend << " tegen " << options.indicator << ")\n";
  if (summary.rho) {
    out << "Spearmans rangcorrelatie: " << std::fixed << std::setprecision(2) << *summary.rho
        << std::defaultfloat << "\n";
  } else {
    out << "Spearmans rangcorrelatie: niet te berekenen (minder dan twee buurten met beide "
           "waarden)\n";
  }
  for (const auto& r : result.rows) {
    if (!r.disagree) continue;
    summary.disagree.push_back(r.code);
    out << "  groot verschil: " << r.naam << " (" << r.code << "): rang bewoners "
        << *r.rank_residents << ", rang cijfers " << *r.rank_indicator << "\n";
  }
  out << "geschreven: " << options.output << (options.map.empty() ? "" : " en " + options.map)
      << "\n";
  return summary;
}

}  // namespace wijkatlas::app
