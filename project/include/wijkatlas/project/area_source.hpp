#pragma once
// Where a use case's areas come from: the CBS buurten (the data directory's, or any GDAL
// dataset), the programme definition, the levels to build, and the key figures joined to them.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::project {

struct AreaSource {
  std::string data_dir;  // empty: geo::resolve_data_dir()
  std::string areas;     // buurten dataset; empty: the CBS product in the data directory
  std::string areas_layer = "buurten";
  std::string
      where;  // attribute filter; empty: the programme's gemeente when the layer has gemeentecode
  std::string programme;  // programme definition; empty: datasets/npao_programma.toml; "none": no
                          // programme level
  std::string levels = "buurt,wijk,programma,gemeente";
};

// The source with the levels buurt, wijk and programma only.
inline AreaSource without_gemeente(AreaSource source) {
  source.levels = "buurt,wijk,programma";
  return source;
}

struct LoadedAreas {
  geo::AreaHierarchy hierarchy;
  std::optional<std::filesystem::path> data_dir;  // set when the data directory was used
  std::filesystem::path areas_path;
  bool has_embedded_indicators = false;  // the areas dataset carries CBS key figures itself
  std::vector<geo::IndicatorJoinReport> indicator_reports;
  // The tables joined, in order (kept for `store import`).
  std::vector<geo::IndicatorTable> indicator_tables;
  // Set when the areas came from a project store: the key figures imported with them, which
  // add_indicators joins instead of the data directory's (area_store.hpp).
  std::optional<std::vector<geo::IndicatorTable>> stored_indicators;
  std::string store;  // the store they came from; empty: files
};

// The levels a comma-separated list names (buurt always). Throws request_error (field
// "levels") for an unknown level.
std::array<bool, 4> parse_levels(const std::string& text);

// Reads, checks and dissolves the areas. Throws request_error (field "levels") for an unknown
// level, io_error for a missing layer.
LoadedAreas load_areas(const AreaSource& source, geo::Reporter& reporter);

// Joins indicator tables keyed by CBS code: `files`, or when it is empty and `use_defaults`, the
// CBS key figures in the data directory (unless the areas carry their own). Warns about codes
// that match no area, then derives inhabitants and land area per level.
void add_indicators(LoadedAreas& loaded, const std::vector<std::string>& files, bool use_defaults,
                    geo::Reporter& reporter);

// One area by CBS code or name, ignoring case, searched from the buurt level up (`level` given:
// only that level). Throws request_error listing some names when none matches.
const geo::Area& find_area(const geo::AreaHierarchy& hierarchy, const std::string& name_or_code,
                           std::optional<geo::Level> level = std::nullopt);

}  // namespace wijkatlas::project
