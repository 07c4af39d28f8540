// `store copy`: a project, or the part of it that touches one area, into a new store, with the
// bookkeeping a later push needs (sync_tables.hpp). Rows are copied as they are: the same uuid,
// who made and changed them when, the same version, so that the copy and its store agree on
// every row until one of them changes it.
#include <functional>
#include <set>

#include "schema.hpp"
#include "schema_build.hpp"
#include "store_impl.hpp"
#include "sync_tables.hpp"
#include "wijkatlas/store/sync.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace sk = schema::sketches;

using Take = std::function<bool(const OGRFeature&)>;

bool touches(const OGRFeature& f, const OGRGeometry* area) {
  const OGRGeometry* g = f.GetGeometryRef();
  return area == nullptr || (g != nullptr && !g->IsEmpty() && g->Intersects(area));
}

// What of the project the copy takes: all of it, or what touches the area.
class Selection {
 public:
  Selection(Backend& source, const std::optional<geo::MultiPolygon>& area) {
    if (!area) return;
    area_ = support::to_ogr(geo::Geometry(*area));
    Rows sheets(source, schema::sheets::table);
    sheets.each("", [&](OGRFeature& f) {
      if (touches(f, area_.get())) sheets_.insert(text(f, schema::sheets::id));
    });
    // A drawing is taken whole (every version, every sketch) when one of its sketches touches.
    Rows sketches(source, sk::table);
    sketches.each("",
                  [&](OGRFeature& f) {
                    if (!touches(f, area_.get())) return;
                    const std::string sheet = text(f, sk::sheet_id);
                    if (sheet.empty())
                      drawings_.insert(text(f, sk::ingest_id));
                    else
                      sheets_.insert(sheet);
                  },
                  {sk::crop_png});
  }

  bool whole() const { return area_ == nullptr; }

  // Whether a row of `table` is taken; `copied` holds the uuids taken so far (tables in order).
  bool takes(const std::string& table, const OGRFeature& f) const {
    if (whole()) return true;
    if (table == schema::sheets::table) return sheets_.count(text(f, schema::sheets::id)) > 0;
    if (table == schema::ingests::table)
      return sheets_.count(text(f, schema::ingests::sheet_id)) > 0 ||
             drawings_.count(text(f, schema::ingests::id)) > 0;
    if (table == sk::table) {
      const std::string sheet = text(f, sk::sheet_id);
      return sheet.empty() ? drawings_.count(text(f, sk::ingest_id)) > 0 : sheets_.count(sheet) > 0;
    }
    if (table == schema::spots::table) return touches(f, area_.get());
    if (table == schema::status_changes::table)
      return copied_.count(text(f, schema::status_changes::target_uuid)) > 0;
    if (table == schema::history::table)
      return copied_.count(text(f, schema::history::row_uuid)) > 0;
    return true;  // tables of other data (areas, figures): whole
  }

  void copied(const std::string& uuid) { copied_.insert(uuid); }

 private:
  support::OgrGeometryPtr area_;
  std::set<std::string> sheets_, drawings_, copied_;
};

std::size_t copy_table(Backend& source, Backend& target, const schema::Table& table,
                       Selection& selection) {
  Rows from(source, table.name);
  Rows to(target, table.name);
  const bool bookkept =
      schema::has_bookkeeping(table) && from.has_column("uuid") && sync::is_pushed(table.name);
  std::size_t n = 0;
  from.each("", [&](OGRFeature& f) {
    if (!selection.takes(table.name, f)) return;
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(to.layer().GetLayerDefn()));
    row->SetFrom(&f, TRUE);
    row->SetFID(OGRNullFID);
    // As it is, bookkeeping and all: not through RowLog, which would stamp it as new.
    to.insert(*row, "a copy of a row of " + std::string(table.name));
    if (bookkept) {
      const std::string uuid = text(f, "uuid");
      sync::insert_base(target, table.name, uuid, row_version(f));
      selection.copied(uuid);
    }
    ++n;
  });
  return n;
}

}  // namespace

CopyResult copy_project(const CopyRequest& request) {
  const support::QuietGdalErrors quiet;
  OpenOptions reading = request.options;
  reading.check_writable = false;
  ProjectStore source_store = ProjectStore::open(request.from, reading);
  ProjectStore::Impl& source = StoreAccess::impl(source_store);
  Backend& from = *source.backend;
  CopyResult out;
  out.from = from.location();
  out.copied_at = utc_now();
  // One moment of the source: no writer commits there while the copy reads.
  WriteTransaction reading_transaction(from);
  Selection selection(from, request.area);
  const std::string project_uuid = sync::project_uuid(from);
  const std::unique_ptr<Backend> to =
      create_backend(request.to, request.options, [&](Backend& target) {
        create_schema(target, source.project);
        sync::create_tables(target);
        // The same project: a push checks it.
        target.execute("UPDATE \"" + std::string(schema::project::table) + "\" SET \"" +
                       schema::project::value + "\" = " + sql_literal(project_uuid) + " WHERE \"" +
                       schema::project::key + "\" = " + sql_literal(schema::project::key_uuid));
        for (const schema::Table& t : schema::tables()) {
          if (std::string_view(t.name) == schema::project::table) continue;
          if (from.dataset().GetLayerByName(t.name) == nullptr) continue;
          out.rows[t.name] = copy_table(from, target, t, selection);
        }
        const std::string by = request.options.by.empty() ? "wijkatlas" : request.options.by;
        for (const auto& [key, value] :
             {std::pair<const char*, std::string>{sync::origin::from, out.from},
              {sync::origin::project_uuid, project_uuid},
              {sync::origin::copied_at, out.copied_at},
              {sync::origin::copied_by, by},
              {sync::origin::area, request.area_name}})
          sync::set_origin(target, key, value);
      });
  out.to = to->location();
  return out;
}

std::optional<CopyOrigin> copy_origin(std::string_view location, const OpenOptions& options) {
  const support::QuietGdalErrors quiet;
  OpenOptions reading = options;
  reading.check_writable = false;
  ProjectStore store = ProjectStore::open(location, reading);
  Backend& b = *StoreAccess::impl(store).backend;
  if (!sync::is_copy(b)) return std::nullopt;
  auto origin = sync::read_origin(b);
  return CopyOrigin{origin[sync::origin::from], origin[sync::origin::copied_at],
                    origin[sync::origin::copied_by], origin[sync::origin::area],
                    origin[sync::origin::last_push]};
}

}  // namespace wijkatlas::store
