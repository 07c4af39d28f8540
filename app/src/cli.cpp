// Command-line parsing (CLI11) and the mapping of exceptions to messages and exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "terminal_reporter.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/versions.hpp"
#include "wijkatlas/store/error.hpp"

namespace wijkatlas::app {
namespace {

constexpr const char* exit_code_help =
    "Exit codes: 0 success, 1 internal error, 2 wrong options, 3 input missing or wrong "
    "(file, CRS, data), 4 output could not be written.";

// The flag a request field is given with on this command line: "min_sheets" -> "--min-sheets".
std::string flag_for(const std::string& field) {
  static const std::map<std::string, std::string> differently_named{
      {"output", "-o"},
      {"assign_crs", "--s-srs"},
      {"points_srs", "--s-srs"},
      {"grid_m", "--grid"},
      {"density_cell_m", "--density-cell"},
      {"density_sigma_m", "--density-sigma"}};
  if (const auto it = differently_named.find(field); it != differently_named.end())
    return it->second;
  std::string flag = "--" + field;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

// A library message in command-line terms: the field it is about as a flag before it, a fix
// as a flag to add after it.
std::string worded(const wijkatlas::error& e) {
  std::string text = e.field().empty() ? e.what() : flag_for(e.field()) + ": " + e.what();
  if (const auto& fix = e.suggestion())
    text += " (add " + flag_for(fix->field) + " " + fix->value + ")";
  return text;
}

void add_area_options(CLI::App& cmd, project::AreaSource& o) {
  cmd.add_option("--data-dir", o.data_dir,
                 "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
  cmd.add_option("--areas", o.areas,
                 "Buurten dataset (default: the CBS wijk- en buurtkaart in the data directory)");
  cmd.add_option("--areas-layer", o.areas_layer, "Layer with the buurten")->capture_default_str();
  cmd.add_option("--where", o.where,
                 "Attribute filter on the buurten, e.g. \"gemeentecode = 'GM0202'\"");
  cmd.add_option("--programme", o.programme,
                 "Programme definition (default: datasets/npao_programma.toml; 'none' for no "
                 "programme level)");
  cmd.add_option("--levels", o.levels, "Levels to build: buurt,wijk,programma,gemeente")
      ->capture_default_str();
}

// What to do on the command line, after the store's own message (which names no option).
std::string store_hint(const std::exception& e) {
  const auto* s = dynamic_cast<const store::store_error*>(&e);
  if (s == nullptr) return "";
  switch (s->kind()) {
    case store::ErrorKind::not_found:
      return ": print sheets with 'wijkatlas sheet' or read drawings in with 'wijkatlas ingest "
             "--store " +
             s->location() + "' first";
    case store::ErrorKind::not_a_store:
    case store::ErrorKind::bad_location:
      return ": choose another --store or a new file name";
    case store::ErrorKind::foreign_project:
      return " (--store)";
    default:
      return "";
  }
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"wijkatlas: wijkkaarten en wijkanalyse voor het Nationaal Programma Arnhem-Oost",
               "wijkatlas"};
  app.footer(exit_code_help);
  app.require_subcommand(0, 1);
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress or informational messages");
  bool version = false;
  app.add_flag("--version", version, "The version of wijkatlas and of the libraries it runs with");

  InfoOptions info;
  auto* info_cmd =
      app.add_subcommand("info", "Layers, CRS, extent and feature counts of a dataset");
  info_cmd->add_option("dataset", info.path, "Any vector dataset GDAL reads")->required();

  AreasOptions areas;
  auto* areas_cmd = app.add_subcommand(
      "areas", "Build the hierarchy buurt > wijk > programmawijk > gemeente and write it");
  add_area_options(*areas_cmd, areas.source);
  areas_cmd->add_option("-o,--output", areas.output, "Output GeoPackage")->capture_default_str();

  JoinOptions join;
  auto* join_cmd = app.add_subcommand(
      "join", "Join points and indicators to the areas; write per-area layers and a CSV");
  add_area_options(*join_cmd, join.source);
  join_cmd->add_option(
      "--points", join.points,
      "Points: initiatives, assets (default: examples/initiatieven_arnhem_oost.csv)");
  join_cmd->add_option("--points-layer", join.points_layer, "Layer of the points dataset");
  join_cmd->add_option("--s-srs", join.points_srs,
                       "CRS of the points when the file names none, e.g. EPSG:4326");
  join_cmd->add_option("--indicators", join.indicators,
                       "Indicator table(s) keyed by CBS code (repeatable; default: CBS key figures "
                       "in the data directory)");
  join_cmd->add_flag("--no-indicators", join.no_indicators, "Join no indicator tables");
  join_cmd->add_option("--theme-field", join.theme_field, "Count points per value of this field")
      ->capture_default_str();
  join_cmd->add_option("--value-field", join.value_field,
                       "Sum and mean of this numeric field per area");
  join_cmd->add_option("-o,--output", join.output, "Output GeoPackage")->capture_default_str();
  join_cmd->add_option("--csv", join.csv, "Output table (default: the output name with .csv)");
  join_cmd->add_flag("--include-personal", join.include_personal,
                     "Also write personal fields (contact_*, prive_*)");
  const std::map<std::string, JoinedPoints> joined_points_modes{{"auto", JoinedPoints::automatic},
                                                                {"always", JoinedPoints::always},
                                                                {"never", JoinedPoints::never}};
  join_cmd
      ->add_option("--joined-points", join.joined_points,
                   "Write the layer 'punten' (every point with its area codes): auto (up to " +
                       std::to_string(join.joined_points_limit) + " points), always or never")
      ->transform(CLI::CheckedTransformer(joined_points_modes, CLI::ignore_case))
      ->default_str("auto");
  join_cmd->add_option("--threads", join.threads, "Worker threads for the join (0 = all cores)");

  MapOptions map;
  auto* map_cmd =
      app.add_subcommand("map", "Render a map definition (TOML, docs/maps.md) to PDF, SVG or PNG");
  map_cmd
      ->add_option("definition", map.definition,
                   "Map definition, e.g. examples/maps/arnhem_oost_overzicht.toml")
      ->required();
  map_cmd->add_option("-o,--output", map.output, "Output: .pdf, .svg or .png")
      ->capture_default_str();
  map_cmd->add_option("--data-dir", map.data_dir,
                      "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
  map_cmd->add_option("--cache-dir", map.cache_dir,
                      "Where prepared base maps are kept (default: $XDG_CACHE_HOME/wijkatlas, else "
                      "~/.cache/wijkatlas)");
  map_cmd->add_option("--paper", map.paper,
                      "Paper size, overriding the definition: A4, A3, A2, A1, A0");
  map_cmd->add_option("--orientation", map.orientation,
                      "portrait or landscape, overriding the definition");
  map_cmd->add_option("--dpi", map.dpi,
                      "Resolution of a PNG (default: the definition's, else 300)");
  map_cmd->add_option("--language", map.language, "Map text: nl (default) or en");
  map_cmd->add_flag("--no-date", map.no_date,
                    "Leave the date off the map and out of the PDF (reproducible output)");

  AtlasOptions atlas;
  auto* atlas_cmd = app.add_subcommand("atlas",
                                       "Render the Arnhem-Oost atlas: an overview and one page per "
                                       "programme wijk in one PDF with bookmarks");
  atlas_cmd->add_option("-o,--output", atlas.output, "Output PDF")->capture_default_str();
  atlas_cmd->add_option(
      "--overview", atlas.overview,
      "Map definition of the overview page (default: examples/maps/arnhem_oost_overzicht.toml)");
  atlas_cmd->add_option(
      "--wijk-map", atlas.wijk_map,
      "Map definition drawn once per programme wijk (default: examples/maps/atlas_wijk.toml)");
  atlas_cmd->add_option("--png-dir", atlas.png_dir,
                        "Also write one PNG per page into this directory");
  atlas_cmd->add_option("--data-dir", atlas.data_dir,
                        "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
  atlas_cmd->add_option("--cache-dir", atlas.cache_dir,
                        "Where prepared base maps are kept (default: $XDG_CACHE_HOME/wijkatlas, "
                        "else ~/.cache/wijkatlas)");
  atlas_cmd->add_option("--language", atlas.language, "Map text: nl (default) or en");
  atlas_cmd->add_flag("--no-date", atlas.no_date,
                      "Leave the date off the pages and out of the PDF (reproducible output)");

  SheetOptions sheet;
  auto* sheet_cmd = app.add_subcommand("sheet",
                                       "Render a drawing sheet (tekenblad) to draw on with "
                                       "markers; records it in the project store");
  sheet_cmd->add_option("--area", sheet.area,
                        "Buurt, wijk or programme wijk (CBS code or name) the sheet shows");
  sheet_cmd->add_option("--centre", sheet.centre, "Centre of the sheet as x,y (in --crs)");
  sheet_cmd->add_option("--bbox", sheet.bbox, "Area to show as xmin,ymin,xmax,ymax (in --crs)");
  sheet_cmd->add_option("--crs", sheet.crs, "CRS of --centre and --bbox, e.g. EPSG:4326")
      ->capture_default_str();
  sheet_cmd->add_option(
      "--scale", sheet.scale,
      "Scale denominator, e.g. 2500 (default: 2500 around --centre, fitted to --area/--bbox)");
  sheet_cmd->add_option("--paper", sheet.paper, "A4, A3, A2, A1 or A0")->capture_default_str();
  sheet_cmd->add_option("--orientation", sheet.orientation, "landscape or portrait")
      ->capture_default_str();
  sheet_cmd->add_option("--session", sheet.session, "Session name printed in the session box");
  sheet_cmd->add_option("--date", sheet.date,
                        "Date printed in the session box (default: a line to write it on)");
  sheet_cmd
      ->add_option("--store", sheet.store,
                   "Project store the sheet is recorded in: a GeoPackage file or PG:... "
                   "active_schema=PROJECT")
      ->capture_default_str();
  sheet_cmd->add_option("--basemap", sheet.basemap,
                        "OSM extract (.osm.pbf or GeoPackage) for the base map (default: the one "
                        "in the data directory)");
  sheet_cmd->add_option("--data-dir", sheet.data_dir,
                        "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
  sheet_cmd->add_option("--cache-dir", sheet.cache_dir,
                        "Where prepared base maps are kept (default: $XDG_CACHE_HOME/wijkatlas, "
                        "else ~/.cache/wijkatlas)");
  sheet_cmd->add_option("--language", sheet.language, "Sheet text: nl (default) or en");
  sheet_cmd->add_option("-o,--output", sheet.output, "Output: .pdf, .svg or .png")
      ->capture_default_str();
  sheet_cmd->add_flag("--no-date", sheet.no_date,
                      "No creation date in the PDF (reproducible output)");
  sheet_cmd->add_option("--previous", sheet.previous,
                        "Round two: also show, in grey, this earlier session's spots with their "
                        "status (docs/round-two.md)");

  IngestOptions ingest;
  auto* ingest_cmd = app.add_subcommand("ingest",
                                        "Read drawn-on sheets (photos, scans) and digital drawings "
                                        "(GeoJSON, GeoPackage) into the project store");
  ingest_cmd
      ->add_option("files", ingest.files,
                   "Photos (JPEG), scans (PNG, PDF) or drawings (GeoJSON, GeoPackage)")
      ->required();
  ingest_cmd
      ->add_option("--store", ingest.store,
                   "Project store: a GeoPackage file or PG:... active_schema=PROJECT")
      ->capture_default_str();
  ingest_cmd->add_option("--session", ingest.session,
                         "Session name (default: the one the sheet was printed for)");
  ingest_cmd->add_option("--sheet-id", ingest.sheet_id,
                         "The sheet id printed under the QR code, when the QR code cannot be read");
  ingest_cmd->add_flag(
      "--keep-photo", ingest.keep_photo,
      "Also keep the whole photo in the store (default: only the features and small crops)");

  OverlapCommandOptions overlap;
  auto* overlap_cmd =
      app.add_subcommand("overlap",
                         "Sum up the residents' drawings of one category: where n of N sheets "
                         "marked the same place (GeoPackage, map, table per buurt)");
  overlap_cmd
      ->add_option(
          "--store", overlap.store,
          "Project store with the sketches: a GeoPackage file or PG:... active_schema=PROJECT")
      ->capture_default_str();
  overlap_cmd->add_option("--category", overlap.category, "probleem, fijne_plek, idee or alle")
      ->capture_default_str();
  overlap_cmd
      ->add_option("-o,--output", overlap.output,
                   "Output GeoPackage (layers overlap_vlakken or overlap_cellen, dichtheid, "
                   "per_buurt, per_programmawijk)")
      ->capture_default_str();
  overlap_cmd->add_option(
      "--grid", overlap.grid_m,
      "Count on a grid of this cell size in metres instead of the exact map (default: automatic)");
  overlap_cmd
      ->add_option("--density-cell", overlap.density_cell_m,
                   "Cell size of the smoothed density in metres")
      ->capture_default_str();
  overlap_cmd
      ->add_option("--density-sigma", overlap.density_sigma_m,
                   "Smoothing of the density in metres (0: no density layer)")
      ->capture_default_str();
  overlap_cmd->add_option("--map", overlap.map, "Also render a map: .pdf, .svg or .png");
  overlap_cmd->add_option("--paper", overlap.paper, "Paper of the map: A4..A0 (landscape)")
      ->capture_default_str();
  overlap_cmd->add_flag("--no-date", overlap.no_date,
                        "Leave the date off the map (reproducible output)");
  overlap_cmd->add_option("--per-buurt", overlap.per_buurt,
                          "Also write figures per buurt and programme wijk: this CSV and layers "
                          "per_buurt, per_programmawijk");
  overlap_cmd
      ->add_option("--min-sheets", overlap.min_sheets,
                   "Small-number protection: figures from fewer sheets are suppressed")
      ->capture_default_str();
  add_area_options(*overlap_cmd, overlap.source);
  overlap_cmd->add_option("--threads", overlap.threads, "Worker threads (0 = all cores)");
  overlap_cmd->add_option("--session", overlap.session, "Only the drawings of this session");

  CompareOptions compare;
  auto* compare_cmd =
      app.add_subcommand("compare",
                         "Set what residents draw beside a CBS indicator per buurt: table with "
                         "ranks and Spearman's rho, two-panel map");
  compare_cmd
      ->add_option("--indicator", compare.indicator,
                   "CBS key figure or derived field, e.g. Bevolkingsdichtheid_34 or dichtheid")
      ->required();
  compare_cmd->add_option("--indicators", compare.indicators,
                          "Indicator table(s) keyed by CBS code (repeatable; default: CBS key "
                          "figures in the data directory)");
  compare_cmd
      ->add_option(
          "--store", compare.store,
          "Project store with the sketches: a GeoPackage file or PG:... active_schema=PROJECT")
      ->capture_default_str();
  compare_cmd->add_option("--category", compare.category, "probleem, fijne_plek, idee or alle")
      ->capture_default_str();
  compare_cmd
      ->add_option("--measure", compare.measure,
                   "Residents' measure: per_1000, bladen, procent or plekken")
      ->capture_default_str();
  compare_cmd->add_option("-o,--output", compare.output, "Output table (CSV)")
      ->capture_default_str();
  compare_cmd->add_option("--map", compare.map,
                          "Also render the two-panel map: .pdf, .svg or .png");
  compare_cmd
      ->add_option("--min-sheets", compare.min_sheets,
                   "Small-number protection: figures from fewer sheets are suppressed")
      ->capture_default_str();
  compare_cmd
      ->add_option("--highlight", compare.highlight,
                   "Number of buurten with the largest rank difference to highlight")
      ->capture_default_str();
  compare_cmd->add_flag("--no-date", compare.no_date,
                        "Leave the date off the map (reproducible output)");
  add_area_options(*compare_cmd, compare.source);

  StatusOptions status;
  auto* status_cmd =
      app.add_subcommand("status",
                         "Round two: list or set what was done with the spots and sketches of a "
                         "session (nieuw, in behandeling, opgepakt, geen actie)");
  status_cmd
      ->add_option("--store", status.store,
                   "Project store: a GeoPackage file or PG:... active_schema=PROJECT")
      ->capture_default_str();
  status_cmd->add_option(
      "--session", status.session,
      "List this session's spots (made from its overlap on first use); without it: the sessions");
  status_cmd->add_flag("--sketches", status.sketches,
                       "List the session's sketches (ids S17) instead of its spots");
  status_cmd
      ->add_option("--set", status.set,
                   "Set a status: ID STATUS, e.g. --set blokgesprek-hommelstraat-P01 opgepakt")
      ->expected(2)
      ->type_name("ID STATUS");
  status_cmd->add_option("--note", status.note,
                         "With --set: what was done (\"\" removes the note)");
  status_cmd->add_option(
      "--initiative", status.initiative,
      "With --set: link an initiative from the registry by id or name (\"\" removes the link)");
  status_cmd->add_option("--registry", status.registry,
                         "Initiative registry (default: examples/initiatieven_arnhem_oost.csv)");
  status_cmd->add_option("--by", status.by, "With --set: who sets it (default: $USER)");
  status_cmd->add_option("--min-n", status.min_n,
                         "When spots are made: a spot is where at least this many sheets marked "
                         "the same place (default 2)");
  status_cmd->add_flag("--remake-spots", status.remake,
                       "Make the session's spots again (after more drawings came in); statuses go "
                       "to the new spot that overlaps most");

  ServeOptions serve;
  auto* serve_cmd = app.add_subcommand(
      "serve", "The meeting viewer: the map in a browser, with layers, inspect and search");
  serve_cmd
      ->add_option("--store", serve.store,
                   "Project store: a GeoPackage file (created when missing) or PG:... "
                   "active_schema=PROJECT")
      ->capture_default_str();
  serve_cmd
      ->add_option("--listen", serve.listen,
                   "HOST:PORT to listen on; 127.0.0.1 keeps it to this machine, port 0 picks one")
      ->capture_default_str();
  serve_cmd->add_option("--data-dir", serve.data_dir,
                        "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
  serve_cmd->add_option("--cache-dir", serve.cache_dir,
                        "Where prepared base maps are kept (default: $XDG_CACHE_HOME/wijkatlas)");
  serve_cmd->add_option("--registry", serve.registry,
                        "Initiative registry (default: examples/initiatieven_arnhem_oost.csv)");
  serve_cmd->add_option("--web-dir", serve.web_dir,
                        "The page and its bundle (default: web/ beside the program)");

  // -q works before and after the subcommand, as in osmium and GDAL.
  for (auto* cmd : {areas_cmd, join_cmd, map_cmd, atlas_cmd, sheet_cmd, ingest_cmd, overlap_cmd,
                    compare_cmd, status_cmd, serve_cmd})
    cmd->add_flag("-q,--quiet", quiet, "No progress or informational messages");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      // --help (top level or on a subcommand): CLI11 formats the right page.
      app.exit(e, out, err);
      return exit_ok;
    }
    err << "wijkatlas: " << e.what() << "\n"
        << "Run 'wijkatlas --help' for the options.\n";
    return exit_usage;
  }

  if (version) {
    out << "wijkatlas " << project::wijkatlas_version() << "\n";
    for (const auto& [library, v] : project::library_versions())
      out << "  " << library << " " << v << "\n";
    return exit_ok;
  }
  if (app.get_subcommands().empty()) {
    err << "wijkatlas: a subcommand is required\nRun 'wijkatlas --help' for the options.\n";
    return exit_usage;
  }
  TerminalReporter reporter(err, quiet, ::isatty(STDERR_FILENO) == 1);
  std::ostringstream discard;
  std::ostream& summary_out = quiet ? discard : out;
  try {
    if (*info_cmd)
      run_info(info, out);
    else if (*areas_cmd)
      run_areas(areas, reporter);
    else if (*join_cmd)
      run_join(join, reporter, summary_out);
    else if (*map_cmd)
      run_map(map, reporter, summary_out);
    else if (*atlas_cmd)
      run_atlas(atlas, reporter, summary_out);
    else if (*sheet_cmd)
      run_sheet(sheet, reporter, summary_out);
    else if (*ingest_cmd)
      run_ingest(ingest, reporter, summary_out);
    else if (*overlap_cmd)
      run_overlap(overlap, reporter, summary_out);
    else if (*compare_cmd)
      run_compare(compare, reporter, summary_out);
    else if (*status_cmd)
      run_status(status, reporter, summary_out);
    else if (*serve_cmd)
      run_serve(serve, reporter, out);
    return exit_ok;
  } catch (const usage_error& e) {
    err << "wijkatlas: " << worded(e) << store_hint(e) << "\n";
    return exit_usage;
  } catch (const output_error& e) {
    err << "wijkatlas: error: " << worded(e) << store_hint(e) << "\n";
    return exit_output;
  } catch (const error& e) {
    err << "wijkatlas: error: " << worded(e) << store_hint(e) << "\n";
    return exit_input;
  } catch (const std::exception& e) {
    err << "wijkatlas: internal error: " << e.what() << "\n";
    return exit_internal;
  }
}

}  // namespace wijkatlas::app
