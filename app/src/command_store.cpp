// `wijkatlas store init`: a new project store; `wijkatlas store log`: what changed in one since a
// session or a date, one Dutch line per change, from the store's history.
#include <ostream>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/store_log.hpp"
#include "wijkatlas/store/project_store.hpp"

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

}  // namespace wijkatlas::app
