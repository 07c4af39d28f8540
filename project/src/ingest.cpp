#include "wijkatlas/project/ingest.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/ingest_image.hpp"
#include "wijkatlas/sketch/digital_sketch.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

std::vector<std::uint8_t> file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

Ingester::Ingester(store::ProjectStore& store, IngestRequest request, geo::Reporter& reporter)
    : store_(store), request_(std::move(request)), reporter_(reporter) {
  if (request_.sheet_id.empty()) return;
  const std::string id = sketch::normalise_sheet_id(request_.sheet_id);
  known_ = store_.find_sheet(id);
  if (!known_) {
    throw request_error("sheet_id", "no sheet " + id + " in " + store_.location() +
                                        " (it was printed with another store, or mistyped)");
  }
}

IngestFileResult Ingester::ingest(const std::string& file) {
  const fs::path path(file);
  if (!fs::exists(path)) throw io_error(file, "no such file");
  store::IngestBatch batch;
  if (is_image(path)) {
    batch = read_image(path, known_ ? std::optional(known_->sheet) : std::nullopt, reporter_);
  } else {
    batch.marks = sketch::read_digital_sketch(path, reporter_);
    batch.source = store::SketchSource::digitaal;
    if (known_) batch.sheet = known_->sheet;
  }
  batch.file_name = file;
  batch.content_sha256 = geo::sha256_file(path);
  batch.session = session_for(batch);
  if (request_.keep_photo && batch.source != store::SketchSource::digitaal)
    batch.photo = file_bytes(path);
  const store::IngestOutcome outcome = store_.ingest(batch);
  return {file,
          !outcome.duplicate,
          outcome.duplicate,
          outcome.features,
          outcome.version,
          batch.sheet ? batch.sheet->id : "",
          outcome.superseded,
          outcome.earlier_file,
          outcome.earlier_at};
}

// The session named in the request, else the one the sheet was printed for.
std::string Ingester::session_for(const store::IngestBatch& batch) {
  if (!request_.session.empty()) return request_.session;
  if (batch.sheet) {
    if (const auto record = store_.find_sheet(batch.sheet->id)) return record->session;
  }
  return "";
}

}  // namespace wijkatlas::project
