// Running a parsed command line: the mapping of exceptions to messages, hints and exit codes.
#include <unistd.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <variant>

#include "terminal_reporter.hpp"
#include "wijkatlas/app/command_line.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/versions.hpp"
#include "wijkatlas/store/error.hpp"

namespace wijkatlas::app {
namespace {

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

// One verb's run, with the reporter and the stream its summary goes to.
struct RunVerb {
  std::ostream& out;
  TerminalReporter& reporter;
  std::ostream& summary_out;

  void operator()(const InfoOptions& o) const { run_info(o, out); }
  void operator()(const AreasOptions& o) const { run_areas(o, reporter); }
  void operator()(const JoinOptions& o) const { run_join(o, reporter, summary_out); }
  void operator()(const MapOptions& o) const { run_map(o, reporter, summary_out); }
  void operator()(const AtlasOptions& o) const { run_atlas(o, reporter, summary_out); }
  void operator()(const SheetOptions& o) const { run_sheet(o, reporter, summary_out); }
  void operator()(const IngestOptions& o) const { run_ingest(o, reporter, summary_out); }
  void operator()(const OverlapCommandOptions& o) const { run_overlap(o, reporter, summary_out); }
  void operator()(const CompareOptions& o) const { run_compare(o, reporter, summary_out); }
  void operator()(const StatusOptions& o) const { run_status(o, reporter, summary_out); }
  void operator()(const StoreInitOptions& o) const { run_store_init(o, summary_out); }
  void operator()(const StoreLogOptions& o) const { run_store_log(o, out); }
  void operator()(const StoreCopyOptions& o) const { run_store_copy(o, reporter, summary_out); }
  // Conflicts go to stdout even with -q: the person has to decide them.
  void operator()(const StorePushOptions& o) const { run_store_push(o, summary_out, out); }
  void operator()(const StoreImportOptions& o) const { run_store_import(o, reporter, summary_out); }
  // The address it listens on goes to stdout even with -q: whoever started it needs it.
  void operator()(const ServeOptions& o) const { run_serve(o, reporter, out); }
};

}  // namespace

int run_command_line(const CommandLine& command_line, std::ostream& out, std::ostream& err) {
  switch (command_line.action) {
    case CommandLine::Action::show_help:
      out << command_line.text;
      return exit_ok;
    case CommandLine::Action::show_version:
      out << "wijkatlas " << project::wijkatlas_version() << "\n";
      for (const auto& [library, v] : project::library_versions())
        out << "  " << library << " " << v << "\n";
      return exit_ok;
    case CommandLine::Action::wrong_usage:
      err << "wijkatlas: " << command_line.text << "\n"
          << "Run 'wijkatlas --help' for the options.\n";
      return exit_usage;
    case CommandLine::Action::run:
      break;
  }
  const bool quiet = command_line.quiet;
  TerminalReporter reporter(err, quiet, ::isatty(STDERR_FILENO) == 1);
  std::ostringstream discard;
  std::ostream& summary_out = quiet ? discard : out;
  try {
    std::visit(RunVerb{out, reporter, summary_out}, *command_line.command);
    return exit_ok;
  } catch (const store::store_data_error& e) {
    err << "wijkatlas: error: " << worded(e) << store_hint(e) << "\n";
    return e.kind() == store::ErrorKind::conflict ? exit_conflict : exit_input;
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

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return run_command_line(parse_command_line(argc, argv), out, err);
}

}  // namespace wijkatlas::app
