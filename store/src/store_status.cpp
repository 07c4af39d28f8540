// Round two: setting the status of a spot or a sketch, and logging the change, in one
// transaction that reads the row it changes.
#include "schema.hpp"
#include "status_fields.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;

// What the change keeps from the status it replaces.
sketch::StatusInfo changed(const sketch::StatusInfo& before, const sketch::StatusChange& change) {
  sketch::StatusInfo s = before;
  s.status = change.status;
  if (change.note) s.note = *change.note;
  if (change.initiative)
    s.initiative = change.initiative->id.empty() ? std::nullopt : change.initiative;
  s.by = change.by;
  s.changed_at = utc_now();
  return s;
}

void log_change(Rows& log, const std::string& kind, const std::string& id, const std::string& uuid,
                const std::string& session, const sketch::StatusInfo& s) {
  namespace col = schema::status_changes;
  OGRFeatureUniquePtr row = log.new_row();
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
  log.insert(*row, "the status change of " + id);
}

}  // namespace

StatusSet ProjectStore::set_status(const sketch::StatusChange& change) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  Rows log(b, schema::status_changes::table);
  if (const auto number = sketch::parse_sketch_status_id(change.id)) {
    namespace col = schema::sketches;
    Rows sketches(b, col::table);
    WriteTransaction transaction(b);
    OGRFeatureUniquePtr f =
        sketches.first(std::string(col::number) + " = " + std::to_string(*number));
    if (!f) raise(ErrorKind::unknown_id, b.location(), "no sketch " + change.id + " in this store");
    const std::string id = sketch::sketch_status_id(*number);
    if (f->GetFieldAsInteger(col::superseded) != 0) {
      raise(ErrorKind::not_current, b.location(),
            "this sketch comes from an earlier photo of its sheet (superseded): set the status on "
            "the current one",
            "schets " + change.id);
    }
    const sketch::StatusInfo now = changed(read_status(*f, b.location(), "schets " + id), change);
    write_status(*f, now);
    sketches.update(*f, "the status of " + id);
    log_change(log, "schets", id, text(*f, col::uuid), text(*f, col::session), now);
    transaction.commit();
    return {id, "schets", now};
  }
  namespace col = schema::spots;
  Rows spots(b, col::table);
  WriteTransaction transaction(b);
  // Ids are typed by hand: compare without regard to case.
  OGRFeatureUniquePtr f =
      spots.first("lower(" + std::string(col::id) + ") = lower(" + sql_literal(change.id) + ")");
  if (!f)
    raise(ErrorKind::unknown_id, b.location(),
          "no spot or sketch with id '" + change.id + "' in this store");
  const std::string id = text(*f, col::id);
  const sketch::StatusInfo now = changed(read_status(*f, b.location(), "plek " + id), change);
  write_status(*f, now);
  spots.update(*f, "the status of " + id);
  log_change(log, "plek", id, text(*f, col::uuid), text(*f, col::session), now);
  transaction.commit();
  return {id, "plek", now};
}

}  // namespace wijkatlas::store
