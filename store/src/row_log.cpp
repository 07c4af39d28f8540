#include "row_log.hpp"

#include <array>
#include <string_view>

#include "schema.hpp"
#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::store::detail {
namespace {
namespace h = schema::history;

std::string quoted(const std::optional<std::string>& v) {
  return v ? "'" + *v + "'" : "(leeg)";
}

}  // namespace

// Fields whose change the history does not repeat: the bookkeeping itself, and the status's
// own "by" and "when", which the history entry has as changed_by and changed_at.
bool is_logged_field(std::string_view field) {
  constexpr std::array skipped{schema::row::created_at,   schema::row::created_by,
                               schema::row::updated_at,   schema::row::updated_by,
                               schema::row::version,      schema::status::by,
                               schema::status::changed_at};
  for (const char* s : skipped)
    if (field == s) return false;
  return true;
}

// A field's value as text (times as ISO 8601 UTC), nullopt for NULL; blobs are never logged.
std::optional<std::string> value_text(const OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return std::nullopt;
  const OGRFieldDefn* defn = f.GetFieldDefnRef(i);
  if (defn->GetType() == OFTDateTime) return time_text(f, defn->GetNameRef());
  if (defn->GetType() == OFTInteger && defn->GetSubType() == OFSTBoolean)
    return f.GetFieldAsInteger(i) != 0 ? "ja" : "nee";
  return f.GetFieldAsString(i);
}

std::string row_id(const std::string& table, const OGRFeature& row) {
  if (table == schema::sketches::table)
    return sketch::sketch_status_id(row.GetFieldAsInteger64(schema::sketches::number));
  const int i = row.GetDefnRef()->GetFieldIndex("id");
  return i >= 0 ? row.GetFieldAsString(i) : text(row, "uuid");
}

long long row_version(const OGRFeature& row) {
  const int i = row.GetDefnRef()->GetFieldIndex(schema::row::version);
  return i >= 0 ? row.GetFieldAsInteger64(i) : 0;
}

RowLog::RowLog(Backend& backend, std::string by)
    : backend_(backend),
      history_(backend, h::table),
      by_(by.empty() ? "wijkatlas" : std::move(by)),
      at_(utc_now()) {}

void RowLog::stamp(Rows& rows, OGRFeature& row) {
  if (!rows.has_column(schema::row::version)) return;
  if (is_null(row, schema::row::created_at)) set_time(row, schema::row::created_at, at_);
  row.SetField(schema::row::created_by, by_.c_str());
  set_time(row, schema::row::updated_at, at_);
  row.SetField(schema::row::updated_by, by_.c_str());
  if (row_version(row) < 1) row.SetField(schema::row::version, 1);
}

void RowLog::insert_unlogged(Rows& rows, OGRFeature& row, const std::string& what) {
  stamp(rows, row);
  rows.insert(row, what);
}

void RowLog::insert(Rows& rows, OGRFeature& row, const std::string& what) {
  insert_unlogged(rows, row, what);
  log(rows.table(), text(row, "uuid"), row_id(rows.table(), row), h::created, std::nullopt,
      row_id(rows.table(), row), row_version(row));
}

void RowLog::removed(Rows& rows, const OGRFeature& row) {
  log(rows.table(), text(row, "uuid"), row_id(rows.table(), row), h::removed,
      row_id(rows.table(), row), std::nullopt, row_version(row) + 1);
}

std::optional<Removal> removal_of(Backend& backend, const std::string& table,
                                  const std::string& row_id) {
  Rows history(backend, h::table);
  std::optional<Removal> out;
  history.each(std::string(h::table_name) + " = " + sql_literal(table) + " AND " + h::row_id +
                   " = " + sql_literal(row_id) + " AND " + h::field + " = " +
                   sql_literal(h::removed),
               [&](OGRFeature& e) {
                 Removal r{e.GetFieldAsInteger64(h::row_version), time_text(e, h::changed_at),
                           text(e, h::changed_by)};
                 if (!out || r.at >= out->at) out = r;
               });
  return out;
}

long long RowLog::remove(Rows& rows, const OGRFeature& row, long long based_on,
                         const std::string& subject) {
  const std::string uuid = text(row, "uuid");
  const std::int64_t gone =
      backend_.execute("DELETE FROM \"" + rows.table() + "\" WHERE uuid = " + sql_literal(uuid) +
                       " AND \"" + schema::row::version + "\" = " + std::to_string(based_on));
  if (gone != 1) conflict(rows, uuid, based_on, subject);
  log(rows.table(), uuid, row_id(rows.table(), row), h::removed, row_id(rows.table(), row),
      std::nullopt, based_on + 1);
  return based_on + 1;
}

long long RowLog::update(Rows& rows, const OGRFeature& before, OGRFeature& after,
                         long long based_on, const std::string& subject) {
  const std::string uuid = text(before, "uuid");
  // The compare-and-set itself: the database decides, not what this process read.
  const std::int64_t changed =
      backend_.execute("UPDATE \"" + rows.table() + "\" SET \"" + schema::row::version + "\" = \"" +
                       schema::row::version + "\" + 1 WHERE uuid = " + sql_literal(uuid) +
                       " AND \"" + schema::row::version + "\" = " + std::to_string(based_on));
  if (changed != 1) conflict(rows, uuid, based_on, subject);
  const long long version = based_on + 1;
  after.SetField(schema::row::version, static_cast<GIntBig>(version));
  set_time(after, schema::row::updated_at, at_);
  after.SetField(schema::row::updated_by, by_.c_str());
  rows.update(after, subject);
  const std::string id = row_id(rows.table(), after);
  for (int i = 0; i < after.GetFieldCount(); ++i) {
    const OGRFieldDefn* defn = after.GetFieldDefnRef(i);
    if (defn->GetType() == OFTBinary || !is_logged_field(defn->GetNameRef())) continue;
    const auto old_value = value_text(before, i);
    const auto new_value = value_text(after, i);
    if (old_value != new_value)
      log(rows.table(), uuid, id, defn->GetNameRef(), old_value, new_value, version);
  }
  return version;
}

void RowLog::log(const std::string& table, const std::string& row_uuid, const std::string& row_id,
                 const std::string& field, const std::optional<std::string>& old_value,
                 const std::optional<std::string>& new_value, long long version) {
  OGRFeatureUniquePtr entry = history_.new_row();
  entry->SetField(h::table_name, table.c_str());
  entry->SetField(h::row_uuid, row_uuid.c_str());
  entry->SetField(h::row_id, row_id.c_str());
  entry->SetField(h::field, field.c_str());
  if (old_value) entry->SetField(h::old_value, old_value->c_str());
  if (new_value) entry->SetField(h::new_value, new_value->c_str());
  entry->SetField(h::row_version, static_cast<GIntBig>(version));
  set_time(*entry, h::changed_at, at_);
  entry->SetField(h::changed_by, by_.c_str());
  history_.insert(*entry, "the history of " + row_id);
}

void RowLog::conflict(Rows& rows, const std::string& uuid, long long based_on,
                      const std::string& subject) {
  const std::string read = "it changed since version " + std::to_string(based_on) + " was read";
  ConflictFacts facts;
  facts.based_on = based_on;
  const OGRFeatureUniquePtr now = rows.first("uuid = " + sql_literal(uuid));
  if (!now) {
    history_.each(std::string(h::row_uuid) + " = " + sql_literal(uuid) + " AND " + h::field +
                      " = " + sql_literal(h::removed),
                  [&](OGRFeature& e) {
                    facts.changed_at = time_text(e, h::changed_at);
                    facts.changed_by = text(e, h::changed_by);
                  });
    const std::string when = facts.changed_at.empty()
                                 ? " (spots made again?)"
                                 : " " + facts.changed_at + " by " + facts.changed_by;
    const std::string message = read + ": it was removed" + when + "; nothing was written";
    raise_conflict(backend_.location(), message, subject, std::move(facts));
  }
  const auto value = [](OGRFeature& e, const char* field) {
    return is_null(e, field) ? std::nullopt : std::optional<std::string>(text(e, field));
  };
  std::string what;
  history_.each(std::string(h::row_uuid) + " = " + sql_literal(uuid) + " AND " + h::row_version +
                    " > " + std::to_string(based_on),
                [&](OGRFeature& e) {
                  ConflictFacts::Change& c = facts.changes.emplace_back();
                  c.field = text(e, h::field);
                  c.old_value = value(e, h::old_value);
                  c.new_value = value(e, h::new_value);
                  what += (what.empty() ? "" : ", ") + c.field + " " + quoted(c.old_value) +
                          " -> " + quoted(c.new_value);
                });
  facts.now_version = row_version(*now);
  facts.changed_at = time_text(*now, schema::row::updated_at);
  facts.changed_by = text(*now, schema::row::updated_by);
  // The text first: the facts are moved into the call, in an order C++ leaves open.
  const std::string message = read + ": now version " + std::to_string(facts.now_version) +
                              ", changed " + facts.changed_at + " by " + facts.changed_by +
                              (what.empty() ? "" : " (" + what + ")") +
                              "; nothing was written: read it again and redo the change";
  raise_conflict(backend_.location(), message, subject, std::move(facts));
}

}  // namespace wijkatlas::store::detail
