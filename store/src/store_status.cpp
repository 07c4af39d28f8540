// Round two: setting the status of a spot or a sketch, and logging the change, in one
// transaction that reads the row it changes and writes it only when it still has the version
// the change was based on (compare-and-set); and reading back every status it was given.
#include <algorithm>

#include "schema.hpp"
#include "status_fields.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;

// What the change keeps from the status it replaces.
sketch::StatusInfo changed(const sketch::StatusInfo& before, const sketch::StatusChange& change,
                           const RowLog& log) {
  sketch::StatusInfo s = before;
  s.status = change.status;
  if (change.note) s.note = *change.note;
  if (change.initiative)
    s.initiative = change.initiative->id.empty() ? std::nullopt : change.initiative;
  s.by = log.by();
  s.changed_at = log.at();
  return s;
}

void log_change(RowLog& log, Rows& changes, const std::string& kind, const std::string& id,
                const std::string& uuid, const std::string& session, const sketch::StatusInfo& s) {
  namespace col = schema::status_changes;
  OGRFeatureUniquePtr row = changes.new_row();
  row->SetField(col::target_kind, kind.c_str());
  row->SetField(col::target_id, id.c_str());
  row->SetField(col::target_uuid, uuid.c_str());
  row->SetField(col::session, session.c_str());
  row->SetField(col::status, sketch::to_string(s.status).c_str());
  row->SetField(col::note, s.note.c_str());
  if (s.initiative) {
    row->SetField(col::initiative_id, s.initiative->id.c_str());
    row->SetField(col::initiative, s.initiative->name.c_str());
  }
  row->SetField(col::changed_by, s.by.c_str());
  set_time(*row, col::changed_at, s.changed_at);
  // The history has the change already, on the spot or sketch itself.
  log.insert_unlogged(changes, *row, "the status change of " + id);
}

// The row a status id names, read in the caller's transaction (or none).
struct Target {
  OGRFeatureUniquePtr row;
  std::string id;    // as stored
  std::string kind;  // plek, schets
  const char* table = nullptr;
};

// `based_on`: the version a change of it was based on (0: none), for the conflict's facts.
Target find_target(Backend& b, const std::string& typed, long long based_on = 0) {
  if (const auto number = sketch::parse_sketch_status_id(typed)) {
    Rows sketches(b, schema::sketches::table);
    OGRFeatureUniquePtr f =
        sketches.first(std::string(schema::sketches::number) + " = " + std::to_string(*number));
    if (!f) {
      // A change of a sketch another writer removed: a conflict that says so, not "unknown".
      if (const auto removal =
              removal_of(b, schema::sketches::table, sketch::sketch_status_id(*number))) {
        ConflictFacts facts;
        facts.based_on = based_on;
        facts.changed_at = removal->at;
        facts.changed_by = removal->by;
        raise_conflict(
            b.location(),
            "it was removed " + removal->at + " by " + removal->by + "; nothing was written",
            "schets " + sketch::sketch_status_id(*number), std::move(facts));
      }
      raise(ErrorKind::unknown_id, b.location(), "no sketch " + typed + " in this store");
    }
    return {std::move(f), sketch::sketch_status_id(*number), "schets", schema::sketches::table};
  }
  namespace col = schema::spots;
  Rows spots(b, col::table);
  // Ids are typed by hand: compare without regard to case.
  OGRFeatureUniquePtr f =
      spots.first("lower(" + std::string(col::id) + ") = lower(" + sql_literal(typed) + ")");
  if (!f)
    raise(ErrorKind::unknown_id, b.location(),
          "no spot or sketch with id '" + typed + "' in this store");
  std::string id = text(*f, col::id);
  return {std::move(f), std::move(id), "plek", col::table};
}

}  // namespace

std::vector<StatusHistoryEntry> ProjectStore::status_history(const std::string& id) {
  namespace col = schema::status_changes;
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  const Target target = find_target(b, id);
  std::vector<StatusHistoryEntry> out;
  Rows changes(b, col::table);
  changes.each(std::string(col::target_uuid) + " = " + sql_literal(text(*target.row, "uuid")),
               [&](OGRFeature& f) {
                 StatusHistoryEntry e;
                 const std::string word = text(f, col::status);
                 const auto status = sketch::parse_status(word);
                 if (!status)
                   raise(ErrorKind::bad_value, b.location(),
                         "unknown status '" + word + "' in the store",
                         target.kind + " " + target.id);
                 e.status = *status;
                 e.note = text(f, col::note);
                 if (!is_null(f, col::initiative_id) && !text(f, col::initiative_id).empty())
                   e.initiative = sketch::LinkedInitiative{text(f, col::initiative_id),
                                                           text(f, col::initiative), std::nullopt};
                 e.changed_at = time_text(f, col::changed_at);
                 e.changed_by = text(f, col::changed_by);
                 out.push_back(std::move(e));
               });
  // Times to the second: the order the table keeps breaks ties.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& c) { return a.changed_at < c.changed_at; });
  return out;
}

long long ProjectStore::version_of(const std::string& id) {
  const support::QuietGdalErrors quiet;
  return row_version(*find_target(*impl_->backend, id).row);
}

StatusSet ProjectStore::set_status(const sketch::StatusChange& change) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  Rows changes(b, schema::status_changes::table);
  WriteTransaction transaction(b);
  Target target = find_target(b, change.id, change.based_on.value_or(0));
  Rows rows(b, target.table);
  const std::string subject = target.kind + " " + target.id;
  if (target.kind == "schets" && target.row->GetFieldAsInteger(schema::sketches::superseded) != 0) {
    raise(ErrorKind::not_current, b.location(),
          "this sketch comes from an earlier photo of its sheet (superseded): set the status on "
          "the current one",
          "schets " + change.id);
  }
  RowLog log(b, change.by.empty() ? impl_->by : change.by);
  // The row as the status reads it (a status never set reads "nieuw"), so that the history
  // and a conflict show what a person saw.
  const sketch::StatusInfo was = read_status(*target.row, b.location(), subject);
  OGRFeatureUniquePtr shown(target.row->Clone());
  write_status(*shown, was);
  OGRFeature& before = *shown;
  const sketch::StatusInfo now = changed(was, change, log);
  OGRFeatureUniquePtr after(before.Clone());
  write_status(*after, now);
  const long long version =
      log.update(rows, before, *after, change.based_on.value_or(row_version(before)), subject);
  log_change(
      log, changes, target.kind, target.id, text(before, "uuid"),
      text(before, target.kind == "schets" ? schema::sketches::session : schema::spots::session),
      now);
  transaction.commit();
  return {target.id, target.kind, now, version};
}

}  // namespace wijkatlas::store
