// Printed sheets in the project store: recorded once, found by their id.
#include <algorithm>
#include <set>

#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::store {
namespace detail {

void check_project(const sketch::SheetInfo& sheet, const std::string& project,
                   const std::string& location, const std::string& source) {
  if (sheet.project == project) return;
  raise(ErrorKind::foreign_project, location,
        "sheet " + sheet.id + " belongs to project '" + sheet.project +
            "', this store belongs to '" + project + "': use that project's store",
        source);
}

void insert_sheet(RowLog& log, Rows& sheets, const SheetRecord& r) {
  namespace col = schema::sheets;
  const sketch::SheetInfo& s = r.sheet;
  OGRFeatureUniquePtr f = sheets.new_row();
  f->SetField(col::id, s.id.c_str());
  f->SetField(col::project, s.project.c_str());
  f->SetField(col::area, r.area.c_str());
  f->SetField(col::session, r.session.c_str());
  f->SetField(col::scale, s.scale);
  f->SetField(col::paper, s.paper.c_str());
  f->SetField(col::orientation, s.orientation.c_str());
  set_time(*f, col::printed_at, r.printed_at);
  f->SetField(col::payload, sketch::encode_payload(s).c_str());
  if (!r.previous_session.empty()) f->SetField(col::previous_session, r.previous_session.c_str());
  const geo::Box& e = s.extent;
  geo::Polygon extent;
  extent.outer() = {{e.min_corner().x(), e.min_corner().y()},
                    {e.max_corner().x(), e.min_corner().y()},
                    {e.max_corner().x(), e.max_corner().y()},
                    {e.min_corner().x(), e.max_corner().y()},
                    {e.min_corner().x(), e.min_corner().y()}};
  // The table holds polygons; the conversion gives every polygon as a multipolygon.
  f->SetGeometryDirectly(
      OGRGeometryFactory::forceToPolygon(support::to_ogr(geo::MultiPolygon{extent}).release()));
  log.insert(sheets, *f, "sheet " + s.id);
}

bool has_sheet(Rows& sheets, const std::string& id) {
  return sheets.first(std::string(schema::sheets::id) + " = " + sql_literal(id)) != nullptr;
}

}  // namespace detail

namespace {
using namespace detail;
}  // namespace

void ProjectStore::record_sheet(const SheetRecord& record) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  check_project(record.sheet, impl_->project, b.location(), "sheet " + record.sheet.id);
  SheetRecord r = record;
  if (r.printed_at.empty()) r.printed_at = utc_now();
  Rows sheets(b, schema::sheets::table);
  WriteTransaction transaction(b);
  if (has_sheet(sheets, r.sheet.id)) {
    raise(ErrorKind::duplicate, b.location(), "a sheet with this id is already recorded",
          "sheet " + r.sheet.id);
  }
  RowLog log(b, impl_->by);
  insert_sheet(log, sheets, r);
  transaction.commit();
}

namespace {

SheetRecord sheet_of(const OGRFeature& f, const std::string& location) {
  namespace col = schema::sheets;
  SheetRecord r;
  try {
    r.sheet = sketch::decode_payload(text(f, col::payload));
  } catch (const data_error& e) {
    raise(ErrorKind::bad_value, location,
          std::string("its description cannot be read: ") + e.what(), "sheet " + text(f, col::id));
  }
  r.area = text(f, col::area);
  r.session = text(f, col::session);
  r.printed_at = time_text(f, col::printed_at);
  r.previous_session = text(f, col::previous_session);
  return r;
}

}  // namespace

std::optional<SheetRecord> ProjectStore::find_sheet(const std::string& id) {
  namespace col = schema::sheets;
  const support::QuietGdalErrors quiet;
  Rows sheets(*impl_->backend, col::table);
  const OGRFeatureUniquePtr f = sheets.first(std::string(col::id) + " = " + sql_literal(id));
  if (!f) return std::nullopt;
  return sheet_of(*f, impl_->location());
}

std::vector<PrintedSheet> ProjectStore::printed_sheets(const std::optional<std::string>& session) {
  namespace col = schema::sheets;
  const support::QuietGdalErrors quiet;
  std::set<std::string> returned;
  for (const auto& id :
       impl_->backend->query("SELECT DISTINCT " + std::string(schema::ingests::sheet_id) +
                             " FROM " + schema::ingests::table))
    if (id) returned.insert(*id);
  std::vector<PrintedSheet> out;
  Rows sheets(*impl_->backend, col::table);
  sheets.each(session ? std::string(col::session) + " = " + sql_literal(*session) : "",
              [&](OGRFeature& f) {
                PrintedSheet p{sheet_of(f, impl_->location()), false};
                p.returned = returned.count(p.record.sheet.id) > 0;
                out.push_back(std::move(p));
              });
  std::sort(out.begin(), out.end(), [](const PrintedSheet& a, const PrintedSheet& b) {
    return a.record.printed_at < b.record.printed_at;
  });
  return out;
}

std::size_t ProjectStore::sheet_count() {
  const support::QuietGdalErrors quiet;
  const auto count =
      impl_->backend->query("SELECT COUNT(*) FROM " + std::string(schema::sheets::table));
  return count.empty() || !count.front() ? 0 : std::stoul(*count.front());
}

}  // namespace wijkatlas::store
