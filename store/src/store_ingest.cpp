// Ingest: all marks of one file in one transaction, each file once, later files of a sheet as
// new versions. What decides the outcome (stored before? which version? which numbers?) is
// read inside the write transaction; the unique content hash backs it up.
#include <algorithm>
#include <filesystem>

#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace fs = std::filesystem;

// The earlier ingests of the same sheet, or of the same file name for drawings of no sheet.
std::string same_source(const IngestBatch& b) {
  namespace col = schema::ingests;
  if (b.sheet) return std::string(col::sheet_id) + " = " + sql_literal(b.sheet->id);
  return std::string(col::sheet_id) + " IS NULL AND " + col::file_name + " = " +
         sql_literal(fs::path(b.file_name).filename().string());
}

long long number(Backend& b, const std::string& sql) {
  const auto value = b.query(sql);
  return value.empty() || !value.front() ? 0 : std::stoll(*value.front());
}

std::optional<IngestOutcome> earlier_ingest(Rows& ingests, const std::string& sha256) {
  namespace col = schema::ingests;
  const OGRFeatureUniquePtr earlier =
      ingests.first(std::string(col::sha256) + " = " + sql_literal(sha256));
  if (!earlier) return std::nullopt;
  IngestOutcome out;
  out.duplicate = true;
  out.ingest_id = text(*earlier, col::id);
  out.version = integer(*earlier, col::version);
  out.features = static_cast<std::size_t>(integer(*earlier, col::features));
  out.earlier_file = text(*earlier, col::file_name);
  out.earlier_at = time_text(*earlier, col::ingested_at);
  return out;
}

void set_mark(OGRFeature& f, const sketch::InkMark& m) {
  namespace col = schema::sketches;
  f.SetField(col::category, sketch::to_string(m.category).c_str());
  f.SetField(col::kind, sketch::to_string(m.kind).c_str());
  if (m.kind == sketch::MarkKind::area) f.SetField(col::area_m2, m.area_m2);
  if (m.kind == sketch::MarkKind::line) f.SetField(col::length_m, m.length_m);
  f.SetField(col::confidence, m.confidence);
  if (!m.crop_png.empty()) {
    set_blob(f, col::crop_png, m.crop_png);
    f.SetField(col::crop_xmin, m.crop_extent.min_corner().x());
    f.SetField(col::crop_ymin, m.crop_extent.min_corner().y());
    f.SetField(col::crop_xmax, m.crop_extent.max_corner().x());
    f.SetField(col::crop_ymax, m.crop_extent.max_corner().y());
  }
  set_geometry(f, m.geometry);
}

// The rows matching `where`, read whole before any of them is changed.
std::vector<OGRFeatureUniquePtr> read_all(Rows& rows, const std::string& where) {
  std::vector<OGRFeatureUniquePtr> out;
  rows.each(where, [&](OGRFeature& f) { out.emplace_back(f.Clone()); });
  return out;
}

// Marks rows superseded, each a change of its own (version, history).
void supersede(RowLog& log, Rows& rows, const std::string& where, const char* column) {
  for (const OGRFeatureUniquePtr& before : read_all(rows, where)) {
    OGRFeatureUniquePtr after(before->Clone());
    after->SetField(column, 1);
    log.update(rows, *before, *after, row_version(*before),
               row_id(rows.table(), *before) + " (superseded)");
  }
}

IngestOutcome ingest_once(Backend& b, const IngestBatch& batch, const std::string& by) {
  namespace in = schema::ingests;
  namespace sk = schema::sketches;
  Rows ingests(b, in::table);
  Rows sketches(b, sk::table);
  Rows sheets(b, schema::sheets::table);
  WriteTransaction transaction(b);
  if (auto earlier = earlier_ingest(ingests, batch.content_sha256)) return *earlier;

  IngestOutcome out;
  out.version =
      static_cast<int>(number(b, "SELECT COALESCE(MAX(" + std::string(in::version) + "), 0) FROM " +
                                     in::table + " WHERE " + same_source(batch))) +
      1;
  out.superseded = static_cast<std::size_t>(
      number(b, "SELECT COUNT(*) FROM " + std::string(in::table) + " WHERE " + same_source(batch) +
                    " AND NOT " + in::superseded));
  out.ingest_id = "I-" + batch.content_sha256.substr(0, 12);
  out.features = batch.marks.size();
  const std::string file = fs::path(batch.file_name).filename().string();

  RowLog log(b, by);
  if (out.superseded > 0) {
    const std::string of_source =
        batch.sheet ? std::string(sk::sheet_id) + " = " + sql_literal(batch.sheet->id)
                    : std::string(sk::ingest_id) + " IN (SELECT " + in::id + " FROM " + in::table +
                          " WHERE " + same_source(batch) + ")";
    supersede(log, sketches, of_source + " AND NOT " + sk::superseded, sk::superseded);
    supersede(log, ingests, same_source(batch) + " AND NOT " + in::superseded, in::superseded);
  }
  // A photo of a sheet printed on another laptop: its QR code says all the store needs.
  if (batch.sheet && !has_sheet(sheets, batch.sheet->id))
    insert_sheet(log, sheets, {*batch.sheet, "", "", ""});

  OGRFeatureUniquePtr row = ingests.new_row();
  row->SetField(in::id, out.ingest_id.c_str());
  if (batch.sheet) row->SetField(in::sheet_id, batch.sheet->id.c_str());
  row->SetField(in::version, out.version);
  row->SetField(in::sha256, batch.content_sha256.c_str());
  row->SetField(in::file_name, file.c_str());
  row->SetField(in::source, to_string(batch.source).c_str());
  row->SetField(in::session, batch.session.c_str());
  set_time(*row, in::ingested_at, utc_now());
  row->SetField(in::features, static_cast<int>(batch.marks.size()));
  row->SetField(in::superseded, 0);
  if (!batch.photo.empty()) set_blob(*row, in::photo, batch.photo);
  log.insert(ingests, *row, "the ingest record of " + file);

  // A number is never given again, also after its sketch was removed (delete_sketch): a change
  // based on the removed S20 must not reach a new one.
  namespace h = schema::history;
  long long next = std::max(number(b, "SELECT COALESCE(MAX(" + std::string(sk::number) +
                                          "), 0) FROM " + sk::table),
                            number(b, "SELECT COALESCE(MAX(CAST(substr(" + std::string(h::row_id) +
                                          ", 2) AS INTEGER)), 0) FROM " + h::table + " WHERE " +
                                          h::table_name + " = " + sql_literal(sk::table) + " AND " +
                                          h::field + " = " + sql_literal(h::removed))) +
                   1;
  for (std::size_t i = 0; i < batch.marks.size(); ++i) {
    OGRFeatureUniquePtr f = sketches.new_row();
    f->SetField(sk::number, static_cast<GIntBig>(next++));
    if (batch.sheet) f->SetField(sk::sheet_id, batch.sheet->id.c_str());
    f->SetField(sk::session, batch.session.c_str());
    f->SetField(sk::ingest_id, out.ingest_id.c_str());
    f->SetField(sk::version, out.version);
    f->SetField(sk::source, to_string(batch.source).c_str());
    f->SetField(sk::superseded, 0);
    set_mark(*f, batch.marks[i]);
    log.insert(sketches, *f, "feature " + std::to_string(i + 1) + " of " + file);
  }
  transaction.commit();
  return out;
}

}  // namespace

std::string to_string(SketchSource source) {
  switch (source) {
    case SketchSource::foto:
      return "foto";
    case SketchSource::scan:
      return "scan";
    case SketchSource::digitaal:
      return "digitaal";
  }
  return "?";
}

IngestOutcome ProjectStore::ingest(const IngestBatch& batch) {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  if (batch.sheet) check_project(*batch.sheet, impl_->project, b.location(), batch.file_name);
  // The content hash is unique: when another writer stored the same file first (possible
  // where the database does not serialise writers), the insert fails as a duplicate, and the
  // next attempt finds that ingest.
  for (int attempt = 1;; ++attempt) {
    try {
      return ingest_once(b, batch, impl_->by);
    } catch (const store_error& e) {
      if (e.kind() != ErrorKind::duplicate || attempt == 3) throw;
    }
  }
}

}  // namespace wijkatlas::store
