// Writing to the project store: sheet records and ingests, each one transaction.
#include <algorithm>

#include "store_impl.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {
namespace fs = std::filesystem;
using detail::quoted;

void check_project(const SheetInfo& sheet, const std::string& project, const std::string& source) {
  if (sheet.project != project) {
    throw data_error(source, "", "sheet " + sheet.id + " belongs to project '" + sheet.project + "', this store belongs to '" +
                                     project + "': use that project's store (--store)");
  }
}

void create(OGRLayer& layer, OGRFeature& f, const fs::path& path, const std::string& what) {
  CPLErrorReset();
  if (layer.CreateFeature(&f) != OGRERR_NONE) detail::fail_write(path, "cannot write " + what);
}

void insert_sheet(OGRLayer& sheets, const SheetRecord& r, const fs::path& path) {
  OGRFeatureUniquePtr f(OGRFeature::CreateFeature(sheets.GetLayerDefn()));
  const SheetInfo& s = r.sheet;
  f->SetField("id", s.id.c_str());
  f->SetField("project", s.project.c_str());
  f->SetField("area", r.area.c_str());
  f->SetField("session", r.session.c_str());
  f->SetField("scale", s.scale);
  f->SetField("paper", s.paper.c_str());
  f->SetField("orientation", s.orientation.c_str());
  if (!r.printed_at.empty()) f->SetField("printed_at", r.printed_at.c_str());
  f->SetField("payload", encode_payload(s).c_str());
  if (!r.previous_session.empty()) f->SetField("vorige_sessie", r.previous_session.c_str());
  f->SetGeometryDirectly(detail::ogr_from_wkt(detail::to_wkt(s.extent)));
  create(sheets, *f, path, "sheet " + s.id);
}

bool has_sheet(OGRLayer& sheets, const std::string& id) {
  sheets.SetAttributeFilter(("id = " + quoted(id)).c_str());
  sheets.ResetReading();
  const bool found = OGRFeatureUniquePtr(sheets.GetNextFeature()) != nullptr;
  sheets.SetAttributeFilter(nullptr);
  return found;
}

// The earlier ingests of the same sheet, or of the same file name for drawings of no sheet.
std::string same_source(const IngestBatch& b) {
  if (b.sheet) return "sheet_id = " + quoted(b.sheet->id);
  return "sheet_id IS NULL AND file_name = " + quoted(fs::path(b.file_name).filename().string());
}

void set_mark(OGRFeature& f, const InkMark& m) {
  f.SetField("category", to_string(m.category).c_str());
  f.SetField("kind", kind_name(m.kind).c_str());
  if (m.kind == MarkKind::area) f.SetField("area_m2", m.area_m2);
  if (m.kind == MarkKind::line) f.SetField("length_m", m.length_m);
  f.SetField("confidence", m.confidence);
  if (!m.crop_png.empty()) {
    f.SetField(f.GetFieldIndex("crop_png"), static_cast<int>(m.crop_png.size()), m.crop_png.data());
    f.SetField("crop_xmin", m.crop_extent.min_corner().x());
    f.SetField("crop_ymin", m.crop_extent.min_corner().y());
    f.SetField("crop_xmax", m.crop_extent.max_corner().x());
    f.SetField("crop_ymax", m.crop_extent.max_corner().y());
  }
  f.SetGeometryDirectly(detail::ogr_from_wkt(detail::to_wkt(m.geometry)));
}

}  // namespace

std::string to_string(SketchSource source) {
  switch (source) {
    case SketchSource::foto: return "foto";
    case SketchSource::scan: return "scan";
    case SketchSource::digitaal: return "digitaal";
  }
  return "?";
}

std::string kind_name(MarkKind kind) {
  switch (kind) {
    case MarkKind::area: return "vlak";
    case MarkKind::line: return "lijn";
    case MarkKind::point: return "punt";
  }
  return "?";
}

OGRLayer& ProjectStore::Impl::table(const char* name) const {
  OGRLayer* layer = ds->GetLayerByName(name);
  if (layer == nullptr) throw io_error(path.string(), std::string("the store has no table '") + name + "'");
  return *layer;
}

void ProjectStore::record_sheet(const SheetRecord& record) {
  const detail::QuietGdal quiet;
  check_project(record.sheet, impl_->project, "sheet " + record.sheet.id);
  OGRLayer& sheets = impl_->table("sheets");
  if (has_sheet(sheets, record.sheet.id)) {
    throw data_error(impl_->path.string(), "sheet " + record.sheet.id, "a sheet with this id is already recorded");
  }
  detail::Transaction transaction(*impl_->ds, impl_->path);
  SheetRecord r = record;
  if (r.printed_at.empty()) r.printed_at = detail::utc_now();
  insert_sheet(sheets, r, impl_->path);
  transaction.commit();
}

std::optional<SheetRecord> ProjectStore::find_sheet(const std::string& id) {
  const detail::QuietGdal quiet;
  OGRLayer& sheets = impl_->table("sheets");
  sheets.SetAttributeFilter(("id = " + quoted(id)).c_str());
  sheets.ResetReading();
  OGRFeatureUniquePtr f(sheets.GetNextFeature());
  sheets.SetAttributeFilter(nullptr);
  if (!f) return std::nullopt;
  SheetRecord r;
  r.sheet = decode_payload(f->GetFieldAsString("payload"));
  r.area = f->GetFieldAsString("area");
  r.session = f->GetFieldAsString("session");
  r.printed_at = f->GetFieldAsString("printed_at");
  r.previous_session = f->GetFieldAsString("vorige_sessie");
  return r;
}

std::size_t ProjectStore::sheet_count() {
  return static_cast<std::size_t>(std::max<GIntBig>(0, impl_->table("sheets").GetFeatureCount(TRUE)));
}

IngestOutcome ProjectStore::ingest(const IngestBatch& batch) {
  const detail::QuietGdal quiet;
  const fs::path& path = impl_->path;
  if (batch.sheet) check_project(*batch.sheet, impl_->project, batch.file_name);
  OGRLayer& ingests = impl_->table("ingests");
  OGRLayer& sketches = impl_->table("sketches");
  OGRLayer& sheets = impl_->table("sheets");
  IngestOutcome out;

  ingests.SetAttributeFilter(("sha256 = " + quoted(batch.content_sha256)).c_str());
  ingests.ResetReading();
  if (OGRFeatureUniquePtr earlier{ingests.GetNextFeature()}) {
    out.duplicate = true;
    out.ingest_id = earlier->GetFieldAsString("id");
    out.version = earlier->GetFieldAsInteger("version");
    out.features = static_cast<std::size_t>(earlier->GetFieldAsInteger("features"));
    out.earlier_file = earlier->GetFieldAsString("file_name");
    out.earlier_at = earlier->GetFieldAsString("ingested_at");
    ingests.SetAttributeFilter(nullptr);
    return out;
  }
  int latest = 0;
  ingests.SetAttributeFilter(same_source(batch).c_str());
  ingests.ResetReading();
  for (auto& f : ingests) {
    latest = std::max(latest, f->GetFieldAsInteger("version"));
    if (f->GetFieldAsInteger("superseded") == 0) ++out.superseded;
  }
  ingests.SetAttributeFilter(nullptr);

  out.ingest_id = "I-" + batch.content_sha256.substr(0, 12);
  out.version = latest + 1;
  out.features = batch.marks.size();
  const std::string file = fs::path(batch.file_name).filename().string();
  const std::string now = detail::utc_now();

  detail::Transaction transaction(*impl_->ds, path);
  if (out.superseded > 0) {
    detail::execute(*impl_->ds, path, "UPDATE ingests SET superseded = 1 WHERE " + same_source(batch));
    const std::string of_sheet = batch.sheet ? "sheet_id = " + quoted(batch.sheet->id)
                                             : "ingest_id IN (SELECT id FROM ingests WHERE " + same_source(batch) + ")";
    detail::execute(*impl_->ds, path, "UPDATE sketches SET superseded = 1 WHERE " + of_sheet);
  }
  // A photo of a sheet printed on another laptop: its QR code says all the store needs.
  if (batch.sheet && !has_sheet(sheets, batch.sheet->id)) insert_sheet(sheets, {*batch.sheet, "", "", ""}, path);

  OGRFeatureUniquePtr row(OGRFeature::CreateFeature(ingests.GetLayerDefn()));
  row->SetField("id", out.ingest_id.c_str());
  if (batch.sheet) row->SetField("sheet_id", batch.sheet->id.c_str());
  row->SetField("version", out.version);
  row->SetField("sha256", batch.content_sha256.c_str());
  row->SetField("file_name", file.c_str());
  row->SetField("source", to_string(batch.source).c_str());
  row->SetField("session", batch.session.c_str());
  row->SetField("ingested_at", now.c_str());
  row->SetField("features", static_cast<int>(batch.marks.size()));
  row->SetField("superseded", 0);
  if (!batch.photo.empty()) row->SetField(row->GetFieldIndex("photo"), static_cast<int>(batch.photo.size()), batch.photo.data());
  create(ingests, *row, path, "the ingest record");

  for (std::size_t i = 0; i < batch.marks.size(); ++i) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(sketches.GetLayerDefn()));
    if (batch.sheet) f->SetField("sheet_id", batch.sheet->id.c_str());
    f->SetField("session", batch.session.c_str());
    f->SetField("ingest_id", out.ingest_id.c_str());
    f->SetField("version", out.version);
    f->SetField("source", to_string(batch.source).c_str());
    f->SetField("superseded", 0);
    set_mark(*f, batch.marks[i]);
    create(sketches, *f, path, "feature " + std::to_string(i + 1) + " of " + file);
  }
  transaction.commit();
  return out;
}

}  // namespace wijkatlas::sketch
