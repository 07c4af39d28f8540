#pragma once
// What changed in a project store since a session or a date (`wijkatlas store log`), from the
// store's history: "what changed since the last tafel".
#include <string>
#include <vector>

#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct StoreLogRequest {
  // A date (2026-12-01, from its start, UTC), a UTC time (2026-12-01T18:00:00Z), or a session
  // name: then since the last moment recorded for it (its latest printed sheet, ingest, or
  // change made under its name).
  std::string since;
};

struct StoreLog {
  std::string since;        // the moment, ISO 8601 UTC
  std::string since_label;  // "sessie 'tafel Presikhaaf 12-3'" or "2026-12-01"
  std::vector<store::HistoryEntry> entries;
};

// Throws request_error (field "since") for an empty value or a session the store does not know.
StoreLog store_log(store::ProjectStore& store, const StoreLogRequest& request);

// One Dutch line per change, rows made or removed together in one line:
// "2026-12-02 13:05 planner Oost: plek blokgesprek-P01: status 'nieuw' -> 'opgepakt'",
// "2026-12-02 13:01 jan: 12 schetsen toegevoegd (S1 t/m S12)".
std::vector<std::string> summary_lines(const std::vector<store::HistoryEntry>& entries);

// One field's change in Dutch: "status 'nieuw' -> 'opgepakt'", "notitie (leeg) -> 'Stoep
// verbreed'".
std::string field_change_text(const store::HistoryEntry& entry);

}  // namespace wijkatlas::project
