// Reading the current sketches: per session with their statuses, or grouped per sheet for the
// overlap. Only the latest version of each sheet or drawing is current (NOT superseded): an
// earlier photo of the same sheet must not count twice.
#include <algorithm>
#include <map>
#include <set>

#include "schema.hpp"
#include "status_fields.hpp"
#include "store_impl.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace col = schema::sketches;

std::string current_of(const std::optional<std::string>& session) {
  std::string where = "NOT " + std::string(col::superseded);
  if (session) where += " AND " + std::string(col::session) + " = " + sql_literal(*session);
  return where;
}

sketch::InkCategory category_of(const OGRFeature& f, const std::string& location,
                                const std::string& what) {
  const std::string word = text(f, col::category);
  if (const auto c = sketch::parse_ink_category(word)) return *c;
  raise(ErrorKind::bad_value, location, "unknown category '" + word + "' in the store", what);
}

sketch::MarkKind kind_of(const OGRFeature& f, const std::string& location,
                         const std::string& what) {
  const std::string word = text(f, col::kind);
  if (const auto k = sketch::parse_mark_kind(word)) return *k;
  raise(ErrorKind::bad_value, location, "unknown kind '" + word + "' in the store", what);
}

// The blobs a reader of sketches never needs.
constexpr std::initializer_list<const char*> crops = {col::crop_png};

}  // namespace

std::vector<std::string> ProjectStore::sessions() {
  const support::QuietGdalErrors quiet;
  std::set<std::string> found;
  for (const auto& s :
       impl_->backend->query("SELECT DISTINCT " + std::string(col::session) + " FROM " +
                             col::table + " WHERE " + current_of(std::nullopt))) {
    found.insert(s.value_or(""));
  }
  return {found.begin(), found.end()};
}

std::vector<sketch::SketchStatusRow> ProjectStore::sketch_statuses(
    const std::optional<std::string>& session) {
  const support::QuietGdalErrors quiet;
  Rows sketches(*impl_->backend, col::table);
  std::vector<std::pair<long long, sketch::SketchStatusRow>> rows;
  sketches.each(
      current_of(session),
      [&](OGRFeature& f) {
        const long long number = f.GetFieldAsInteger64(col::number);
        sketch::SketchStatusRow row;
        row.id = sketch::sketch_status_id(number);
        const std::string what = "schets " + row.id;
        row.sheet_id = text(f, col::sheet_id);
        row.session = text(f, col::session);
        row.category = category_of(f, impl_->location(), what);
        row.kind = kind_of(f, impl_->location(), what);
        row.status = read_status(f, impl_->location(), what);
        row.version = row_version(f);
        row.geometry = geometry_of(f, impl_->location());
        rows.emplace_back(number, std::move(row));
      },
      crops);
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<sketch::SketchStatusRow> out;
  for (auto& [number, row] : rows) out.push_back(std::move(row));
  return out;
}

SketchProvenance ProjectStore::sketch_provenance(const std::string& id) {
  const support::QuietGdalErrors quiet;
  const auto number = sketch::parse_sketch_status_id(id);
  if (!number)
    raise(ErrorKind::unknown_id, impl_->location(), "'" + id + "' is not a sketch id (S17)");
  Rows sketches(*impl_->backend, col::table);
  const OGRFeatureUniquePtr f = sketches.first(current_of(std::nullopt) + " AND " + col::number +
                                               " = " + std::to_string(*number));
  if (!f) raise(ErrorKind::unknown_id, impl_->location(), "no current sketch " + id);
  SketchProvenance p;
  p.id = sketch::sketch_status_id(*number);
  p.sheet_id = text(*f, col::sheet_id);
  p.source = text(*f, col::source);
  p.confidence = real(*f, col::confidence);
  p.crop_png = blob(*f, col::crop_png);
  if (!p.crop_png.empty())
    p.crop_extent = geo::Box({real(*f, col::crop_xmin), real(*f, col::crop_ymin)},
                             {real(*f, col::crop_xmax), real(*f, col::crop_ymax)});
  return p;
}

SketchSheets ProjectStore::current_sheets(sketch::CategoryChoice categories,
                                          const std::optional<std::string>& session) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  std::map<std::string, geo::MultiPolygon> extents;
  Rows sheets(b, schema::sheets::table);
  sheets.each("", [&](OGRFeature& f) {
    const geo::Geometry g = geometry_of(f, b.location());
    if (const auto* mp = std::get_if<geo::MultiPolygon>(&g))
      extents[text(f, schema::sheets::id)] = *mp;
  });

  std::string where = current_of(session);
  if (const auto one = categories.category())
    where += " AND " + std::string(col::category) + " = " + sql_literal(sketch::to_string(*one));
  struct Mark {
    long long number;
    std::string sheet_id, ingest_id;
    geo::Geometry geometry;
  };
  std::vector<Mark> marks;
  Rows sketches(b, col::table);
  sketches.each(
      where,
      [&](OGRFeature& f) {
        geo::Geometry g = geometry_of(f, b.location());
        if (geo::is_empty(g)) return;
        // Wijkatlas stores valid polygons; one edited by hand in QGIS may not be.
        if (auto* polygons = std::get_if<geo::MultiPolygon>(&g);
            polygons && geo::invalid_reason(g)) {
          *polygons = geo::make_valid(*polygons);
          if (polygons->empty()) return;
        }
        marks.push_back({f.GetFieldAsInteger64(col::number), text(f, col::sheet_id),
                         text(f, col::ingest_id), std::move(g)});
      },
      crops);
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& c) { return a.number < c.number; });

  SketchSheets out;
  std::map<std::string, std::size_t> index;  // sheet id or drawing -> position in out.sheets
  for (Mark& m : marks) {
    // A digital drawing of no sheet is identified by its ingest: only its latest is current.
    const std::string id = m.sheet_id.empty() ? "tekening " + m.ingest_id : m.sheet_id;
    auto [it, added] = index.try_emplace(id, out.sheets.size());
    if (added) {
      geo::SketchSheet sheet;
      sheet.id = id;
      if (const auto e = extents.find(m.sheet_id); !m.sheet_id.empty() && e != extents.end())
        sheet.coverage = e->second;
      else
        ++out.digital_drawings;
      out.sheets.push_back(std::move(sheet));
    }
    out.sheets[it->second].marks.push_back(std::move(m.geometry));
    ++out.sketches;
  }
  return out;
}

}  // namespace wijkatlas::store
