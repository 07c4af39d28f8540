#pragma once
// Option groups that several verbs share, so that the same option reads and behaves the same on
// every verb that has it.
#include <CLI/CLI.hpp>
#include <string>

#include "wijkatlas/project/area_source.hpp"

namespace wijkatlas::app {

void add_data_dir_option(CLI::App& cmd, std::string& data_dir);
void add_cache_dir_option(CLI::App& cmd, std::string& cache_dir);
// --data-dir and where the buurten come from: every verb that reads areas.
void add_area_options(CLI::App& cmd, project::AreaSource& source);
// --store: every verb that reads or writes the project store.
void add_store_option(CLI::App& cmd, std::string& store);
// --store on verbs that read files by default: the store's imported areas, figures, initiatives.
void add_reading_store_option(CLI::App& cmd, std::string& store);
void add_language_option(CLI::App& cmd, std::string& language, const std::string& what);
void add_no_date_flag(CLI::App& cmd, bool& no_date, const std::string& what);
// -o/--output with its default shown.
void add_output_option(CLI::App& cmd, std::string& output, const std::string& what);

}  // namespace wijkatlas::app
