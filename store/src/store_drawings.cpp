// Drawings made on the meeting viewer's screen: one ingest (channel "scherm") with one sketch per
// drawing, written in one transaction and found again by the page's own id, so a request sent
// twice stores one drawing; changes are a compare-and-set on the sketch's version.
#include <algorithm>
#include <boost/geometry.hpp>
#include <cstdio>
#include <map>
#include <span>

#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace sk = schema::sketches;
namespace in = schema::ingests;

constexpr std::string_view file_prefix = "scherm ";  // ingests.file_name: "scherm <client id>"

sketch::MarkKind kind_of_geometry(const geo::Geometry& g, const std::string& location) {
  if (std::holds_alternative<geo::Point>(g)) return sketch::MarkKind::point;
  if (const auto* lines = std::get_if<geo::MultiLineString>(&g); lines && !lines->empty())
    return sketch::MarkKind::line;
  if (const auto* areas = std::get_if<geo::MultiPolygon>(&g); areas && !areas->empty())
    return sketch::MarkKind::area;
  raise(ErrorKind::bad_value, location, "a drawing is a point, a line or an area", "tekening");
}

// The mark's own fields: kind, its size, the geometry.
void set_shape(OGRFeature& f, const geo::Geometry& g, const std::string& location) {
  const sketch::MarkKind kind = kind_of_geometry(g, location);
  f.SetField(sk::kind, sketch::to_string(kind).c_str());
  set_null(f, sk::area_m2);
  set_null(f, sk::length_m);
  if (kind == sketch::MarkKind::area)
    f.SetField(sk::area_m2, geo::area(std::get<geo::MultiPolygon>(g)));
  if (kind == sketch::MarkKind::line)
    f.SetField(sk::length_m,
               static_cast<double>(boost::geometry::length(std::get<geo::MultiLineString>(g))));
  set_geometry(f, g);
}

// A short description of a geometry for the history (which keeps no geometries): what a
// conflict names when a drawing was moved or reshaped.
std::string shape_text(const geo::Geometry& g) {
  char buffer[96];
  if (const auto* p = std::get_if<geo::Point>(&g)) {
    std::snprintf(buffer, sizeof buffer, "punt bij (%.0f, %.0f)", p->x(), p->y());
  } else if (const auto* lines = std::get_if<geo::MultiLineString>(&g)) {
    std::snprintf(buffer, sizeof buffer, "lijn van %.0f m",
                  static_cast<double>(boost::geometry::length(*lines)));
  } else if (const auto* areas = std::get_if<geo::MultiPolygon>(&g)) {
    std::snprintf(buffer, sizeof buffer, "vlak van %.0f m²", geo::area(*areas));
  } else {
    return "(geen)";
  }
  return buffer;
}

sketch::InkCategory category_of(const OGRFeature& f, const std::string& location,
                                const std::string& what) {
  const std::string word = text(f, sk::category);
  if (const auto c = sketch::parse_ink_category(word)) return *c;
  raise(ErrorKind::bad_value, location, "unknown category '" + word + "' in the store", what);
}

Drawing drawing_of(const OGRFeature& f, const std::string& client_id, const std::string& location) {
  Drawing d;
  d.id = sketch::sketch_status_id(f.GetFieldAsInteger64(sk::number));
  d.client_id = client_id;
  d.session = text(f, sk::session);
  d.category = category_of(f, location, "schets " + d.id);
  d.geometry = geometry_of(f, location);
  d.kind = kind_of_geometry(d.geometry, location);
  d.note = text(f, schema::status::note);
  d.version = row_version(f);
  d.created_at = time_text(f, schema::row::created_at);
  d.updated_at = time_text(f, schema::row::updated_at);
  d.updated_by = text(f, schema::row::updated_by);
  return d;
}

std::string client_id_of_file(const std::string& file_name) {
  return file_name.starts_with(file_prefix) ? file_name.substr(file_prefix.size()) : "";
}

std::string id_hash(const std::string& client_id) {
  const std::string key = "wijkatlas scherm " + client_id;
  return geo::sha256_bytes(std::as_bytes(std::span(key.data(), key.size())));
}

constexpr std::initializer_list<const char*> crops = {sk::crop_png};

Drawing add_once(Backend& b, const NewDrawing& d, const std::string& by, const std::string& sha) {
  Rows ingests(b, in::table);
  Rows sketches(b, sk::table);
  WriteTransaction transaction(b);
  if (const OGRFeatureUniquePtr earlier =
          ingests.first(std::string(in::sha256) + " = " + sql_literal(sha))) {
    const OGRFeatureUniquePtr row =
        sketches.first(std::string(sk::ingest_id) + " = " + sql_literal(text(*earlier, in::id)));
    if (!row)
      raise(ErrorKind::unknown_id, b.location(), "its sketch was removed",
            "tekening " + d.client_id);
    Drawing out = drawing_of(*row, d.client_id, b.location());
    out.repeated = true;
    return out;
  }
  RowLog log(b, by);
  const std::string ingest_id = "I-" + sha.substr(0, 12);
  const std::string file = std::string(file_prefix) + d.client_id;
  OGRFeatureUniquePtr ingest = ingests.new_row();
  ingest->SetField(in::id, ingest_id.c_str());
  ingest->SetField(in::version, 1);
  ingest->SetField(in::sha256, sha.c_str());
  ingest->SetField(in::file_name, file.c_str());
  ingest->SetField(in::source, screen_channel);
  ingest->SetField(in::session, d.session.c_str());
  set_time(*ingest, in::ingested_at, log.at());
  ingest->SetField(in::features, 1);
  ingest->SetField(in::superseded, 0);
  log.insert(ingests, *ingest, "the ingest record of " + file);

  const auto max =
      b.query("SELECT COALESCE(MAX(" + std::string(sk::number) + "), 0) FROM " + sk::table);
  const long long next = (max.empty() || !max.front() ? 0 : std::stoll(*max.front())) + 1;
  OGRFeatureUniquePtr f = sketches.new_row();
  f->SetField(sk::number, static_cast<GIntBig>(next));
  f->SetField(sk::session, d.session.c_str());
  f->SetField(sk::ingest_id, ingest_id.c_str());
  f->SetField(sk::version, 1);
  f->SetField(sk::source, screen_channel);
  f->SetField(sk::superseded, 0);
  f->SetField(sk::category, sketch::to_string(d.category).c_str());
  f->SetField(sk::confidence, 1.0);
  set_shape(*f, d.geometry, b.location());
  if (!d.note.empty()) {
    f->SetField(schema::status::status, sketch::to_string(sketch::Status::nieuw).c_str());
    f->SetField(schema::status::note, d.note.c_str());
  }
  log.insert(sketches, *f, "the drawing " + d.client_id);
  transaction.commit();
  return drawing_of(*f, d.client_id, b.location());
}

}  // namespace

bool is_drawing_client_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

Drawing ProjectStore::add_drawing(const NewDrawing& drawing) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  if (!is_drawing_client_id(drawing.client_id))
    raise(ErrorKind::bad_value, b.location(),
          "a drawing's id is 1 to 64 letters, digits, '-' or '_'", "tekening");
  kind_of_geometry(drawing.geometry, b.location());
  const std::string sha = id_hash(drawing.client_id);
  // As for an ingest: the hash is unique, so when another writer stored the same drawing first
  // (where the database does not serialise writers) the insert fails as a duplicate and the
  // next attempt finds it.
  for (int attempt = 1;; ++attempt) {
    try {
      return add_once(b, drawing, impl_->by, sha);
    } catch (const store_error& e) {
      if (e.kind() != ErrorKind::duplicate || attempt == 3) throw;
    }
  }
}

Drawing ProjectStore::change_drawing(const DrawingChange& change) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  const auto number = sketch::parse_sketch_status_id(change.id);
  if (!number) raise(ErrorKind::unknown_id, b.location(), "no sketch " + change.id + " here");
  const std::string subject = "schets " + sketch::sketch_status_id(*number);
  Rows sketches(b, sk::table);
  Rows ingests(b, in::table);
  WriteTransaction transaction(b);
  const OGRFeatureUniquePtr before =
      sketches.first(std::string(sk::number) + " = " + std::to_string(*number));
  if (!before) raise(ErrorKind::unknown_id, b.location(), "no such sketch in this store", subject);
  if (text(*before, sk::source) != screen_channel)
    raise(ErrorKind::not_current, b.location(),
          "it was read from a " + text(*before, sk::source) +
              " (not drawn on screen): change it where it came from",
          subject);
  if (before->GetFieldAsInteger(sk::superseded) != 0)
    raise(ErrorKind::not_current, b.location(), "it is superseded", subject);

  OGRFeatureUniquePtr after(before->Clone());
  if (change.geometry) set_shape(*after, *change.geometry, b.location());
  if (change.category) after->SetField(sk::category, sketch::to_string(*change.category).c_str());
  if (change.note) {
    if (text(*after, schema::status::status).empty())
      after->SetField(schema::status::status, sketch::to_string(sketch::Status::nieuw).c_str());
    after->SetField(schema::status::note, change.note->c_str());
  }
  RowLog log(b, impl_->by);
  const long long version = log.update(sketches, *before, *after, change.based_on, subject);
  if (change.geometry) {
    const std::string was = shape_text(geometry_of(*before, b.location()));
    const std::string now = shape_text(*change.geometry);
    log.log(sk::table, text(*before, sk::uuid), row_id(sk::table, *before), schema::geom, was,
            now == was ? now + " (verschoven)" : now, version);
  }
  const OGRFeatureUniquePtr ingest =
      ingests.first(std::string(in::id) + " = " + sql_literal(text(*before, sk::ingest_id)));
  transaction.commit();
  return drawing_of(*after, ingest ? client_id_of_file(text(*ingest, in::file_name)) : "",
                    b.location());
}

std::vector<Drawing> ProjectStore::drawings(const std::optional<std::string>& session) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  std::map<std::string, std::string> client_ids;  // ingest id -> client id
  Rows ingests(b, in::table);
  ingests.each(std::string(in::source) + " = " + sql_literal(screen_channel),
               [&](OGRFeature& f) {
                 client_ids[text(f, in::id)] = client_id_of_file(text(f, in::file_name));
               },
               {in::photo});
  std::string where =
      std::string(sk::source) + " = " + sql_literal(screen_channel) + " AND NOT " + sk::superseded;
  if (session) where += " AND " + std::string(sk::session) + " = " + sql_literal(*session);
  std::vector<std::pair<long long, Drawing>> rows;
  Rows sketches(b, sk::table);
  sketches.each(
      where,
      [&](OGRFeature& f) {
        rows.emplace_back(f.GetFieldAsInteger64(sk::number),
                          drawing_of(f, client_ids[text(f, sk::ingest_id)], b.location()));
      },
      crops);
  std::sort(rows.begin(), rows.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Drawing> out;
  for (auto& [n, d] : rows) out.push_back(std::move(d));
  return out;
}

}  // namespace wijkatlas::store
