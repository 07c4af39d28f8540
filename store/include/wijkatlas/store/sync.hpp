#pragma once
// To the buurthuis and back (issue 13): a copy of a project (or of the part that touches one
// wijk) in another store, a laptop's GeoPackage, that remembers where it came from and the
// version of every row it took; and a push of the edits made on it back to the store, per row,
// in one transaction: new rows inserted, rows changed only on the laptop written as a
// compare-and-set on the version they were copied at, rows changed on both sides (or removed on
// one and changed on the other) held back as conflicts for a person to decide. Nothing is ever
// overwritten without that decision (docs/store.md, "Naar het buurthuis en terug").
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/store/project_store.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::store {

struct CopyRequest {
  std::string from;  // any store location
  std::string to;    // a new store location (never over an existing one)
  // Only the part that touches this area: every sheet whose map extent, and every digital
  // drawing of which a sketch, touches it, whole (all versions, all sketches); the spots that
  // touch it; the status changes and history of the rows taken. Tables of other data (areas,
  // figures a store import loaded) are copied whole, and never pushed back. nullopt: the whole
  // project.
  std::optional<geo::MultiPolygon> area;
  std::string area_name;  // recorded with the copy ("" for the whole project)
  OpenOptions options;    // who copies (by), the busy timeout for both stores
};

struct CopyResult {
  std::string from;  // as the source store shows itself (never a password)
  std::string to;
  std::string copied_at;
  std::map<std::string, std::size_t> rows;  // per table
};

// Copies in one transaction on the target, which is published whole or not at all; reads the
// source inside its write transaction, so that the copy is one moment of it (writers there wait
// up to the busy timeout). Throws store_error as open and create do.
CopyResult copy_project(const CopyRequest& request);

// Where a copy came from, as recorded in it; nullopt for a store that is not such a copy.
struct CopyOrigin {
  std::string from;
  std::string copied_at;
  std::string copied_by;
  std::string area_name;
  std::string last_push;  // "" before the first push
};
std::optional<CopyOrigin> copy_origin(std::string_view location, const OpenOptions& options = {});

enum class ConflictKind {
  both_changed,       // changed on the laptop and in the store since the copy
  removed_on_laptop,  // removed on the laptop, changed in the store
  removed_in_store,   // changed on the laptop, removed in the store
  id_taken,           // new on the laptop under an id (a spot's) the store gives another row
};
std::string_view to_string(ConflictKind kind);  // "both_changed", ...

struct PushConflict {
  std::string table;
  std::string row_id;  // S17, a spot's or sheet's id
  std::string row_uuid;
  ConflictKind kind = ConflictKind::both_changed;
  long long base_version = 0;  // the version it was copied at
  // What changed since the copy, field by field with old and new value, when, by whom.
  std::vector<HistoryEntry> laptop_changes;
  std::vector<HistoryEntry> store_changes;
};

struct PushRequest {
  std::string laptop;  // a copy made by copy_project
  std::string to;      // the store to bring its edits to (the one it came from, or another
                       // store of the same project)
  // Decisions for rows in conflict, by row id (S17, a spot's or sheet's id) or uuid: `ours`
  // writes the laptop's row over the store's, `theirs` keeps the store's and gives it to the
  // laptop. "all" decides every conflict.
  std::vector<std::string> ours;
  std::vector<std::string> theirs;
  OpenOptions options;  // who pushes (by): the history's "(via push)" entries name it
};

struct PushResult {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t removed = 0;
  std::size_t already_there = 0;  // the same file or sheet stored in both: kept once
  std::size_t took_ours = 0;
  std::size_t kept_theirs = 0;
  std::map<std::string, std::string> renumbered;  // laptop sketch id -> its id in the store
  std::vector<std::string> unused_decisions;      // decisions that matched no conflict
  // Not written; the laptop keeps them as they were, to decide and push again.
  std::vector<PushConflict> conflicts;

  bool wrote_nothing() const {
    return inserted + updated + removed + took_ours + kept_theirs == 0 && renumbered.empty();
  }
};

// Brings the laptop's edits to the store in one transaction there, then records on the laptop
// the versions now shared (so that a second push is a no-op), also in one transaction. The
// history in the store gets each pushed change with its original time and author, and one
// "(via push)" entry per row. Throws store_error: not_a_store (the laptop is no copy),
// foreign_project (a store of another project), and as open does.
PushResult push(const PushRequest& request);

}  // namespace wijkatlas::store
