#pragma once
// "Sinds vorige keer" (issue 14): what is new or changed in a project since an earlier session
// or a date, as places for the map and lines for a list: drawings added, changed or removed,
// spots made and their statuses changed, initiatives started. From the store's history (the
// moment as `store log` finds it) and the initiative registry. Nothing is written.
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/project/store_log.hpp"

namespace wijkatlas::project {

enum class ChangeKind {
  new_drawing,      // a sketch stored since (scanned, digital or drawn on screen)
  changed_drawing,  // its status, note, category or shape changed since
  removed_drawing,  // withdrawn since (no geometry any more)
  new_spot,         // a spot made since (status --session)
  changed_spot,     // its status, note or linked initiative changed since
  new_initiative,   // an initiative of the registry that started on or after the day
};

// "nieuwe_tekening", "gewijzigde_tekening", "verwijderde_tekening", "nieuwe_plek",
// "gewijzigde_plek", "nieuw_initiatief": the words the viewer's API uses.
std::string to_string(ChangeKind kind);
// What a legend says of it, as the viewer's: "Nieuw getekend", "Tekening gewijzigd", ...
std::string change_label(ChangeKind kind);

struct SinceChange {
  ChangeKind kind = ChangeKind::new_drawing;
  std::string id;        // S17, a spot's id, an initiative's kenmerk
  std::string session;   // of a sketch or spot
  std::string category;  // probleem, fijne_plek, idee; an initiative's thema
  std::string name;      // an initiative's naam
  std::string when;      // the latest change (ISO 8601 UTC); an initiative's startdatum
  // What changed, one Dutch phrase each: "status 'nieuw' -> 'opgepakt'".
  std::vector<std::string> what;
  std::string status;  // the status now in the printed words ("nog open"); "" for initiatives
  int n = 1;           // sheets that marked a spot (the small-number rule); 1 for a drawing
  std::optional<geo::Geometry> geometry;  // RD New; none for a removed drawing
};

struct SinceLastTime {
  std::string since;                 // ISO 8601 UTC
  std::string since_label;           // "sessie 'tafel Presikhaaf 12-3'" or "2026-12-01"
  std::vector<SinceChange> changes;  // drawings, spots, then initiatives; each by id
};

// `registry`: the initiatives as a point layer (id, naam, thema, startdatum); those whose
// startdatum is on or after the day of the moment count as new. Throws request_error (field
// "since") as store_log does.
SinceLastTime since_last_time(store::ProjectStore& store, const StoreLogRequest& request,
                              const geo::Layer& registry);

}  // namespace wijkatlas::project
