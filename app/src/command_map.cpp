// `wijkatlas map`: one map definition rendered to PDF, SVG or PNG.
#include <ostream>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/maps.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::app {

MapSummary run_map(const MapOptions& options, geo::Reporter& reporter, std::ostream& out) {
  render::OutputFormat format{};
  try {
    format = render::output_format_for(options.output);  // a wrong extension fails before any work
  } catch (const render_error& e) {
    throw usage_error(std::string("-o: ") + e.what());
  }
  project::check_outputs_apart({{"output", options.output}}, {{"definition", options.definition}});
  const project::PreparedMap map = project::prepare_map(options, reporter);
  if (format == render::OutputFormat::png) {
    const auto px = map.spec.page.raster_size();
    reporter.info("PNG of " + std::to_string(px.width) + " x " + std::to_string(px.height) +
                  " pixels");
  }
  const render::MapPlan plan = render::write_map(options.output, map.spec, map.info);
  MapSummary summary{options.output, plan.frame.scale_denominator(), plan.labels.size(),
                     plan.labels_dropped};
  out << "kaart geschreven: " << summary.output
      << " (schaal 1:" << render::format_number(summary.scale, 0, render::Language::nl) << ", "
      << summary.labels << " labels, " << summary.labels_dropped << " weggelaten wegens ruimte)\n";
  return summary;
}

}  // namespace wijkatlas::app
