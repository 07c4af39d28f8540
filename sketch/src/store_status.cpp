// Round two in the project store: the sessions, the spots (plekken) made for a session, and the
// statuses of spots and sketches. Each write is one transaction and is logged in
// statuswijzigingen.
#include <algorithm>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/io/wkt/read.hpp>
#include <set>

#include "store_impl.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {
namespace fs = std::filesystem;
using detail::quoted;

// Where a table keeps the status fields: on sketches with a status_ prefix, on plekken plain.
struct StatusColumns {
  const char *status, *note, *initiative_id, *initiative, *x, *y, *by, *changed;
};
constexpr StatusColumns sketch_columns{"status",           "status_notitie",      "status_initiatief_id",
                                       "status_initiatief", "status_initiatief_x", "status_initiatief_y",
                                       "status_door",       "status_gewijzigd_op"};
constexpr StatusColumns spot_columns{"status",       "notitie",      "initiatief_id", "initiatief",
                                     "initiatief_x", "initiatief_y", "door",          "gewijzigd_op"};

StatusInfo read_status(OGRFeature& f, const StatusColumns& c, const fs::path& path, const std::string& what) {
  StatusInfo s;
  const std::string word = f.GetFieldAsString(c.status);
  if (!word.empty()) {
    const auto status = parse_status(word);
    if (!status) {
      throw data_error(path.string(), what, "unknown status '" + word + "' in the store (use " + status_words() + ")");
    }
    s.status = *status;
  }
  s.note = f.GetFieldAsString(c.note);
  if (const std::string id = f.GetFieldAsString(c.initiative_id); !id.empty()) {
    LinkedInitiative i{id, f.GetFieldAsString(c.initiative), std::nullopt};
    if (f.IsFieldSetAndNotNull(f.GetFieldIndex(c.x)) && f.IsFieldSetAndNotNull(f.GetFieldIndex(c.y))) {
      i.location = geo::Point(f.GetFieldAsDouble(c.x), f.GetFieldAsDouble(c.y));
    }
    s.initiative = std::move(i);
  }
  s.by = f.GetFieldAsString(c.by);
  s.changed_at = f.GetFieldAsString(c.changed);
  return s;
}

void write_status(OGRFeature& f, const StatusColumns& c, const StatusInfo& s) {
  f.SetField(c.status, to_string(s.status).c_str());
  f.SetField(c.note, s.note.c_str());
  if (s.initiative) {
    f.SetField(c.initiative_id, s.initiative->id.c_str());
    f.SetField(c.initiative, s.initiative->name.c_str());
    if (s.initiative->location) {
      f.SetField(c.x, s.initiative->location->x());
      f.SetField(c.y, s.initiative->location->y());
    } else {
      f.SetFieldNull(f.GetFieldIndex(c.x));
      f.SetFieldNull(f.GetFieldIndex(c.y));
    }
  } else {
    for (const char* field : {c.initiative_id, c.initiative, c.x, c.y}) f.SetFieldNull(f.GetFieldIndex(field));
  }
  f.SetField(c.by, s.by.c_str());
  f.SetField(c.changed, s.changed_at.c_str());
}

// What the change keeps from the status it replaces.
StatusInfo changed(const StatusInfo& before, const StatusChange& change) {
  StatusInfo s = before;
  s.status = change.status;
  if (change.note) s.note = *change.note;
  if (change.initiative) s.initiative = change.initiative->id.empty() ? std::nullopt : change.initiative;
  s.by = change.by;
  s.changed_at = detail::utc_now();
  return s;
}

geo::MultiPolygon multipolygon_of(OGRFeature& f) {
  geo::MultiPolygon out;
  const OGRGeometry* g = f.GetGeometryRef();
  if (g == nullptr) return out;
  const OGRGeometryUniquePtr multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
  char* wkt = nullptr;
  if (multi && multi->exportToWkt(&wkt) == OGRERR_NONE && wkt != nullptr) {
    boost::geometry::read_wkt(wkt, out);
    boost::geometry::correct(out);  // OGC ring order, whatever another program wrote
  }
  CPLFree(wkt);
  return out;
}

SpotRecord read_spot(OGRFeature& f, const fs::path& path) {
  SpotRecord s;
  s.id = f.GetFieldAsString("id");
  s.session = f.GetFieldAsString("sessie");
  s.category = f.GetFieldAsString("categorie");
  s.n = f.GetFieldAsInteger("n");
  s.N = f.GetFieldAsInteger("N_totaal");
  s.area_m2 = f.GetFieldAsDouble("oppervlakte_m2");
  s.min_n = f.GetFieldAsInteger("min_n");  // null (a spot from before format 3) reads as 0
  s.geometry = multipolygon_of(f);
  s.status = read_status(f, spot_columns, path, "plek " + s.id);
  s.created_at = f.GetFieldAsString("gemaakt_op");
  return s;
}

void log_change(OGRLayer& log, const fs::path& path, const std::string& kind, const std::string& id,
                const std::string& session, const StatusInfo& s) {
  OGRFeatureUniquePtr row(OGRFeature::CreateFeature(log.GetLayerDefn()));
  row->SetField("soort", kind.c_str());
  row->SetField("doel_id", id.c_str());
  row->SetField("sessie", session.c_str());
  row->SetField("status", to_string(s.status).c_str());
  row->SetField("notitie", s.note.c_str());
  if (s.initiative) {
    row->SetField("initiatief_id", s.initiative->id.c_str());
    row->SetField("initiatief", s.initiative->name.c_str());
  }
  row->SetField("door", s.by.c_str());
  row->SetField("gewijzigd_op", s.changed_at.c_str());
  CPLErrorReset();
  if (log.CreateFeature(row.get()) != OGRERR_NONE) detail::fail_write(path, "cannot log the status change");
}

// Clears an attribute filter when leaving scope, so a throw leaves the layer unfiltered.
class Filter {
 public:
  Filter(OGRLayer& layer, const std::string& where) : layer_(layer) {
    layer_.SetAttributeFilter(where.c_str());
    layer_.ResetReading();
  }
  ~Filter() { layer_.SetAttributeFilter(nullptr); }
  Filter(const Filter&) = delete;
  Filter& operator=(const Filter&) = delete;

 private:
  OGRLayer& layer_;
};

}  // namespace

std::vector<std::string> ProjectStore::sessions() {
  const detail::QuietGdal quiet;
  OGRLayer& sketches = impl_->table("sketches");
  std::set<std::string> found;
  {
    const Filter current(sketches, "superseded = 0");
    for (auto& f : sketches) found.insert(f->GetFieldAsString("session"));
  }
  return {found.begin(), found.end()};
}

std::vector<SketchStatusRow> ProjectStore::sketch_statuses(const std::string& session) {
  const detail::QuietGdal quiet;
  OGRLayer& sketches = impl_->table("sketches");
  std::vector<SketchStatusRow> out;
  const Filter of_session(sketches, "superseded = 0 AND session = " + quoted(session));
  for (auto& f : sketches) {
    SketchStatusRow row;
    row.id = sketch_status_id(f->GetFID());
    row.sheet_id = f->GetFieldAsString("sheet_id");
    row.session = f->GetFieldAsString("session");
    row.category = f->GetFieldAsString("category");
    row.kind = f->GetFieldAsString("kind");
    row.status = read_status(*f, sketch_columns, impl_->path, "schets " + row.id);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<SpotRecord> ProjectStore::spots(const std::string& session) {
  const detail::QuietGdal quiet;
  OGRLayer& plekken = impl_->table("plekken");
  std::vector<SpotRecord> out;
  {
    const Filter of_session(plekken, "sessie = " + quoted(session));
    for (auto& f : plekken) out.push_back(read_spot(*f, impl_->path));
  }
  std::sort(out.begin(), out.end(), [](const SpotRecord& a, const SpotRecord& b) { return a.id < b.id; });
  return out;
}

void ProjectStore::replace_spots(const std::string& session, const std::vector<SpotRecord>& spots) {
  const detail::QuietGdal quiet;
  const fs::path& path = impl_->path;
  OGRLayer& plekken = impl_->table("plekken");
  for (const SpotRecord& s : spots) {
    const Filter taken(plekken, "id = " + quoted(s.id) + " AND sessie <> " + quoted(session));
    if (OGRFeatureUniquePtr other{plekken.GetNextFeature()}) {
      throw data_error(path.string(), "plek " + s.id,
                       "this id is already used by a spot of session '" + std::string(other->GetFieldAsString("sessie")) +
                           "': give one of the two sessions a name that differs in its letters or digits");
    }
  }
  detail::Transaction transaction(*impl_->ds, path);
  detail::execute(*impl_->ds, path, "DELETE FROM plekken WHERE sessie = " + quoted(session));
  const std::string now = detail::utc_now();
  for (const SpotRecord& s : spots) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(plekken.GetLayerDefn()));
    f->SetField("id", s.id.c_str());
    f->SetField("sessie", session.c_str());
    f->SetField("categorie", s.category.c_str());
    f->SetField("n", s.n);
    f->SetField("N_totaal", s.N);
    f->SetField("n_van_N", (std::to_string(s.n) + " van " + std::to_string(s.N)).c_str());
    f->SetField("oppervlakte_m2", s.area_m2);
    if (s.min_n > 0) f->SetField("min_n", s.min_n);
    write_status(*f, spot_columns, s.status);
    f->SetField("gemaakt_op", (s.created_at.empty() ? now : s.created_at).c_str());
    f->SetGeometryDirectly(detail::ogr_from_wkt(detail::to_wkt(geo::Geometry(s.geometry))));
    CPLErrorReset();
    if (plekken.CreateFeature(f.get()) != OGRERR_NONE) detail::fail_write(path, "cannot write spot " + s.id);
  }
  transaction.commit();
}

ProjectStore::StatusSet ProjectStore::set_status(const StatusChange& change) {
  const detail::QuietGdal quiet;
  const fs::path& path = impl_->path;
  OGRLayer& log = impl_->table("statuswijzigingen");
  if (const auto fid = parse_sketch_status_id(change.id)) {
    OGRLayer& sketches = impl_->table("sketches");
    OGRFeatureUniquePtr f(sketches.GetFeature(*fid));
    if (!f) {
      throw data_error(path.string(), "", "no sketch " + change.id + " in this store: 'wijkatlas status --session SESSIE --sketches' lists them");
    }
    if (f->GetFieldAsInteger("superseded") != 0) {
      throw data_error(path.string(), "schets " + change.id,
                       "this sketch comes from an earlier photo of its sheet (superseded): set the status on the current one");
    }
    const StatusInfo now = changed(read_status(*f, sketch_columns, path, "schets " + change.id), change);
    write_status(*f, sketch_columns, now);
    detail::Transaction transaction(*impl_->ds, path);
    CPLErrorReset();
    if (sketches.SetFeature(f.get()) != OGRERR_NONE) detail::fail_write(path, "cannot set the status of " + change.id);
    log_change(log, path, "schets", sketch_status_id(*fid), f->GetFieldAsString("session"), now);
    transaction.commit();
    return {sketch_status_id(*fid), "schets", now};
  }
  OGRLayer& plekken = impl_->table("plekken");
  OGRFeatureUniquePtr f;
  {
    // Ids are typed by hand: compare without regard to case.
    const Filter by_id(plekken, "lower(id) = lower(" + quoted(change.id) + ")");
    f.reset(plekken.GetNextFeature());
  }
  if (!f) {
    throw data_error(path.string(), "",
                     "no spot or sketch with id '" + change.id +
                         "' in this store: 'wijkatlas status --session SESSIE' lists the spots of a session (ids like "
                         "blokgesprek-hommelstraat-P01), with --sketches its sketches (S17)");
  }
  const std::string id = f->GetFieldAsString("id");
  const StatusInfo now = changed(read_status(*f, spot_columns, path, "plek " + id), change);
  write_status(*f, spot_columns, now);
  detail::Transaction transaction(*impl_->ds, path);
  CPLErrorReset();
  if (plekken.SetFeature(f.get()) != OGRERR_NONE) detail::fail_write(path, "cannot set the status of " + id);
  log_change(log, path, "plek", id, f->GetFieldAsString("sessie"), now);
  transaction.commit();
  return {id, "plek", now};
}

}  // namespace wijkatlas::sketch
