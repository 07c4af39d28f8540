#include "wijkatlas/project/status.hpp"

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/initiative_registry.hpp"

namespace wijkatlas::project {

store::StatusSet set_status(store::ProjectStore& store, const StatusRequest& request,
                            geo::Reporter& reporter) {
  const auto status = sketch::parse_status(request.status);
  if (!status) {
    throw request_error(
        "status", "unknown status '" + request.status + "' (use " + sketch::status_words() + ")");
  }
  sketch::StatusChange change;
  change.based_on = request.based_on ? *request.based_on : store.version_of(request.id);
  change.id = request.id;
  change.status = *status;
  change.note = request.note;
  if (request.initiative) {
    change.initiative = request.initiative->empty()
                            ? sketch::LinkedInitiative{}
                            : find_initiative(request.registry, *request.initiative, reporter);
  }
  change.by = request.by;
  return store.set_status(change);
}

}  // namespace wijkatlas::project
