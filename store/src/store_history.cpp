// The history of a store (format 5): what changed since a moment, and the moment of a session,
// for "what changed since the last tafel".
#include <algorithm>

#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace h = schema::history;

// A time as the GeoPackage stores date-time fields ("...T18:10:00.000Z"), so that comparing
// text there compares times; PostgreSQL reads it as a timestamptz.
std::string stored_time(const std::string& iso) {
  if (iso.size() == 20 && iso.back() == 'Z') return iso.substr(0, 19) + ".000Z";
  return iso;
}

std::optional<std::string> text_or_null(const OGRFeature& f, const char* column) {
  return is_null(f, column) ? std::nullopt : std::optional<std::string>(text(f, column));
}

}  // namespace

std::vector<HistoryEntry> ProjectStore::history_since(const std::string& since) {
  const support::QuietGdalErrors quiet;
  if (!is_utc_time(since))
    raise(ErrorKind::bad_value, impl_->location(),
          "'" + since + "' is not a UTC time like 2026-11-23T18:10:00Z", "the history");
  Rows history(*impl_->backend, h::table);
  std::vector<HistoryEntry> out;
  history.each(std::string(h::changed_at) + " > " + sql_literal(stored_time(since)),
               [&](OGRFeature& f) {
                 out.push_back({text(f, h::table_name), text(f, h::row_id), text(f, h::field),
                                text_or_null(f, h::old_value), text_or_null(f, h::new_value),
                                f.GetFieldAsInteger64(h::row_version), time_text(f, h::changed_at),
                                text(f, h::changed_by)});
               });
  std::stable_sort(out.begin(), out.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
    return a.changed_at < b.changed_at;
  });
  return out;
}

std::optional<std::string> ProjectStore::session_moment(const std::string& session) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  std::optional<std::string> latest;
  const auto consider = [&](const char* table, const char* column, const char* time) {
    Rows rows(b, table);
    rows.each(std::string(column) + " = " + sql_literal(session), [&](OGRFeature& f) {
      const std::string t = time_text(f, time);
      if (!t.empty() && (!latest || t > *latest)) latest = t;
    });
  };
  consider(schema::sheets::table, schema::sheets::session, schema::sheets::printed_at);
  consider(schema::ingests::table, schema::ingests::session, schema::ingests::ingested_at);
  consider(h::table, h::changed_by, h::changed_at);
  return latest;
}

}  // namespace wijkatlas::store
