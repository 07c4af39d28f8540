#pragma once
// Round two's status use case (docs/round-two.md): what was done with a spot or sketch of a
// session, from a closed vocabulary, with a note and a linked initiative from the registry.
#include <optional>
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct StatusRequest {
  std::string id;                         // a spot (blokgesprek-hommelstraat-P01) or sketch (S17)
  std::string status;                     // nieuw, in behandeling, opgepakt, geen actie
  std::optional<std::string> note;        // what was done; "" removes it; not given: kept
  std::optional<std::string> initiative;  // id or name in the registry; "" removes the link
  std::string registry;  // initiative registry; empty: examples/initiatieven_arnhem_oost.csv
  std::string by;        // who sets it: a role or a meeting, never a resident's name
  // The row's version the change is based on (what the person saw listed); nullopt: the version
  // read when this use case starts, before the registry is looked up.
  std::optional<long long> based_on;
};

// Sets it in one transaction and logs the change, a compare-and-set on the row's version.
// Throws request_error (field "status") for a word outside the vocabulary, data_error for an
// unknown initiative, store errors for an unknown id or a conflict (the row changed since).
store::StatusSet set_status(store::ProjectStore& store, const StatusRequest& request,
                            geo::Reporter& reporter);

}  // namespace wijkatlas::project
