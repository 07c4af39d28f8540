#pragma once
// The subcommands of `wijkatlas`, each a library function with an options struct, so that
// tests run them in-process. Parsing lives in command_line_parse.cpp; exit codes only in
// run_command_line (command_line.hpp).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/compare.hpp"
#include "wijkatlas/project/ingest.hpp"
#include "wijkatlas/project/join.hpp"
#include "wijkatlas/project/maps.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/project/sheet.hpp"

namespace wijkatlas::app {

// Exit codes, documented in README.md and `wijkatlas --help`.
enum ExitCode : int {
  exit_ok = 0,
  exit_internal = 1,  // a bug or an unexpected library failure
  exit_usage = 2,     // wrong options
  exit_input = 3,     // an input file is missing, unreadable or wrong
  exit_output = 4,    // an output could not be written
  exit_conflict = 5,  // the row changed since it was read (compare-and-set): nothing written
};

// Where the areas come from; every verb that reads areas takes the same options.
using AreaSourceOptions = project::AreaSource;

struct InfoOptions {
  std::string path;
};
void run_info(const InfoOptions& options, std::ostream& out);

struct AreasOptions {
  AreaSourceOptions source;
  std::string store;  // read the areas and key figures imported into this store
  std::string output = "gebieden.gpkg";
};
void run_areas(const AreasOptions& options, geo::Reporter& reporter);

// `wijkatlas join`: the join use case (project/join.hpp) and where it writes.
using JoinedPoints = project::JoinedPoints;
struct JoinOptions : project::JoinRequest {
  std::string output = "wijkatlas_join.gpkg";
  std::string csv;  // empty: next to the output, .csv
  bool include_personal = false;
};

struct JoinSummary {
  std::size_t points = 0;
  std::size_t outside = 0;
  std::string output;
  std::string csv;
};
JoinSummary run_join(const JoinOptions& options, geo::Reporter& reporter, std::ostream& out);

// `wijkatlas map` and `wijkatlas atlas`: the map use cases (project/maps.hpp) and their outputs.
struct MapOptions : project::MapRequest {
  std::string output = "kaart.pdf";  // .pdf, .svg or .png
};

struct MapSummary {
  std::string output;
  double scale = 0;
  std::size_t labels = 0;
  std::size_t labels_dropped = 0;
};
MapSummary run_map(const MapOptions& options, geo::Reporter& reporter, std::ostream& out);

struct AtlasOptions : project::AtlasRequest {
  std::string output = "atlas_arnhem_oost.pdf";
  std::string png_dir;  // also one PNG per page in this directory; empty: none
};

struct AtlasSummary {
  std::string output;
  std::size_t pages = 0;
  std::vector<std::string> pngs;
};
AtlasSummary run_atlas(const AtlasOptions& options, geo::Reporter& reporter, std::ostream& out);

// `wijkatlas sheet`: the drawing-sheet use case (project/sheet.hpp) and where it goes.
struct SheetOptions : project::SheetRequest {
  std::string store = "project.gpkg";
  std::string output = "tekenblad.pdf";
  bool no_date = false;  // no creation date in the PDF (reproducible output)
};

struct SheetSummary {
  std::string output;
  std::string id;
  double scale = 0;
};
SheetSummary run_sheet(const SheetOptions& options, geo::Reporter& reporter, std::ostream& out);

// Photos/scans of drawn-on sheets and digital drawings into the project store.
// `wijkatlas ingest`: the ingest use case (project/ingest.hpp) over the files given.
struct IngestOptions : project::IngestRequest {
  std::vector<std::string> files;
  std::string store = "project.gpkg";
};
using IngestFileResult = project::IngestFileResult;

struct IngestSummary {
  std::vector<IngestFileResult> files;
  std::size_t stored = 0, duplicates = 0, failed = 0;
};
// Reads every file (one transaction each); a file that fails does not stop the others, but the
// first failure is rethrown at the end so the exit code reports it.
IngestSummary run_ingest(const IngestOptions& options, geo::Reporter& reporter, std::ostream& out);

// `wijkatlas overlap`: the overlap use case (project/overlap.hpp) and where it writes.
struct OverlapCommandOptions : project::OverlapRequest {
  std::string store = "project.gpkg";
  std::string output = "overlap.gpkg";
  std::string map;  // rendered map (.pdf, .svg, .png); empty: none
  std::string paper = "A3";
  bool no_date = false;
  std::string per_buurt;  // CSV per buurt and programme wijk; empty: none
  std::string cache_dir;  // prepared base maps for the map; empty: geo::default_cache_dir()
};

struct OverlapSummary {
  std::string output;
  std::string method;  // "exact" or "raster"
  std::size_t sheets = 0;
  std::size_t sketches = 0;
  std::size_t faces = 0;  // faces (exact) or cells with n >= 1 (raster)
  std::int32_t max_n = 0;
  std::string raster;  // the counts as GeoTIFF (raster method only)
};
OverlapSummary run_overlap(const OverlapCommandOptions& options, geo::Reporter& reporter,
                           std::ostream& out);

// `wijkatlas compare`: the compare use case (project/compare.hpp) and where it writes.
struct CompareOptions : project::CompareRequest {
  std::string store = "project.gpkg";
  std::string output = "vergelijking.csv";
  std::string map;  // two-panel map (.pdf, .svg, .png); empty: none
  bool no_date = false;
  std::string cache_dir;  // prepared base maps for the map; empty: geo::default_cache_dir()
};

struct CompareSummary {
  std::size_t buurten = 0;
  std::size_t compared = 0;  // with both values
  std::optional<double> rho;
  std::vector<std::string> disagree;  // codes
};
CompareSummary run_compare(const CompareOptions& options, geo::Reporter& reporter,
                           std::ostream& out);

// Round two (docs/round-two.md): statuses of a session's spots and sketches, listed or set.
struct StatusOptions {
  std::string store = "project.gpkg";
  std::string session;    // list this session's spots (made on first use); empty: list the sessions
  bool sketches = false;  // list the session's sketches instead of its spots
  std::vector<std::string> set;           // ID STATUS: set a status (spot id or S17 for a sketch)
  std::optional<std::string> note;        // what was done; "" removes it; not given: kept
  std::optional<std::string> initiative;  // id or name in the registry; "" removes the link
  std::string registry;  // initiative registry; empty: examples/initiatieven_arnhem_oost.csv
  std::string by;        // who sets it; empty: $USER
  std::optional<int>
      min_n;  // a spot: where at least this many sheets marked the same place (default 2);
              // only when spots are made (first listing or remake_spots)
  bool remake = false;  // make the session's spots again (statuses carried over)
  // With set: the version of the row the change is based on (as listed); not given: the
  // version when the command starts.
  std::optional<long long> based_on;
};

struct StatusSummary {
  std::size_t sessions = 0;
  std::size_t spots = 0;
  std::size_t sketches = 0;
  bool spots_made = false;
  std::string changed;  // the id whose status was set
};
StatusSummary run_status(const StatusOptions& options, geo::Reporter& reporter, std::ostream& out);

// `wijkatlas store init`: a new, empty project store (never over an existing one).
struct StoreInitOptions {
  std::string store = "project.gpkg";
  std::string project = "npao";
};
void run_store_init(const StoreInitOptions& options, std::ostream& out);

// `wijkatlas store log`: what changed since a session or a date.
struct StoreLogOptions {
  std::string store = "project.gpkg";
  std::string since;  // a session name, a date (2026-12-01) or a UTC time
};
struct StoreLogSummary {
  std::size_t changes = 0;
};
StoreLogSummary run_store_log(const StoreLogOptions& options, std::ostream& out);

// `wijkatlas store copy`: a project (or what touches one wijk) into a new store, a laptop's
// GeoPackage, remembering where from and every row's version (docs/store.md).
struct StoreCopyOptions {
  std::string from;
  std::string to;
  std::string wijk;            // a programme wijk or CBS wijk by name or code; "": everything
  project::AreaSource source;  // where the wijk's boundary comes from
  std::string by;              // who copies (default $USER)
};
struct StoreCopySummary {
  std::size_t rows = 0;
};
StoreCopySummary run_store_copy(const StoreCopyOptions& options, geo::Reporter& reporter,
                                std::ostream& out);

// `wijkatlas store push`: a copy's edits back to the store, per row; conflicts are listed on
// `conflicts_out` and end in a store conflict error (exit 5).
struct StorePushOptions {
  std::string laptop;
  std::string to;
  std::vector<std::string> ours;  // row ids (S17, a spot's id) or uuids, or "all"
  std::vector<std::string> theirs;
  std::string by;
};
struct StorePushSummary {
  std::size_t written = 0;
  std::size_t conflicts = 0;
};
StorePushSummary run_store_push(const StorePushOptions& options, std::ostream& out,
                                std::ostream& conflicts_out);

// `wijkatlas store import`: the data directory's areas and key figures, a registry and asset
// points into the store (project/store_import.hpp).
struct StoreImportOptions {
  std::string store = "project.gpkg";
  std::string data_dir;
  bool no_areas = false;  // only the registry, assets and points named
  std::vector<std::string> indicators;
  std::string registry;
  std::vector<std::string> assets;
  std::string points;
  std::string layer_name;
  bool include_personal = false;
  std::string by;
};
struct StoreImportSummary {
  std::size_t parts = 0, unchanged = 0, rows = 0;
};
StoreImportSummary run_store_import(const StoreImportOptions& options, geo::Reporter& reporter,
                                    std::ostream& out);

// The meeting viewer (issue 14): serves the page, tiles and overlays until SIGINT or SIGTERM.
struct ServeOptions {
  std::string store = "project.gpkg";
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
  std::string data_dir;
  std::string cache_dir;
  std::string registry;
  std::string web_dir;         // the page and its bundle; empty: web/ beside the program
  bool no_disk_tiles = false;  // true: drawn tiles are not kept in the cache directory
};
// Prints the address once it listens ("wijkatlas serve: http://127.0.0.1:8080/").
void run_serve(const ServeOptions& options, geo::Reporter& reporter, std::ostream& out);

}  // namespace wijkatlas::app
