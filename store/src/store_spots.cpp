// Round two: the spots made for a session, kept so that their ids stay stable while a planner
// sets statuses on them.
#include <algorithm>
#include <map>

#include "schema.hpp"
#include "status_fields.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace col = schema::spots;

sketch::SpotRecord read_spot(const OGRFeature& f, const std::string& location) {
  sketch::SpotRecord s;
  s.id = text(f, col::id);
  const std::string what = "plek " + s.id;
  s.session = text(f, col::session);
  const std::string category = text(f, col::category);
  const auto c = sketch::parse_ink_category(category);
  if (!c)
    raise(ErrorKind::bad_value, location, "unknown category '" + category + "' in the store", what);
  s.category = *c;
  s.n = integer(f, col::n);
  s.N = integer(f, col::n_total);
  s.area_m2 = real(f, col::area_m2);
  s.min_n = integer(f, col::min_n);  // null (a spot from before format 3) reads as 0
  const geo::Geometry g = geometry_of(f, location);
  if (const auto* polygons = std::get_if<geo::MultiPolygon>(&g)) s.geometry = *polygons;
  s.status = read_status(f, location, what);
  s.created_at = time_text(f, col::created_at);
  s.version = row_version(f);
  return s;
}

}  // namespace

std::vector<sketch::SpotRecord> ProjectStore::spots(const std::string& session) {
  const support::QuietGdalErrors quiet;
  Rows spots(*impl_->backend, col::table);
  std::vector<sketch::SpotRecord> out;
  spots.each(std::string(col::session) + " = " + sql_literal(session),
             [&](OGRFeature& f) { out.push_back(read_spot(f, impl_->location())); });
  std::sort(out.begin(), out.end(),
            [](const sketch::SpotRecord& a, const sketch::SpotRecord& b) { return a.id < b.id; });
  return out;
}

void ProjectStore::replace_spots(const std::string& session,
                                 const std::vector<sketch::SpotRecord>& spots) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  Rows rows(b, col::table);
  WriteTransaction transaction(b);
  for (const sketch::SpotRecord& s : spots) {
    const OGRFeatureUniquePtr other =
        rows.first(std::string(col::id) + " = " + sql_literal(s.id) + " AND " + col::session +
                   " <> " + sql_literal(session));
    if (other) {
      raise(ErrorKind::duplicate, b.location(),
            "this id is already used by a spot of session '" + text(*other, col::session) +
                "': give one of the two sessions a name that differs in its letters or digits",
            "plek " + s.id);
    }
  }
  RowLog log(b, impl_->by);
  // A spot made again under the same id continues its version: a change based on the spot as
  // it was before is then a conflict, not a change of a different spot.
  std::map<std::string, long long> versions;
  std::vector<OGRFeatureUniquePtr> old_spots;
  rows.each(std::string(col::session) + " = " + sql_literal(session),
            [&](OGRFeature& f) { old_spots.emplace_back(f.Clone()); });
  for (const OGRFeatureUniquePtr& f : old_spots) {
    versions[text(*f, col::id)] = row_version(*f);
    log.removed(rows, *f);
  }
  b.execute("DELETE FROM " + std::string(col::table) + " WHERE " + col::session + " = " +
            sql_literal(session));
  const std::string now = log.at();
  for (const sketch::SpotRecord& s : spots) {
    OGRFeatureUniquePtr f = rows.new_row();
    if (const auto v = versions.find(s.id); v != versions.end())
      f->SetField(schema::row::version, static_cast<GIntBig>(v->second + 1));
    f->SetField(col::id, s.id.c_str());
    f->SetField(col::session, session.c_str());
    f->SetField(col::category, sketch::to_string(s.category).c_str());
    f->SetField(col::n, s.n);
    f->SetField(col::n_total, s.N);
    f->SetField(col::n_label, (std::to_string(s.n) + " van " + std::to_string(s.N)).c_str());
    f->SetField(col::area_m2, s.area_m2);
    if (s.min_n > 0) f->SetField(col::min_n, s.min_n);
    write_status(*f, s.status);
    set_time(*f, col::created_at, s.created_at.empty() ? now : s.created_at);
    set_geometry(*f, geo::Geometry(s.geometry));
    log.insert(rows, *f, "spot " + s.id);
  }
  transaction.commit();
}

}  // namespace wijkatlas::store
