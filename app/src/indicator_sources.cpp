#include "indicator_sources.hpp"

#include "wijkatlas/geo/indicators.hpp"

namespace wijkatlas::app {

void join_indicator_files(LoadedAreas& loaded, const std::vector<std::string>& files,
                          bool use_defaults, geo::Reporter& reporter) {
  std::vector<std::filesystem::path> paths(files.begin(), files.end());
  // Without a CBS product that carries its own figures, use the key figures per wijk (all 117
  // measures of 85984NED) and per buurt from the data directory.
  if (paths.empty() && use_defaults && !loaded.has_embedded_indicators && loaded.data_dir) {
    for (const char* name : {"arnhem_kerncijfers_wijken_2024_85984NED.csv", "arnhem_kerncijfers_buurten_2024.csv"}) {
      const auto path = *loaded.data_dir / "cbs" / name;
      if (std::filesystem::exists(path)) paths.push_back(path);
    }
  }
  for (const auto& path : paths) {
    const auto table = geo::read_indicators(path, {}, reporter);
    loaded.indicator_reports.push_back(geo::join_indicators(loaded.hierarchy, table));
  }
  for (const auto& report : loaded.indicator_reports) report_unmatched(report, reporter);
  geo::derive_population_and_land(loaded.hierarchy, reporter);
}

}  // namespace wijkatlas::app
