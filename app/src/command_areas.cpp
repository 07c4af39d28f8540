// `wijkatlas areas`: build the hierarchy and write it.
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/join_output.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/output_check.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs

void run_areas(const AreasOptions& options, geo::Reporter& reporter) {
  check_outputs_apart({{"output", options.output}}, inputs_of(options.source));
  LoadedAreas loaded = load_areas(options.source, reporter);
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
