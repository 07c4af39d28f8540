#include "shared_options.hpp"

namespace wijkatlas::app {

void add_data_dir_option(CLI::App& cmd, std::string& data_dir) {
  cmd.add_option("--data-dir", data_dir,
                 "Data directory (default: $WIJKATLAS_DATA_DIR, then ../shared/datasets)");
}

void add_cache_dir_option(CLI::App& cmd, std::string& cache_dir) {
  cmd.add_option("--cache-dir", cache_dir,
                 "Where prepared base maps are kept (default: $XDG_CACHE_HOME/wijkatlas, else "
                 "~/.cache/wijkatlas)");
}

void add_area_options(CLI::App& cmd, project::AreaSource& source) {
  add_data_dir_option(cmd, source.data_dir);
  cmd.add_option("--areas", source.areas,
                 "Buurten dataset (default: the CBS wijk- en buurtkaart in the data directory)");
  cmd.add_option("--areas-layer", source.areas_layer, "Layer with the buurten")
      ->capture_default_str();
  cmd.add_option("--where", source.where,
                 "Attribute filter on the buurten, e.g. \"gemeentecode = 'GM0202'\"");
  cmd.add_option("--programme", source.programme,
                 "Programme definition (default: datasets/npao_programma.toml; 'none' for no "
                 "programme level)");
  cmd.add_option("--levels", source.levels, "Levels to build: buurt,wijk,programma,gemeente")
      ->capture_default_str();
}

void add_store_option(CLI::App& cmd, std::string& store) {
  cmd.add_option("--store", store,
                 "Project store: a GeoPackage file or PG:... active_schema=PROJECT")
      ->capture_default_str();
}

void add_reading_store_option(CLI::App& cmd, std::string& store) {
  cmd.add_option("--store", store,
                 "Project store (GeoPackage file or PG:... active_schema=PROJECT) whose imported "
                 "areas, key figures and initiatives are used instead of the files (wijkatlas "
                 "store import)");
}

void add_language_option(CLI::App& cmd, std::string& language, const std::string& what) {
  cmd.add_option("--language", language, what + " text: nl (default) or en");
}

void add_no_date_flag(CLI::App& cmd, bool& no_date, const std::string& what) {
  cmd.add_flag("--no-date", no_date, "Leave the date off the " + what + " (reproducible output)");
}

void add_output_option(CLI::App& cmd, std::string& output, const std::string& what) {
  cmd.add_option("-o,--output", output, what)->capture_default_str();
}

}  // namespace wijkatlas::app
