#pragma once
// The values the project store takes and gives: printed sheets, ingests of drawn-on sheets and
// digital drawings, the current sketches grouped per sheet. Times are ISO 8601 UTC text,
// "2026-11-23T18:10:00Z" (the store keeps them as date-time fields).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/sketch/ink_mark.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"
#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::store {

struct SheetRecord {
  sketch::SheetInfo sheet;
  std::string area;  // area name, "" for a sheet around a centre
  std::string session;
  std::string printed_at;  // set by record_sheet when empty
  std::string previous_session =
      "";  // a round-two sheet: the session whose spots it shows; "" otherwise
};

// A printed sheet, and whether any photo, scan or file of it was read back.
struct PrintedSheet {
  SheetRecord record;
  bool returned = false;
};

enum class SketchSource { foto, scan, digitaal };
std::string to_string(SketchSource source);  // "foto", "scan", "digitaal"

// Everything read from one file, stored as one transaction.
struct IngestBatch {
  std::string file_name;       // the file's name as given; only its last part is stored
  std::string content_sha256;  // hex digest of the file's bytes: the same file is stored once
  std::optional<sketch::SheetInfo>
      sheet;  // the sheet drawn on; nullopt for a digital drawing of no sheet
  std::string session;
  SketchSource source = SketchSource::digitaal;
  std::vector<sketch::InkMark> marks;
  std::vector<std::uint8_t> photo;  // the whole file, kept only when asked; empty: not kept
};

struct IngestOutcome {
  bool duplicate = false;  // the same content was stored before: nothing was written
  std::string ingest_id;   // this ingest's id, or the earlier one for a duplicate
  int version = 1;         // 2, 3... for later photos of the same sheet (or file name)
  std::size_t features = 0;
  std::size_t superseded = 0;  // earlier ingests now marked superseded
  std::string earlier_file;    // for a duplicate: the file and time it was stored from
  std::string earlier_at;
};

// The current (not superseded) sketches of a choice of categories, grouped per sheet, for the
// overlap: one geo::SketchSheet per printed sheet (coverage = its map extent) or per digital
// drawing of no sheet (id "tekening <ingest id>", no coverage: its marks are its coverage).
struct SketchSheets {
  std::vector<geo::SketchSheet> sheets;
  std::size_t sketches = 0;
  std::size_t digital_drawings = 0;  // sheets without a printed map extent
};

// A status as set: the id as stored (typed ids may differ in case), what it is, the status now.
struct StatusSet {
  std::string id;
  std::string kind;  // "plek" or "schets"
  sketch::StatusInfo status;
  long long version = 0;  // the row's version after the change
};

// Where a sketch read from a sheet came from: the piece of the rectified sheet around it, as
// the ingest kept it, and the ground (RD New) that piece covers.
struct SketchProvenance {
  std::string id;                      // S17
  std::string sheet_id;                // "" for a digital drawing of no sheet
  std::string source;                  // foto, scan, digitaal, scherm
  double confidence = 0;               // how sure the reading was, 0..1
  std::vector<std::uint8_t> crop_png;  // empty: nothing was cropped (digital, drawn on screen)
  geo::Box crop_extent;
};

// One status a spot or sketch was given, as logged when it was set.
struct StatusHistoryEntry {
  sketch::Status status = sketch::Status::nieuw;
  std::string note;
  std::optional<sketch::LinkedInitiative> initiative;  // id and name; no place
  std::string changed_at;                              // ISO 8601 UTC
  std::string changed_by;                              // a role or session name, never a resident's
};

// A sketch removed (delete_sketch), or found removed already.
struct SketchRemoval {
  std::string id;                // S17
  bool already_removed = false;  // removed before: nothing was written now
  long long version = 0;         // the version its removal made
  std::string removed_at;        // ISO 8601 UTC
  std::string removed_by;
};

// One entry of the store's history: a row made, removed, or one field of it changed.
struct HistoryEntry {
  std::string table;   // "sheets", "ingests", "sketches", "spots"
  std::string row_id;  // the id people use: a sheet's or spot's id, an ingest's id, S17
  std::string field;   // the column; "(nieuw)" for a row made, "(verwijderd)" for one removed
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  long long version = 0;   // the row's version after the change
  std::string changed_at;  // ISO 8601 UTC
  std::string changed_by;
};

}  // namespace wijkatlas::store
