#pragma once
// The subcommands of `wijkatlas`, each a library function with an options struct, so that
// tests run them in-process. Parsing lives in cli.cpp; exit codes only in run_cli.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/join.hpp"
#include "wijkatlas/project/overlap.hpp"

namespace wijkatlas::app {

// Exit codes, documented in README.md and `wijkatlas --help`.
enum ExitCode : int {
  exit_ok = 0,
  exit_internal = 1,  // a bug or an unexpected library failure
  exit_usage = 2,     // wrong options
  exit_input = 3,     // an input file is missing, unreadable or wrong
  exit_output = 4,    // an output could not be written
};

// Where the areas come from; every verb that reads areas takes the same options.
using AreaSourceOptions = project::AreaSource;

struct InfoOptions {
  std::string path;
};
void run_info(const InfoOptions& options, std::ostream& out);

struct AreasOptions {
  AreaSourceOptions source;
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

struct MapOptions {
  std::string definition;   // TOML map definition (docs/maps.md)
  std::string output = "kaart.pdf";  // .pdf, .svg or .png
  std::string data_dir;     // empty: resolve_data_dir()
  std::string paper;        // overrides [map].paper
  std::string orientation;  // overrides [map].orientation
  double dpi = 0;           // overrides [map].dpi (PNG); 0 keeps it
  std::string language;     // overrides [map].language: nl or en
  bool no_date = false;     // no date on the map nor in the PDF (reproducible files)
};

struct MapSummary {
  std::string output;
  double scale = 0;
  std::size_t labels = 0;
  std::size_t labels_dropped = 0;
};
MapSummary run_map(const MapOptions& options, geo::Reporter& reporter, std::ostream& out);

struct AtlasOptions {
  std::string output = "atlas_arnhem_oost.pdf";
  std::string overview;   // overview page; empty: examples/maps/arnhem_oost_overzicht.toml
  std::string wijk_map;   // one page per programme wijk; empty: examples/maps/atlas_wijk.toml
  std::string png_dir;    // also one PNG per page in this directory; empty: none
  std::string data_dir;
  std::string language;   // nl (default) or en
  bool no_date = false;
};

struct AtlasSummary {
  std::string output;
  std::size_t pages = 0;
  std::vector<std::string> pngs;
};
AtlasSummary run_atlas(const AtlasOptions& options, geo::Reporter& reporter, std::ostream& out);

// A drawing sheet (docs/sheets.md): exactly one of area, centre or bbox says where.
struct SheetOptions {
  std::string area;     // buurt, wijk or programme wijk: CBS code or name
  std::string centre;   // "x,y" in crs
  std::string bbox;     // "xmin,ymin,xmax,ymax" in crs
  std::string crs = "EPSG:28992";
  double scale = 0;     // denominator; 0: 2500 around a centre, fitted to an area or box
  std::string paper = "A3";
  std::string orientation = "landscape";
  std::string session;  // printed in the session box
  std::string date;     // printed in the session box; "" leaves a line to write the date on
  std::string store = "project.gpkg";
  std::string basemap;  // OSM extract; empty: the one in the data directory, if any
  std::string data_dir;
  std::string language = "nl";
  std::string output = "tekenblad.pdf";
  bool no_date = false;  // no creation date in the PDF (reproducible output)
  std::string previous;  // round two: show this earlier session's spots and their statuses, faintly
  int previous_min_n = 2;  // when its spots are made by this command: sheets that make a spot
};

struct SheetSummary {
  std::string output;
  std::string id;
  double scale = 0;
};
SheetSummary run_sheet(const SheetOptions& options, geo::Reporter& reporter, std::ostream& out);

// Photos/scans of drawn-on sheets and digital drawings into the project store.
struct IngestOptions {
  std::vector<std::string> files;
  std::string store = "project.gpkg";
  std::string session;   // overrides the session the sheet was printed for
  std::string sheet_id;  // the typed id under the QR code, when the QR code is damaged
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
  std::string map;        // rendered map (.pdf, .svg, .png); empty: none
  std::string paper = "A3";
  bool no_date = false;
  std::string per_buurt;  // CSV per buurt and programme wijk; empty: none
};

struct OverlapSummary {
  std::string output;
  std::string method;  // "exact" or "raster"
  std::size_t sheets = 0;
  std::size_t sketches = 0;
  std::size_t faces = 0;  // faces (exact) or cells with n >= 1 (raster)
  std::int32_t max_n = 0;
  std::string raster;     // the counts as GeoTIFF (raster method only)
};
OverlapSummary run_overlap(const OverlapCommandOptions& options, geo::Reporter& reporter, std::ostream& out);

// Residents beside the figures (docs/overlap.md): a residents' measure per buurt against a CBS
// key figure, both ranks, Spearman's rho, and a two-panel map at one scale.
struct CompareOptions {
  std::string store = "project.gpkg";
  std::string category = "probleem";
  std::string measure = "per_1000";  // per_1000, bladen, procent or plekken
  std::string indicator;             // a CBS key figure or derived field (required)
  std::vector<std::string> indicators;  // tables keyed by CBS code; empty: the CBS key figures
  std::string output = "vergelijking.csv";
  std::string map;                   // two-panel map (.pdf, .svg, .png); empty: none
  std::size_t min_sheets = 3;        // small-number protection: k
  std::size_t highlight = 5;         // buurten with the largest rank difference
  bool no_date = false;
  AreaSourceOptions source;
};

struct CompareSummary {
  std::size_t buurten = 0;
  std::size_t compared = 0;  // with both values
  std::optional<double> rho;
  std::vector<std::string> disagree;  // codes
};
CompareSummary run_compare(const CompareOptions& options, geo::Reporter& reporter, std::ostream& out);

// Round two (docs/round-two.md): statuses of a session's spots and sketches, listed or set.
struct StatusOptions {
  std::string store = "project.gpkg";
  std::string session;              // list this session's spots (made on first use); empty: list the sessions
  bool sketches = false;            // list the session's sketches instead of its spots
  std::vector<std::string> set;     // ID STATUS: set a status (spot id or S17 for a sketch)
  std::optional<std::string> note;  // what was done; "" removes it; not given: kept
  std::optional<std::string> initiative;  // id or name in the registry; "" removes the link
  std::string registry;             // initiative registry; empty: examples/initiatieven_arnhem_oost.csv
  std::string by;                   // who sets it; empty: $USER
  std::optional<int> min_n;         // a spot: where at least this many sheets marked the same place (default 2);
                                    // only when spots are made (first listing or remake_spots)
  bool remake = false;              // make the session's spots again (statuses carried over)
};

struct StatusSummary {
  std::size_t sessions = 0;
  std::size_t spots = 0;
  std::size_t sketches = 0;
  bool spots_made = false;
  std::string changed;  // the id whose status was set
};
StatusSummary run_status(const StatusOptions& options, geo::Reporter& reporter, std::ostream& out);

// Parses the command line and runs a subcommand; returns the exit code. Never calls exit().
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace wijkatlas::app
