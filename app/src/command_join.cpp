// `wijkatlas join`: points + areas + indicators -> per-area layers and a table.
#include <filesystem>
#include <iomanip>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/project/join.hpp"

namespace wijkatlas::app {
namespace {

void print_summary(const project::JoinResult& result, const JoinSummary& summary,
                   std::ostream& out) {
  out << summary.points << " punten gekoppeld";
  if (summary.outside > 0) out << ", " << summary.outside << " buiten alle buurten";
  out << "\n";
  // The programme wijken first: that is what a planner asks for.
  for (const auto& layer : result.layers) {
    if (layer.name != "programmawijken") continue;
    const auto naam = *layer.field_index("naam");
    const auto inwoners = *layer.field_index("inwoners");
    const auto n = *layer.field_index("n_punten");
    const auto rate = *layer.field_index("per_1000_inwoners");
    out << "\n"
        << std::left << std::setw(18) << "programmawijk" << std::right << std::setw(10)
        << "inwoners" << std::setw(8) << "punten" << std::setw(14) << "per 1000 inw"
        << "\n";
    for (const auto& f : layer.features) {
      out << std::left << std::setw(18) << geo::to_text(f.values[naam]) << std::right
          << std::setw(10) << std::fixed << std::setprecision(0)
          << geo::as_number(f.values[inwoners]).value_or(0) << std::setw(8)
          << geo::to_text(f.values[n]) << std::setw(14) << std::setprecision(2)
          << geo::as_number(f.values[rate]).value_or(0) << "\n";
    }
    out << std::defaultfloat;
  }
  const geo::AreaHierarchy& h = result.areas.hierarchy;
  out << "\n"
      << h.at(geo::Level::buurt).size() << " buurten, " << h.at(geo::Level::wijk).size()
      << " wijken, " << h.at(geo::Level::programma).size() << " programmawijken, "
      << h.at(geo::Level::gemeente).size() << " gemeente(n) -> " << summary.output << " en "
      << summary.csv << "\n";
}

}  // namespace

JoinSummary run_join(const JoinOptions& options, geo::Reporter& reporter, std::ostream& out) {
  JoinSummary summary;
  summary.output = options.output;
  summary.csv = options.csv.empty()
                    ? std::filesystem::path(options.output).replace_extension(".csv").string()
                    : options.csv;
  const project::JoinOutputs outputs{summary.output, summary.csv, options.include_personal};
  project::check_join_outputs(options, outputs);  // before the work starts

  const project::JoinResult result = project::join(options, reporter);
  summary.points = result.points;
  summary.outside = result.outside;
  if (result.theme_field_missing) {
    reporter.info(result.points_source + ": no field '" + options.theme_field +
                  "'; no counts per theme");
  }
  if (result.joined_points_left_out) {
    reporter.info(options.output + ": " + std::to_string(result.points) +
                  " points: no layer 'punten' with every point and its codes (more than " +
                  std::to_string(options.joined_points_limit) +
                  "; writing it takes longer than the join). Add it with --joined-points always, "
                  "or only each point's codes (the table 'punten_codes', fast) with "
                  "--joined-points codes");
  }
  project::write_join(result, outputs, reporter);
  print_summary(result, summary, out);
  return summary;
}

}  // namespace wijkatlas::app
