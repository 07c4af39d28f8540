#pragma once
// The ingest use case (docs/sheets.md, docs/ingest.md): drawn-on sheets (photos, scans) and
// digital drawings (GeoJSON, GeoPackage with a categorie field) into the project store, one
// transaction per file, each file's content once; a new photo of a sheet becomes its next
// version.
#include <optional>
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct IngestRequest {
  std::string session;      // overrides the session the sheet was printed for
  std::string sheet_id;     // the typed id under the QR code, when the QR code is damaged
  bool keep_photo = false;  // also keep the whole photo in the store (privacy: off by default)
};

struct IngestFileResult {
  std::string file;
  bool stored = false;
  bool duplicate = false;
  std::size_t features = 0;
  int version = 0;
  std::string sheet_id;
  std::size_t superseded = 0;
  std::string earlier_file;  // duplicates: where and when it was stored before
  std::string earlier_at;
};

// Reads files into one store. Throws request_error (field "sheet_id") when the typed sheet id is
// not in the store.
class Ingester {
 public:
  Ingester(store::ProjectStore& store, IngestRequest request, geo::Reporter& reporter);

  // One file in one transaction. Throws io_error/data_error naming the file when it cannot be
  // read, store errors when the store cannot take it.
  IngestFileResult ingest(const std::string& file);

 private:
  std::string session_for(const store::IngestBatch& batch);

  store::ProjectStore& store_;
  IngestRequest request_;
  geo::Reporter& reporter_;
  std::optional<store::SheetRecord> known_;
};

}  // namespace wijkatlas::project
