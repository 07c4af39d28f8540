#include "wijkatlas/project/area_source.hpp"

#include <sstream>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/indicators.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/programme.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

// The generalized extract of the CBS map in the data directory (50-300 m off; datasets README).
constexpr const char* generalized_areas = "arnhem_wijkbuurt_2024_generalized.gpkg";

// The detailed CBS product when the user has fetched it, else the generalized extract.
fs::path default_areas(const fs::path& data_dir) {
  const fs::path detailed = data_dir / "cbs" / "wijkenbuurten_2024_v2.gpkg";
  if (fs::exists(detailed)) return detailed;
  return data_dir / "cbs" / generalized_areas;
}

bool has_field(const geo::LayerSummary& layer, std::string_view name) {
  for (const auto& f : layer.fields) {
    if (f.name == name) return true;
  }
  return false;
}

const geo::LayerSummary* find_layer(const geo::DatasetSummary& ds, std::string_view name) {
  for (const auto& l : ds.layers) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

// CBS products (PDOK wijkenbuurten) carry key figures as columns; the generalized extract
// does not. aantal_inwoners tells them apart.
void join_embedded(LoadedAreas& loaded, const fs::path& path, const geo::LayerSummary& layer,
                   const std::string& key, const std::string& where, geo::Reporter& reporter) {
  geo::ReadOptions read;
  read.layer = layer.name;
  read.where = where;
  read.require_geometry = false;
  geo::Layer table_layer = geo::read_layer(path, read, reporter);
  const auto table = geo::indicators_from_layer(
      table_layer, key,
      {"buurtnaam", "wijknaam", "gemeentenaam", "wijkcode", "gemeentecode", "buurtcode"});
  loaded.indicator_reports.push_back(geo::join_indicators(loaded.hierarchy, table));
  loaded.indicator_tables.push_back(table);
  loaded.has_embedded_indicators = true;
}

// Reports codes in indicator tables that match no area (a warning per table, first few codes).
void report_unmatched(const geo::IndicatorJoinReport& report, geo::Reporter& reporter) {
  if (report.unmatched.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < std::min<std::size_t>(5, report.unmatched.size()); ++i) {
    list += (i ? "; " : "") + report.unmatched[i];
  }
  reporter.warn(report.source + ": " + std::to_string(report.unmatched.size()) +
                " codes match no area (" + list + (report.unmatched.size() > 5 ? "; ..." : "") +
                ")");
}

}  // namespace

std::array<bool, 4> parse_levels(const std::string& text) {
  std::array<bool, 4> build{true, false, false, false};
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item == "buurt")
      build[0] = true;
    else if (item == "wijk")
      build[1] = true;
    else if (item == "programma" || item == "programmawijk")
      build[2] = true;
    else if (item == "gemeente")
      build[3] = true;
    else
      throw request_error("levels",
                          "unknown level '" + item + "' (use buurt, wijk, programma, gemeente)");
  }
  return build;
}

LoadedAreas load_areas(const AreaSource& options, geo::Reporter& reporter) {
  LoadedAreas loaded;
  if (options.areas.empty()) {
    loaded.data_dir = geo::resolve_data_dir(options.data_dir);
    loaded.areas_path = default_areas(*loaded.data_dir);
  } else {
    loaded.areas_path = options.areas;
    if (!options.data_dir.empty()) loaded.data_dir = geo::resolve_data_dir(options.data_dir);
  }

  std::optional<geo::Programme> programme;
  if (options.programme != "none") {
    programme = geo::load_programme(options.programme.empty()
                                        ? geo::project_file("datasets/npao_programma.toml")
                                        : fs::path(options.programme));
  }
  geo::HierarchyOptions hierarchy_options;
  hierarchy_options.build_level = parse_levels(options.levels);

  const geo::DatasetSummary dataset =
      geo::describe_dataset(loaded.areas_path, geo::DescribeDetail::structure);
  const geo::LayerSummary* buurten = find_layer(dataset, options.areas_layer);
  if (buurten == nullptr) {
    throw io_error(loaded.areas_path.string(), "no layer '" + options.areas_layer + "'");
  }
  // The national CBS product holds every gemeente; keep the programme's.
  std::string where = options.where;
  if (where.empty() && programme && has_field(*buurten, "gemeentecode")) {
    where = "gemeentecode = '" + programme->gemeentecode + "'";
  }
  geo::ReadOptions read;
  read.layer = options.areas_layer;
  read.where = where;
  geo::Layer buurt_layer = geo::read_layer(loaded.areas_path, read, reporter);

  if (const auto* wijken = find_layer(dataset, "wijken");
      wijken != nullptr && has_field(*wijken, "wijkcode") && has_field(*wijken, "wijknaam")) {
    geo::ReadOptions names;
    names.layer = "wijken";
    names.fields = {"wijkcode", "wijknaam"};
    names.require_geometry = false;
    names.where = has_field(*wijken, "gemeentecode") ? where : std::string{};
    for (const auto& f : geo::read_layer(loaded.areas_path, names, reporter).features) {
      hierarchy_options.wijk_names[geo::to_text(f.values[0])] = geo::to_text(f.values[1]);
    }
  }

  loaded.hierarchy = geo::build_hierarchy(std::move(buurt_layer), programme ? &*programme : nullptr,
                                          hierarchy_options, reporter);
  loaded.hierarchy.simplified_boundaries = loaded.areas_path.filename() == generalized_areas;

  const std::pair<const char*, const char*> embedded[] = {
      {options.areas_layer.c_str(), "buurtcode"},
      {"wijken", "wijkcode"},
      {"gemeenten", "gemeentecode"}};
  for (const auto& [layer_name, key] : embedded) {
    const auto* layer = find_layer(dataset, layer_name);
    if (layer != nullptr && has_field(*layer, "aantal_inwoners") && has_field(*layer, key)) {
      join_embedded(loaded, loaded.areas_path, *layer, key,
                    has_field(*layer, "gemeentecode") ? where : std::string{}, reporter);
    }
  }
  return loaded;
}

void add_indicators(LoadedAreas& loaded, const std::vector<std::string>& files, bool use_defaults,
                    geo::Reporter& reporter) {
  std::vector<std::filesystem::path> paths(files.begin(), files.end());
  // Without a CBS product that carries its own figures, use the key figures per wijk (all 117
  // measures of 85984NED) and per buurt from the data directory.
  if (paths.empty() && use_defaults && !loaded.has_embedded_indicators && loaded.data_dir) {
    for (const char* name :
         {"arnhem_kerncijfers_wijken_2024_85984NED.csv", "arnhem_kerncijfers_buurten_2024.csv"}) {
      const auto path = *loaded.data_dir / "cbs" / name;
      if (std::filesystem::exists(path)) paths.push_back(path);
    }
  }
  if (paths.empty() && use_defaults && loaded.stored_indicators) {
    for (const auto& table : *loaded.stored_indicators) {
      loaded.indicator_reports.push_back(geo::join_indicators(loaded.hierarchy, table));
      loaded.indicator_tables.push_back(table);
    }
  }
  for (const auto& path : paths) {
    auto table = geo::read_indicators(path, {}, reporter);
    loaded.indicator_reports.push_back(geo::join_indicators(loaded.hierarchy, table));
    loaded.indicator_tables.push_back(std::move(table));
  }
  for (const auto& report : loaded.indicator_reports) report_unmatched(report, reporter);
  geo::derive_population_and_land(loaded.hierarchy, reporter);
}

const geo::Area& find_area(const geo::AreaHierarchy& hierarchy, const std::string& name_or_code,
                           std::optional<geo::Level> only) {
  // Codes first (unique); then names, buurt before wijk: a sheet is usually for a small place,
  // and a wijk of one buurt has the buurt's name and shape anyway.
  for (const bool by_code : {true, false}) {
    for (const geo::Level level : geo::all_levels) {
      if (only && level != *only) continue;
      for (const geo::Area& a : hierarchy.at(level)) {
        if (support::equal_ignoring_case(by_code ? a.code : a.naam, name_or_code)) return a;
      }
    }
  }
  std::string some;
  std::size_t shown = 0;
  for (const geo::Level level : {geo::Level::programma, geo::Level::wijk}) {
    for (const geo::Area& a : hierarchy.at(level)) {
      if (shown++ < 8) some += (some.empty() ? "" : ", ") + a.naam;
    }
  }
  throw request_error("area", "no buurt, wijk or programme wijk is called or coded '" +
                                  name_or_code + "' (for example: " + some + ")");
}

}  // namespace wijkatlas::project
