// `wijkatlas areas`: build the hierarchy and write it.
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/join_output.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs

void run_areas(const AreasOptions& options, geo::Reporter& reporter) {
  std::vector<NamedPath> inputs = inputs_of(options.source);
  inputs.push_back({"store", options.store});
  check_outputs_apart({{"output", options.output}}, inputs);
  LoadedAreas loaded = [&] {
    if (options.store.empty()) return load_areas(options.source, reporter);
    store::ProjectStore store = store::ProjectStore::open(options.store);
    return load_areas(store, options.source, reporter);
  }();
  add_indicators(loaded, {}, true, reporter);
  geo::JoinOutputOptions output;
  output.with_counts = false;
  const auto layers = geo::area_result_layers(loaded.hierarchy, geo::PointJoinResult{}, output);
  std::vector<const geo::Layer*> pointers;
  for (const auto& l : layers) pointers.push_back(&l);
  geo::write_layers(options.output, pointers);
  reporter.info("written: " + options.output);
}

}  // namespace wijkatlas::app
