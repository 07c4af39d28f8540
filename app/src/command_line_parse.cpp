// The command line's verbs and options (CLI11), parsed into the options of one verb. Nothing
// here reads a file or runs anything: tests check the parse alone.
#include <CLI/CLI.hpp>
#include <map>
#include <sstream>

#include "shared_options.hpp"
#include "wijkatlas/app/command_line.hpp"

namespace wijkatlas::app {
namespace {

constexpr const char* exit_code_help =
    "Exit codes: 0 success, 1 internal error, 2 wrong options, 3 input missing or wrong "
    "(file, CRS, data), 4 output could not be written, 5 conflict: the row changed since it was "
    "read (nothing written; read it again), or 'store push' left rows changed on both sides to "
    "decide (--ours/--theirs).";

// Every verb's options, bound to the CLI11 parser that fills them.
struct AllOptions {
  InfoOptions info;
  AreasOptions areas;
  JoinOptions join;
  MapOptions map;
  AtlasOptions atlas;
  SheetOptions sheet;
  IngestOptions ingest;
  OverlapCommandOptions overlap;
  CompareOptions compare;
  StatusOptions status;
  StoreInitOptions store_init;
  StoreLogOptions store_log;
  StoreCopyOptions store_copy;
  StorePushOptions store_push;
  ServeOptions serve;
  StoreImportOptions store_import;
};

CLI::App* add_info(CLI::App& app, InfoOptions& o) {
  auto* cmd = app.add_subcommand("info", "Layers, CRS, extent and feature counts of a dataset");
  cmd->add_option("dataset", o.path, "Any vector dataset GDAL reads")->required();
  return cmd;
}

CLI::App* add_areas(CLI::App& app, AreasOptions& o) {
  auto* cmd = app.add_subcommand(
      "areas", "Build the hierarchy buurt > wijk > programmawijk > gemeente and write it");
  add_area_options(*cmd, o.source);
  add_reading_store_option(*cmd, o.store);
  add_output_option(*cmd, o.output, "Output GeoPackage");
  return cmd;
}

CLI::App* add_join(CLI::App& app, JoinOptions& o) {
  auto* cmd = app.add_subcommand(
      "join", "Join points and indicators to the areas; write per-area layers and a CSV");
  add_area_options(*cmd, o.source);
  add_reading_store_option(*cmd, o.store);
  cmd->add_option("--points", o.points,
                  "Points: initiatives, assets (default: the store's initiatives with --store, "
                  "else examples/initiatieven_arnhem_oost.csv)");
  cmd->add_option("--points-layer", o.points_layer, "Layer of the points dataset");
  cmd->add_option("--s-srs", o.points_srs,
                  "CRS of the points when the file names none, e.g. EPSG:4326");
  cmd->add_option("--indicators", o.indicators,
                  "Indicator table(s) keyed by CBS code (repeatable; default: CBS key figures "
                  "in the data directory)");
  cmd->add_flag("--no-indicators", o.no_indicators, "Join no indicator tables");
  cmd->add_option("--theme-field", o.theme_field, "Count points per value of this field")
      ->capture_default_str();
  cmd->add_option("--value-field", o.value_field, "Sum and mean of this numeric field per area");
  add_output_option(*cmd, o.output, "Output GeoPackage");
  cmd->add_option("--csv", o.csv, "Output table (default: the output name with .csv)");
  cmd->add_flag("--include-personal", o.include_personal,
                "Also write personal fields (contact_*, prive_*)");
  const std::map<std::string, JoinedPoints> modes{{"auto", JoinedPoints::automatic},
                                                  {"always", JoinedPoints::always},
                                                  {"never", JoinedPoints::never},
                                                  {"codes", JoinedPoints::codes}};
  cmd->add_option("--joined-points", o.joined_points,
                  "Write the layer 'punten' (every point with its area codes): auto (up to " +
                      std::to_string(o.joined_points_limit) +
                      " points), always or never; codes: instead the table 'punten_codes' "
                      "(each point's fid and area codes, fast at any size)")
      ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case))
      ->default_str("auto");
  cmd->add_option(
      "--threads", o.threads,
      "Worker threads for the join (0 = all cores, less one while points are read from a file)");
  return cmd;
}

CLI::App* add_map(CLI::App& app, MapOptions& o) {
  auto* cmd =
      app.add_subcommand("map", "Render a map definition (TOML, docs/maps.md) to PDF, SVG or PNG");
  cmd->add_option("definition", o.definition,
                  "Map definition, e.g. examples/maps/arnhem_oost_overzicht.toml")
      ->required();
  add_output_option(*cmd, o.output, "Output: .pdf, .svg or .png");
  add_data_dir_option(*cmd, o.data_dir);
  add_cache_dir_option(*cmd, o.cache_dir);
  add_reading_store_option(*cmd, o.store);
  cmd->add_option("--paper", o.paper, "Paper size, overriding the definition: A4, A3, A2, A1, A0");
  cmd->add_option("--orientation", o.orientation,
                  "portrait or landscape, overriding the definition");
  cmd->add_option("--dpi", o.dpi, "Resolution of a PNG (default: the definition's, else 300)");
  add_language_option(*cmd, o.language, "Map");
  add_no_date_flag(*cmd, o.no_date, "map and out of the PDF");
  return cmd;
}

CLI::App* add_atlas(CLI::App& app, AtlasOptions& o) {
  auto* cmd = app.add_subcommand("atlas",
                                 "Render the Arnhem-Oost atlas: an overview and one page per "
                                 "programme wijk in one PDF with bookmarks");
  add_output_option(*cmd, o.output, "Output PDF");
  cmd->add_option(
      "--overview", o.overview,
      "Map definition of the overview page (default: examples/maps/arnhem_oost_overzicht.toml)");
  cmd->add_option(
      "--wijk-map", o.wijk_map,
      "Map definition drawn once per programme wijk (default: examples/maps/atlas_wijk.toml)");
  cmd->add_option("--png-dir", o.png_dir, "Also write one PNG per page into this directory");
  add_data_dir_option(*cmd, o.data_dir);
  add_cache_dir_option(*cmd, o.cache_dir);
  add_reading_store_option(*cmd, o.store);
  add_language_option(*cmd, o.language, "Map");
  add_no_date_flag(*cmd, o.no_date, "pages and out of the PDF");
  return cmd;
}

CLI::App* add_sheet(CLI::App& app, SheetOptions& o) {
  auto* cmd = app.add_subcommand("sheet",
                                 "Render a drawing sheet (tekenblad) to draw on with markers; "
                                 "records it in the project store");
  cmd->add_option("--area", o.area,
                  "Buurt, wijk or programme wijk (CBS code or name) the sheet shows");
  cmd->add_option("--centre", o.centre, "Centre of the sheet as x,y (in --crs)");
  cmd->add_option("--bbox", o.bbox, "Area to show as xmin,ymin,xmax,ymax (in --crs)");
  cmd->add_option("--crs", o.crs, "CRS of --centre and --bbox, e.g. EPSG:4326")
      ->capture_default_str();
  cmd->add_option(
      "--scale", o.scale,
      "Scale denominator, e.g. 2500 (default: 2500 around --centre, fitted to --area/--bbox)");
  cmd->add_option("--paper", o.paper, "A4, A3, A2, A1 or A0")->capture_default_str();
  cmd->add_option("--orientation", o.orientation, "landscape or portrait")->capture_default_str();
  cmd->add_option("--session", o.session, "Session name printed in the session box");
  cmd->add_option("--date", o.date,
                  "Date printed in the session box (default: a line to write it on)");
  add_store_option(*cmd, o.store);
  cmd->add_option("--basemap", o.basemap,
                  "OSM extract (.osm.pbf or GeoPackage) for the base map (default: the one in "
                  "the data directory)");
  add_area_options(*cmd, o.areas);
  add_cache_dir_option(*cmd, o.cache_dir);
  add_language_option(*cmd, o.language, "Sheet");
  add_output_option(*cmd, o.output, "Output: .pdf, .svg or .png");
  add_no_date_flag(*cmd, o.no_date, "PDF");
  cmd->add_option("--previous", o.previous,
                  "Round two: also show, in grey, this earlier session's spots with their "
                  "status (docs/round-two.md)");
  return cmd;
}

CLI::App* add_ingest(CLI::App& app, IngestOptions& o) {
  auto* cmd = app.add_subcommand("ingest",
                                 "Read drawn-on sheets (photos, scans) and digital drawings "
                                 "(GeoJSON, GeoPackage) into the project store");
  cmd->add_option("files", o.files,
                  "Photos (JPEG), scans (PNG, PDF) or drawings (GeoJSON, GeoPackage)")
      ->required();
  add_store_option(*cmd, o.store);
  cmd->add_option("--session", o.session,
                  "Session name (default: the one the sheet was printed for)");
  cmd->add_option("--sheet-id", o.sheet_id,
                  "The sheet id printed under the QR code, when the QR code cannot be read");
  cmd->add_flag(
      "--keep-photo", o.keep_photo,
      "Also keep the whole photo in the store (default: only the features and small crops)");
  return cmd;
}

CLI::App* add_overlap(CLI::App& app, OverlapCommandOptions& o) {
  auto* cmd = app.add_subcommand("overlap",
                                 "Sum up the residents' drawings of one category: where n of N "
                                 "sheets marked the same place (GeoPackage, map, table per buurt)");
  add_store_option(*cmd, o.store);
  cmd->add_option("--category", o.category, "probleem, fijne_plek, idee or alle")
      ->capture_default_str();
  add_output_option(*cmd, o.output,
                    "Output GeoPackage (layers overlap_vlakken or overlap_cellen, dichtheid, "
                    "per_buurt, per_programmawijk)");
  cmd->add_option(
      "--grid", o.grid_m,
      "Count on a grid of this cell size in metres instead of the exact map (default: automatic)");
  cmd->add_option("--density-cell", o.density_cell_m, "Cell size of the smoothed density in metres")
      ->capture_default_str();
  cmd->add_option("--density-sigma", o.density_sigma_m,
                  "Smoothing of the density in metres (0: no density layer)")
      ->capture_default_str();
  cmd->add_option("--map", o.map, "Also render a map: .pdf, .svg or .png");
  cmd->add_option("--paper", o.paper, "Paper of the map: A4..A0 (landscape)")
      ->capture_default_str();
  add_no_date_flag(*cmd, o.no_date, "map");
  add_cache_dir_option(*cmd, o.cache_dir);
  cmd->add_option("--per-buurt", o.per_buurt,
                  "Also write figures per buurt and programme wijk: this CSV and layers "
                  "per_buurt, per_programmawijk");
  cmd->add_option("--min-sheets", o.min_sheets,
                  "Small-number protection: figures from fewer sheets are suppressed")
      ->capture_default_str();
  add_area_options(*cmd, o.source);
  cmd->add_option("--threads", o.threads, "Worker threads (0 = all cores)");
  cmd->add_option("--session", o.session, "Only the drawings of this session");
  return cmd;
}

CLI::App* add_compare(CLI::App& app, CompareOptions& o) {
  auto* cmd = app.add_subcommand("compare",
                                 "Set what residents draw beside a CBS indicator per buurt: table "
                                 "with ranks and Spearman's rho, two-panel map");
  cmd->add_option("--indicator", o.indicator,
                  "CBS key figure or derived field, e.g. Bevolkingsdichtheid_34 or dichtheid")
      ->required();
  cmd->add_option("--indicators", o.indicators,
                  "Indicator table(s) keyed by CBS code (repeatable; default: CBS key figures in "
                  "the data directory)");
  add_store_option(*cmd, o.store);
  cmd->add_option("--category", o.category, "probleem, fijne_plek, idee or alle")
      ->capture_default_str();
  cmd->add_option("--measure", o.measure,
                  "Residents' measure: per_1000, bladen, procent or plekken")
      ->capture_default_str();
  add_output_option(*cmd, o.output, "Output table (CSV)");
  cmd->add_option("--map", o.map, "Also render the two-panel map: .pdf, .svg or .png");
  cmd->add_option("--min-sheets", o.min_sheets,
                  "Small-number protection: figures from fewer sheets are suppressed")
      ->capture_default_str();
  cmd->add_option("--highlight", o.highlight,
                  "Number of buurten with the largest rank difference to highlight")
      ->capture_default_str();
  add_no_date_flag(*cmd, o.no_date, "map");
  add_cache_dir_option(*cmd, o.cache_dir);
  add_area_options(*cmd, o.source);
  return cmd;
}

CLI::App* add_status(CLI::App& app, StatusOptions& o) {
  auto* cmd = app.add_subcommand("status",
                                 "Round two: list or set what was done with the spots and "
                                 "sketches of a session (nieuw, in behandeling, opgepakt, geen "
                                 "actie)");
  add_store_option(*cmd, o.store);
  cmd->add_option(
      "--session", o.session,
      "List this session's spots (made from its overlap on first use); without it: the sessions");
  cmd->add_flag("--sketches", o.sketches,
                "List the session's sketches (ids S17) instead of its spots");
  cmd->add_option("--set", o.set,
                  "Set a status: ID STATUS, e.g. --set blokgesprek-hommelstraat-P01 opgepakt")
      ->expected(2)
      ->type_name("ID STATUS");
  cmd->add_option("--note", o.note, "With --set: what was done (\"\" removes the note)");
  cmd->add_option(
      "--initiative", o.initiative,
      "With --set: link an initiative from the registry by id or name (\"\" removes the link)");
  cmd->add_option("--registry", o.registry,
                  "Initiative registry (default: examples/initiatieven_arnhem_oost.csv)");
  cmd->add_option("--by", o.by,
                  "Who writes: a role or a session name, never a resident's (default: $USER)");
  cmd->add_option("--based-on", o.based_on,
                  "With --set: the version of the spot or sketch the change is based on (as "
                  "listed); if it changed since, nothing is written (exit 5)");
  cmd->add_option("--min-n", o.min_n,
                  "When spots are made: a spot is where at least this many sheets marked the "
                  "same place (default 2)");
  cmd->add_flag("--remake-spots", o.remake,
                "Make the session's spots again (after more drawings came in); statuses go to "
                "the new spot that overlaps most");
  return cmd;
}

// `wijkatlas store init|log`: verbs of their own under one group.
CLI::App* add_store_group(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "store",
      "The project store: make one (init), what changed (log), load data (import), a copy to "
      "take along (copy) and its edits back (push)");
  cmd->require_subcommand(1);
  return cmd;
}

CLI::App* add_store_init(CLI::App& group, StoreInitOptions& o) {
  auto* cmd = group.add_subcommand(
      "init", "Make a new, empty project store (a GeoPackage file or a PostgreSQL schema)");
  add_store_option(*cmd, o.store);
  cmd->add_option("--project", o.project, "The project's name")->capture_default_str();
  return cmd;
}

CLI::App* add_store_log(CLI::App& group, StoreLogOptions& o) {
  auto* cmd =
      group.add_subcommand("log", "What changed since a session or a date, one line per change");
  cmd->add_option("--since", o.since,
                  "A session name (since the last moment recorded for it) or a date "
                  "(2026-12-01, UTC)")
      ->required();
  add_store_option(*cmd, o.store);
  return cmd;
}

CLI::App* add_store_copy(CLI::App& group, StoreCopyOptions& o) {
  auto* cmd = group.add_subcommand(
      "copy", "Copy a project (or one wijk of it) into a new store, e.g. a laptop's GeoPackage");
  cmd->add_option("--from", o.from, "The store to copy: a GeoPackage file or PG:...")->required();
  cmd->add_option("--to", o.to, "The new store (never over an existing one)")->required();
  cmd->add_option("--wijk", o.wijk,
                  "Only what touches this wijk (a programme wijk or CBS wijk, by name or code): "
                  "its sheets and drawings whole, its spots");
  add_area_options(*cmd, o.source);
  cmd->add_option("--by", o.by, "Who copies: a role or a session name (default: $USER)");
  return cmd;
}

CLI::App* add_store_push(CLI::App& group, StorePushOptions& o) {
  auto* cmd = group.add_subcommand(
      "push", "Bring a copy's edits back to its store, per row; conflicts are listed (exit 5)");
  cmd->add_option("laptop", o.laptop, "The copy (made by 'wijkatlas store copy')")->required();
  cmd->add_option("--to", o.to, "The store to bring the edits to")->required();
  cmd->add_option("--ours", o.ours,
                  "Rows in conflict (S17, a spot's id, or all) for which the copy's version wins")
      ->expected(1, -1);
  cmd->add_option("--theirs", o.theirs,
                  "Rows in conflict (S17, a spot's id, or all) for which the store's version "
                  "stays (and goes to the copy)")
      ->expected(1, -1);
  cmd->add_option("--by", o.by, "Who pushes: a role or a session name (default: $USER)");
  return cmd;
}

CLI::App* add_store_import(CLI::App& group, StoreImportOptions& o) {
  auto* cmd = group.add_subcommand(
      "import",
      "Load the data directory's areas and key figures, a registry and asset points into the "
      "store, so that a team shares one version of them");
  add_store_option(*cmd, o.store);
  add_data_dir_option(*cmd, o.data_dir);
  cmd->add_flag("--no-areas", o.no_areas,
                "Only the registry, assets and points named, not the areas and key figures");
  cmd->add_option("--indicators", o.indicators,
                  "Key-figure table(s) keyed by CBS code (repeatable; default: the CBS key "
                  "figures in the data directory)");
  cmd->add_option("--registry", o.registry, "An initiative registry (docs/registry.md)");
  cmd->add_option("--assets", o.assets,
                  "Asset point files, each stored as a layer named after its file");
  cmd->add_option("--points", o.points, "A point file, stored as the layer --layer-name");
  cmd->add_option("--layer-name", o.layer_name, "The layer name of --points");
  cmd->add_flag("--include-personal", o.include_personal,
                "Also store personal fields (contact_*, prive_*): only when the project is "
                "configured for them");
  cmd->add_option("--by", o.by,
                  "Who imports: a role or a session name, never a resident's (default: $USER)");
  return cmd;
}

CLI::App* add_serve(CLI::App& app, ServeOptions& o) {
  auto* cmd = app.add_subcommand(
      "serve", "The meeting viewer: the map in a browser, with layers, inspect and search");
  cmd->add_option("--store", o.store,
                  "Project store: a GeoPackage file (created when missing) or PG:... "
                  "active_schema=PROJECT")
      ->capture_default_str();
  cmd->add_option("--listen", o.listen,
                  "HOST:PORT to listen on; 127.0.0.1 keeps it to this machine, port 0 picks one")
      ->capture_default_str();
  add_data_dir_option(*cmd, o.data_dir);
  add_cache_dir_option(*cmd, o.cache_dir);
  cmd->add_option("--registry", o.registry,
                  "Initiative registry (default: examples/initiatieven_arnhem_oost.csv)");
  cmd->add_option("--web-dir", o.web_dir,
                  "The page and its bundle (default: web/ beside the program)");
  cmd->add_flag("--no-disk-tiles", o.no_disk_tiles,
                "Keep drawn tiles in memory only, not in the cache directory for the next run");
  return cmd;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
  CLI::App app{"wijkatlas: wijkkaarten en wijkanalyse voor het Nationaal Programma Arnhem-Oost",
               "wijkatlas"};
  app.footer(exit_code_help);
  app.require_subcommand(0, 1);
  CommandLine result;
  app.add_flag("-q,--quiet", result.quiet, "No progress or informational messages");
  bool version = false;
  app.add_flag("--version", version, "The version of wijkatlas and of the libraries it runs with");

  AllOptions o;
  // Each verb with the options struct it fills, in the order of `wijkatlas --help`.
  std::vector<std::pair<CLI::App*, std::function<Command()>>> verbs{
      {add_info(app, o.info), [&] { return Command{std::move(o.info)}; }},
      {add_areas(app, o.areas), [&] { return Command{std::move(o.areas)}; }},
      {add_join(app, o.join), [&] { return Command{std::move(o.join)}; }},
      {add_map(app, o.map), [&] { return Command{std::move(o.map)}; }},
      {add_atlas(app, o.atlas), [&] { return Command{std::move(o.atlas)}; }},
      {add_sheet(app, o.sheet), [&] { return Command{std::move(o.sheet)}; }},
      {add_ingest(app, o.ingest), [&] { return Command{std::move(o.ingest)}; }},
      {add_overlap(app, o.overlap), [&] { return Command{std::move(o.overlap)}; }},
      {add_compare(app, o.compare), [&] { return Command{std::move(o.compare)}; }},
      {add_status(app, o.status), [&] { return Command{std::move(o.status)}; }},
      {add_serve(app, o.serve), [&] { return Command{std::move(o.serve)}; }},
  };
  CLI::App* store_group = add_store_group(app);
  verbs.push_back({add_store_init(*store_group, o.store_init),
                   [&] { return Command{std::move(o.store_init)}; }});
  verbs.push_back(
      {add_store_log(*store_group, o.store_log), [&] { return Command{std::move(o.store_log)}; }});
  verbs.push_back({add_store_copy(*store_group, o.store_copy),
                   [&] { return Command{std::move(o.store_copy)}; }});
  verbs.push_back({add_store_push(*store_group, o.store_push),
                   [&] { return Command{std::move(o.store_push)}; }});
  verbs.push_back({add_store_import(*store_group, o.store_import),
                   [&] { return Command{std::move(o.store_import)}; }});
  // -q works before and after the verb, as in osmium and GDAL.
  for (const auto& verb : verbs)
    if (verb.first->get_name() != "info")
      verb.first->add_flag("-q,--quiet", result.quiet, "No progress or informational messages");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    if (e.get_exit_code() == 0) {
      // --help (top level or on a verb): CLI11 formats the right page.
      app.exit(e, out, err);
      result.action = CommandLine::Action::show_help;
      result.text = out.str();
    } else {
      result.action = CommandLine::Action::wrong_usage;
      result.text = e.what();
    }
    return result;
  }
  if (version) {
    result.action = CommandLine::Action::show_version;
    return result;
  }
  for (const auto& [cmd, take] : verbs)
    if (*cmd) {
      result.action = CommandLine::Action::run;
      result.command = take();
      return result;
    }
  result.action = CommandLine::Action::wrong_usage;
  result.text = "a subcommand is required";
  return result;
}

}  // namespace wijkatlas::app
