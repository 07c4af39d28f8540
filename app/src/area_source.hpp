#pragma once
// Loading the area hierarchy for a command: default data, programme definition, filters and
// the key figures that the CBS product carries in its own layers.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/areas.hpp"

namespace wijkatlas::app {

struct LoadedAreas {
  geo::AreaHierarchy hierarchy;
  std::optional<std::filesystem::path> data_dir;  // set when the data directory was used
  std::filesystem::path areas_path;
  bool has_embedded_indicators = false;  // the areas dataset carries CBS key figures itself
  std::vector<geo::IndicatorJoinReport> indicator_reports;
};

LoadedAreas load_areas(const AreaSourceOptions& options, geo::Reporter& reporter);

// Reports codes in indicator tables that match no area (a warning per table, first few codes).
void report_unmatched(const geo::IndicatorJoinReport& report, geo::Reporter& reporter);

}  // namespace wijkatlas::app
