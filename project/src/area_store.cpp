#include "wijkatlas/project/area_store.hpp"

namespace wijkatlas::project {

bool areas_from_store(store::ProjectStore& store, const AreaSource& source) {
  if (!source.areas.empty() || !source.programme.empty() || !source.where.empty()) return false;
  for (const store::ImportRecord& r : store.imports())
    if (r.kind == "areas" && r.rows > 0) return true;
  return false;
}

LoadedAreas load_areas(store::ProjectStore& store, const AreaSource& source,
                       geo::Reporter& reporter) {
  if (!areas_from_store(store, source)) return load_areas(source, reporter);
  const std::array<bool, 4> levels = parse_levels(source.levels);
  std::optional<store::StoredAreas> stored = store.areas();
  if (!stored) return load_areas(source, reporter);
  LoadedAreas loaded;
  loaded.hierarchy = std::move(stored->hierarchy);
  loaded.areas_path = stored->source;
  loaded.store = store.location();
  for (std::size_t l = 1; l < 4; ++l) {
    if (levels[l]) continue;
    loaded.hierarchy.levels[l].clear();
    for (geo::Area& buurt : loaded.hierarchy.levels[0]) buurt.parent[l] = -1;
  }
  loaded.stored_indicators = store.indicator_tables();
  reporter.info("areas and key figures from the project store " + store.location() + " (" +
                stored->source + ", boundaries " + std::to_string(stored->boundary_year) + ")");
  return loaded;
}

}  // namespace wijkatlas::project
