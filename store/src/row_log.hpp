#pragma once
// Who writes and when, on every row a write transaction makes, changes or removes, and the
// history of it in the same transaction (format 5). A change to an existing row is a
// compare-and-set on its version: written only when the row still has the version the change
// was based on, else nothing is written and a conflict names who changed what since.
#include <optional>
#include <string>
#include <string_view>

#include "rows.hpp"

namespace wijkatlas::store::detail {

class RowLog {
 public:
  // `by`: a role or session name; the time is now, one time for the whole transaction.
  RowLog(Backend& backend, std::string by);

  const std::string& by() const { return by_; }
  const std::string& at() const { return at_; }

  // Stamps a new row (created and updated at/by, version 1), inserts it and logs it.
  void insert(Rows& rows, OGRFeature& row, const std::string& what);
  // Stamps a new row and inserts it without a history entry (a log of its own).
  void insert_unlogged(Rows& rows, OGRFeature& row, const std::string& what);
  // Writes `after` (the row `before` as read in this transaction, changed) when the stored row
  // still has version `based_on`: UPDATE ... WHERE uuid = ? AND row_version = ?. Logs every
  // field that differs. Returns the new version. Throws conflict (subject: `subject`) naming
  // what changed since, when and by whom; nothing is written then.
  long long update(Rows& rows, const OGRFeature& before, OGRFeature& after, long long based_on,
                   const std::string& subject);
  // Logs the removal of a row (before it is deleted).
  void removed(Rows& rows, const OGRFeature& row);
  // Deletes `row` (as read in this transaction) when the stored row still has version
  // `based_on`: DELETE ... WHERE uuid = ? AND row_version = ?, and logs its removal. Returns the
  // version the removal made. Throws conflict as update does; nothing is written then.
  long long remove(Rows& rows, const OGRFeature& row, long long based_on,
                   const std::string& subject);
  // One history entry: for what update() cannot compare itself (a geometry, as short text).
  void log(const std::string& table, const std::string& row_uuid, const std::string& row_id,
           const std::string& field, const std::optional<std::string>& old_value,
           const std::optional<std::string>& new_value, long long version);

 private:
  void stamp(Rows& rows, OGRFeature& row);
  [[noreturn]] void conflict(Rows& rows, const std::string& uuid, long long based_on,
                             const std::string& subject);

  Backend& backend_;
  Rows history_;
  std::string by_;
  std::string at_;
};

// The id people use for a row: a sheet's or spot's id, an ingest's id, S17 for a sketch.
std::string row_id(const std::string& table, const OGRFeature& row);
// A row's version (0 when it has none: a row of a table without bookkeeping).
long long row_version(const OGRFeature& row);

// Whether the history keeps a change of this field (not the bookkeeping, nor a status's own
// by and when, which the history entry has as changed_by and changed_at).
bool is_logged_field(std::string_view field);
// A field's value as the history keeps it: text (times as ISO 8601 UTC, booleans ja/nee),
// nullopt for NULL.
std::optional<std::string> value_text(const OGRFeature& f, int i);

// A row's removal as the history has it (the latest, when an id was removed more than once).
struct Removal {
  long long version = 0;
  std::string at, by;
};
std::optional<Removal> removal_of(Backend& backend, const std::string& table,
                                  const std::string& row_id);

}  // namespace wijkatlas::store::detail
