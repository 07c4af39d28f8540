// `wijkatlas map`: one map definition rendered to PDF, SVG or PNG.
#include <chrono>
#include <cstdio>
#include <ostream>

#include "wijkatlas/project/map_sources.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace {

// Command-line overrides checked like the definition's own values.
void apply_overrides(const MapOptions& options, render::MapDefinition& def) {
  try {
    if (!options.paper.empty()) def.page.paper = render::parse_paper(options.paper);
    if (!options.orientation.empty()) def.page.orientation = render::parse_orientation(options.orientation);
    if (!options.language.empty()) def.language = render::parse_language(options.language);
  } catch (const render_error& e) {
    throw usage_error(e.what());
  }
  if (options.dpi < 0) throw usage_error("--dpi must be positive");
  if (options.dpi > 0) def.page.dpi = options.dpi;
}

}  // namespace

// "Gemaakt op 23-11-2026" / "Made on 2026-11-23"; shared with command_atlas.cpp.
std::string map_date_text(render::Language language, std::chrono::sys_days day);
std::string map_date_text(render::Language language, std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const unsigned d = static_cast<unsigned>(ymd.day()), m = static_cast<unsigned>(ymd.month());
  const int y = static_cast<int>(ymd.year());
  char text[40];
  if (language == render::Language::nl) std::snprintf(text, sizeof text, "Gemaakt op %02u-%02u-%d", d, m, y);
  else std::snprintf(text, sizeof text, "Made on %d-%02u-%02u", y, m, d);
  return text;
}

MapSummary run_map(const MapOptions& options, geo::Reporter& reporter, std::ostream& out) {
  render::OutputFormat format{};
  try {
    format = render::output_format_for(options.output);  // a wrong extension fails before any work
  } catch (const render_error& e) {
    throw usage_error(std::string("-o: ") + e.what());
  }
  render::require_font_family(render::default_font_family);
  std::optional<render::Language> language;
  try {
    if (!options.language.empty()) language = render::parse_language(options.language);
  } catch (const render_error& e) {
    throw usage_error(e.what());
  }
  render::MapDefinition def = render::load_map_definition(options.definition, language);
  apply_overrides(options, def);
  MapSources sources(options.data_dir, reporter);
  render::MapSpec spec = sources.resolve(def);

  render::DocumentInfo info{.title = spec.title, .author = "wijkatlas", .subject = spec.subtitle};
  if (!options.no_date) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    info.created = now;
    spec.date = map_date_text(spec.language, std::chrono::floor<std::chrono::days>(now));
  }
  if (format == render::OutputFormat::png) {
    const auto px = spec.page.raster_size();
    reporter.info("PNG van " + std::to_string(px.width) + " x " + std::to_string(px.height) + " pixels");
  }
  const render::MapPlan plan = render::write_map(options.output, spec, info);
  MapSummary summary{options.output, plan.frame.scale_denominator(), plan.labels.size(), plan.labels_dropped};
  out << "kaart geschreven: " << summary.output << " (schaal 1:"
      << render::format_number(summary.scale, 0, render::Language::nl) << ", " << summary.labels << " labels, "
      << summary.labels_dropped << " weggelaten wegens ruimte)\n";
  return summary;
}

}  // namespace wijkatlas::app
