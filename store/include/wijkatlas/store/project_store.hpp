#pragma once
// The project store: every printed sheet and everything read back from drawn-on sheets and
// digital drawings, the spots of each session and the statuses a planner set (docs/sheets.md,
// docs/round-two.md). It opens by a location: a GeoPackage path now; a PostgreSQL connection
// string ("PG:...") is the next backend, behind the same interface (store/src/backend.hpp).
//
// Every write is one transaction that takes the store's write lock when it starts: a sheet
// record, all features of one file, a session's spots, one status change, or nothing. Checks
// that decide what is written (already read? which version? id taken?) run inside that
// transaction, and the database's constraints back them up, so two writers at once never both
// win. A writer waits for another one up to OpenOptions::busy_timeout, then fails as `locked`.
//
// Failures are store_error (error.hpp). A ProjectStore is one connection: use it from one
// thread at a time; open one per thread or process.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/sketch/status.hpp"
#include "wijkatlas/store/drawings.hpp"
#include "wijkatlas/store/error.hpp"
#include "wijkatlas/store/imports.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::store {

namespace detail {
struct StoreAccess;  // the store's own parts (copy, push) reach its connection
}  // namespace detail

// The format a store is written in; older ones are upgraded in place when opened.
// 1 sheets, ingests, sketches; 2 round two: statuses, spots, status changes, the previous
// session of a sheet; 3 the min_n each spot was made with; 4 one language (English) for every
// table and column, stable ids (uuid) on every row, sketch numbers, date-time fields; 5 who made
// and changed each row when, its version (compare-and-set), and the history of every change;
// 6 imported data: areas, key figures, the initiative registry, asset points (store import).
inline constexpr int format_version = 6;

struct OpenOptions {
  // How long a write waits for another writer (another wijkatlas, QGIS saving an edit) before
  // it gives up with ErrorKind::locked.
  std::chrono::milliseconds busy_timeout{3000};
  // true: opening checks that the store can be locked for writing, so that a locked or
  // read-only store fails before any other work is done. false (readers): no such check.
  bool check_writable = true;
  // Who writes through this store: a role or a session name ("tafel Presikhaaf 12-3"), never a
  // resident's name. Every row made or changed carries it (created_by, updated_by), and so
  // does its history. "" writes "wijkatlas".
  std::string by;
};

class ProjectStore {
 public:
  // Opens an existing store; a store of an older format is upgraded in place first, in one
  // transaction. Throws store_error: not_found (nothing there; opening never creates),
  // not_a_store, newer_format, bad_location, locked, read_only, upgrade_failed.
  static ProjectStore open(std::string_view location, const OpenOptions& options = {});
  // Creates a new, empty store for `project`, complete or not at all, and never over an
  // existing one: two processes creating at once get one store and one already_exists.
  static ProjectStore create(std::string_view location, const std::string& project,
                             const OpenOptions& options = {});
  // Opens the store, creating it first when there is none. Two processes doing this at once
  // both end up with the same store.
  static ProjectStore open_or_create(std::string_view location, const std::string& project,
                                     const OpenOptions& options = {});

  ~ProjectStore();
  ProjectStore(ProjectStore&&) noexcept;
  ProjectStore& operator=(ProjectStore&&) noexcept;

  const std::string& project() const;
  // The location as given (the GeoPackage's path).
  const std::string& location() const;

  // ---- sheets ----
  // Throws store_error foreign_project (the sheet belongs to another project) or duplicate
  // (its id is recorded already).
  void record_sheet(const SheetRecord& record);
  std::optional<SheetRecord> find_sheet(const std::string& id);
  // The sheets printed for a session (every session's when nullopt), oldest first, each with
  // whether it came back (an ingest of it).
  std::vector<PrintedSheet> printed_sheets(const std::optional<std::string>& session);
  std::size_t sheet_count();

  // ---- ingest ----
  // Stores all marks of one file in one transaction, or finds the same content (hash) stored
  // before and stores nothing (outcome.duplicate), also when another process stores it at the
  // same moment. A later file of the same sheet (or, for digital drawings without a sheet, of
  // the same file name) becomes the next version and the earlier ones are marked superseded,
  // not deleted. A sheet the store does not know is recorded from the file's description.
  // Throws store_error foreign_project, or write_failed / locked with nothing stored.
  IngestOutcome ingest(const IngestBatch& batch);

  // ---- reading sketches ----
  // Sessions of the current sketches, sorted ("" for sketches of no session).
  std::vector<std::string> sessions();
  // The current sketches of the chosen categories, grouped per sheet, in the order they were
  // stored; all sessions when `session` is nullopt. Empty when there are none.
  SketchSheets current_sheets(sketch::CategoryChoice categories,
                              const std::optional<std::string>& session = std::nullopt);
  // The current sketches of a session (every session's when nullopt) with their statuses and
  // geometries, in the order they were stored.
  std::vector<sketch::SketchStatusRow> sketch_statuses(const std::optional<std::string>& session);

  // A current sketch's provenance (S17): the sheet, how it was read and its crop. Throws
  // store_error unknown_id for no such current sketch.
  SketchProvenance sketch_provenance(const std::string& id);

  // ---- round two: spots and statuses ----
  // The spots made for a session, in id order; empty when none were made yet.
  std::vector<sketch::SpotRecord> spots(const std::string& session);
  // Replaces a session's spots in one transaction. Throws store_error duplicate when an id is
  // taken by a spot of another session.
  void replace_spots(const std::string& session, const std::vector<sketch::SpotRecord>& spots);
  // Sets the status of a spot (by its id, any case) or a sketch (S17) and logs the change, in
  // one transaction: a compare-and-set on the row's version (change.based_on; nullopt: the
  // version the row has when the transaction starts). Throws store_error unknown_id,
  // not_current (a superseded sketch) or conflict (the row changed since that version: the
  // message says what, when and by whom; nothing is written).
  StatusSet set_status(const sketch::StatusChange& change);
  // Every status a spot (by its id, any case) or a sketch (S17) was given, oldest first; empty
  // when it was never set. Throws store_error unknown_id.
  std::vector<StatusHistoryEntry> status_history(const std::string& id);
  // The version of a spot (by its id, any case) or a sketch (S17) now, for a change that is
  // based on it. Throws store_error unknown_id.
  long long version_of(const std::string& id);

  // ---- drawings made on screen (the meeting viewer; drawings.hpp) ----
  // Stores a drawing as one ingest (channel "scherm") with one sketch, in one transaction, or
  // finds the one stored before under the same client id and stores nothing (repeated). Throws
  // store_error bad_value for a client id that is not one or a geometry that is not a point,
  // lines or areas; locked / write_failed with nothing stored.
  Drawing add_drawing(const NewDrawing& drawing);
  // Moves, reshapes or recategorises a drawing made on screen, in one transaction, when it still
  // has version change.based_on. Throws store_error unknown_id, not_current (a sketch read from
  // a sheet or file: it is changed where it came from), conflict (it changed since: the message
  // says what, when and by whom; nothing is written).
  Drawing change_drawing(const DrawingChange& change);
  // The current drawings made on screen, in the order they were made; all sessions when nullopt.
  std::vector<Drawing> drawings(const std::optional<std::string>& session = std::nullopt);

  // ---- withdrawing a drawing ----
  // Removes a sketch (S17) that was withdrawn, as a compare-and-set on its version: only when
  // the row still has version `based_on`, with its removal in the history ("(verwijderd)"), in
  // one transaction. Sketch numbers are never given again after a removal. A sketch removed
  // already (by another writer, whatever that was based on) is no error: nothing is written and
  // the result says when and by whom it was removed (already_removed). Throws store_error
  // unknown_id (no such sketch, ever) or conflict (it changed since `based_on`: what, when and
  // by whom; nothing is written).
  SketchRemoval delete_sketch(const std::string& id, long long based_on);

  // ---- history ----
  // Every change recorded after `since` (ISO 8601 UTC, exclusive), oldest first.
  std::vector<HistoryEntry> history_since(const std::string& since);
  // The last moment recorded for a session: its latest printed sheet, ingest, or change made
  // under its name (by). nullopt when the store knows no such session.
  std::optional<std::string> session_moment(const std::string& session);

  // ---- imported data (format 6; store_import.cpp, store_imported.cpp) ----
  // Imports the parts of `batch` in one transaction: each replaces what the store had of it,
  // recorded in history as one change of the part (table imports), or is left unchanged when
  // its content hash is the one stored. Nothing is written when anything fails (a bad row of
  // an asset layer, a lost connection). Throws store_error write_failed, locked, read_only.
  ImportOutcome import_data(const ImportBatch& batch);
  // The parts imported so far, in the order they were first imported.
  std::vector<ImportRecord> imports();
  // The imported area hierarchy; nullopt when no areas were imported.
  std::optional<StoredAreas> areas();
  // The imported key-figure tables, in the order they were imported; empty when none were.
  std::vector<geo::IndicatorTable> indicator_tables();
  // The imported initiative registry as a point layer: its own columns (id, naam, thema, ...)
  // then its extra ones, rows in the file's order; nullopt when none was imported.
  std::optional<geo::Layer> initiatives();
  // The number of stored asset points of a layer.
  std::size_t asset_count(const std::string& layer);

  struct Impl;

 private:
  friend struct detail::StoreAccess;
  explicit ProjectStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace wijkatlas::store
