// `wijkatlas store init`: a new project store; `wijkatlas store log`: what changed in one since a
// session or a date, one Dutch line per change, from the store's history; `wijkatlas store
// import`: areas, key figures, a registry and asset points into one.
#include <filesystem>
#include <ostream>

#include "store_options.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/store_import.hpp"
#include "wijkatlas/project/store_log.hpp"
#include "wijkatlas/store/project_store.hpp"
#include "wijkatlas/store/store_file.hpp"

namespace wijkatlas::app {

void run_store_init(const StoreInitOptions& o, std::ostream& out) {
  if (o.project.empty()) throw usage_error("--project needs a name");
  const store::ProjectStore store = store::ProjectStore::create(o.store, o.project);
  out << "projectstore gemaakt: " << store.location() << " (project '" << store.project()
      << "', formaat " << store::format_version << ")\n";
}

StoreLogSummary run_store_log(const StoreLogOptions& o, std::ostream& out) {
  store::OpenOptions options;
  options.check_writable = false;  // reading only
  store::ProjectStore store = store::ProjectStore::open(o.store, options);
  const project::StoreLog log = project::store_log(store, {o.since});
  if (log.entries.empty()) {
    out << "geen wijzigingen sinds " << log.since_label << " (" << log.since << ")\n";
    return {0};
  }
  out << "wijzigingen in " << store.location() << " sinds " << log.since_label << " (" << log.since
      << "):\n";
  for (const std::string& line : project::summary_lines(log.entries)) out << "  " << line << "\n";
  return {log.entries.size()};
}

StoreImportSummary run_store_import(const StoreImportOptions& o, geo::Reporter& reporter,
                                    std::ostream& out) {
  project::StoreImportRequest request;
  request.areas.data_dir = o.data_dir;
  request.with_areas = !o.no_areas;
  request.indicators = o.indicators;
  request.registry = o.registry;
  request.assets = o.assets;
  request.points = o.points;
  request.points_layer = o.layer_name;
  request.include_personal = o.include_personal;
  if (!request.with_areas && request.registry.empty() && request.assets.empty() &&
      request.points.empty())
    throw usage_error("--no-areas leaves nothing to import: name --registry, --assets or --points");
  // The store is opened (and made, the first time) only after the inputs are read; a store this
  // command made is removed again when the import fails (a bad row of an asset file).
  store::ImportBatch batch = project::read_import(request, reporter);
  const bool made = !store::is_postgresql_location(o.store) && !std::filesystem::exists(o.store);
  store::ImportOutcome outcome;
  std::string location;
  try {
    store::ProjectStore store =
        store::ProjectStore::open_or_create(o.store, "npao", store_options(o.by));
    location = store.location();
    outcome = store.import_data(batch);
  } catch (...) {
    if (made) {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(o.store + suffix, ignored);
    }
    throw;
  }
  StoreImportSummary summary;
  out << "ingelezen in " << location << ":\n";
  for (const store::ImportedPart& part : outcome.parts) {
    ++summary.parts;
    summary.rows += part.rows;
    if (part.unchanged) ++summary.unchanged;
    out << "  " << part.name << ": " << part.rows << " rijen"
        << (part.unchanged ? " (ongewijzigd, niets geschreven)"
                           : " (versie " + std::to_string(part.version) + ")")
        << "\n";
  }
  return summary;
}

}  // namespace wijkatlas::app
