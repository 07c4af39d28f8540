#pragma once
// The project store: a GeoPackage (docs/sheets.md) holding every printed sheet and everything
// read back from drawn-on sheets and digital drawings. Tables:
//   wijkatlas_project  key/value: project name and store format version
//   sheets             one row per printed sheet, geometry = the map extent
//   ingests            one row per file read in: content hash, version, superseded flag
//   sketches           the features, geometry of any type, with a provenance crop and a status
//   plekken            spots: places several sheets of one session marked, with a status (round two)
//   statuswijzigingen  every status change: what, who, when (round two)
// Every write is one SQLite transaction: a sheet record or all features of one file, or nothing.
// GDAL/OGR stays behind this header.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"
#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::sketch {

// 2 added round two: statuses, plekken, statuswijzigingen, sheets.vorige_sessie; 3 added
// plekken.min_n. A store of an older format is upgraded in place, in one transaction, when it
// is opened.
inline constexpr int store_format_version = 3;

struct SheetRecord {
  SheetInfo sheet;
  std::string area;        // area name, "" for a sheet around a centre
  std::string session;
  std::string printed_at;  // ISO 8601 UTC; set by record_sheet when empty
  std::string previous_session = "";  // a round-two sheet: the session whose spots it shows; "" otherwise
};

enum class SketchSource { foto, scan, digitaal };
std::string to_string(SketchSource source);  // "foto", "scan", "digitaal"

// "vlak", "lijn", "punt": the store's words for MarkKind (the photo reader's to_string says the same).
std::string kind_name(MarkKind kind);

// Everything read from one file, stored as one transaction.
struct IngestBatch {
  std::string file_name;        // the file's name as given, for the record
  std::string content_sha256;   // hex digest of the file's bytes: the same file is stored once
  std::optional<SheetInfo> sheet;  // the sheet drawn on; nullopt for a digital drawing of no sheet
  std::string session;
  SketchSource source = SketchSource::digitaal;
  std::vector<InkMark> marks;
  std::vector<std::uint8_t> photo;  // the whole file, kept only when asked (--keep-photo); empty: not kept
};

struct IngestOutcome {
  bool duplicate = false;       // the same content was stored before: nothing was written
  std::string ingest_id;        // this ingest's id, or the earlier one for a duplicate
  int version = 1;              // 2, 3... for later photos of the same sheet (or file name)
  std::size_t features = 0;
  std::size_t superseded = 0;   // earlier ingests now marked superseded
  std::string earlier_file;     // for a duplicate: the file and time it was stored from
  std::string earlier_at;
};

class ProjectStore {
 public:
  // Opens a store, creating it (for `project`) when the file does not exist. Throws
  // output_error when the file is locked by another program or cannot be written, io_error
  // when it is empty, not a GeoPackage or a GeoPackage that is not a wijkatlas store.
  static ProjectStore open(const std::filesystem::path& path, const std::string& project = "npao");
  ~ProjectStore();
  ProjectStore(ProjectStore&&) noexcept;
  ProjectStore& operator=(ProjectStore&&) noexcept;

  const std::string& project() const;
  const std::filesystem::path& path() const;

  // Throws data_error when the sheet belongs to another project or its id is already taken.
  void record_sheet(const SheetRecord& record);
  std::optional<SheetRecord> find_sheet(const std::string& id);
  std::size_t sheet_count();

  // Stores all marks of one file in one transaction, or detects a duplicate (same content
  // hash) and stores nothing. A later file of the same sheet (or, for digital drawings without
  // a sheet, of the same file name) becomes the next version and the earlier ones are marked
  // superseded, not deleted. Throws data_error for a sheet of another project.
  IngestOutcome ingest(const IngestBatch& batch);

  // ---- round two (store_status.cpp) ----
  // Sessions of the current sketches, sorted.
  std::vector<std::string> sessions();
  // The current sketches of a session with their statuses, in row order.
  std::vector<SketchStatusRow> sketch_statuses(const std::string& session);
  // The spots made for a session, in id order; empty when none were made yet.
  std::vector<SpotRecord> spots(const std::string& session);
  // Replaces a session's spots in one transaction. Throws data_error when an id is taken by
  // another session's spot.
  void replace_spots(const std::string& session, const std::vector<SpotRecord>& spots);
  // Sets the status of a spot or sketch (S17) and logs the change, in one transaction. Throws
  // data_error naming the id when the store holds no such spot or current sketch. Returns the
  // status as it is now, with the id as stored (typed ids may differ in case).
  struct StatusSet {
    std::string id;
    std::string kind;  // "plek" or "schets"
    StatusInfo status;
  };
  StatusSet set_status(const StatusChange& change);

 private:
  struct Impl;
  explicit ProjectStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// SHA-256 of a file's bytes as lower-case hex; it lives in geo, which also keys prepared base
// maps by it.
using geo::sha256_file;

}  // namespace wijkatlas::sketch
