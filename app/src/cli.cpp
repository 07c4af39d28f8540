// Running a parsed command line: the mapping of exceptions to messages, hints and exit codes.
// Which verbs can run is the program's choice (verbs.hpp): this file names none of them.
#include <unistd.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "terminal_reporter.hpp"
#include "verbs.hpp"
#include "wijkatlas/app/command_line.hpp"
#include "wijkatlas/geo/error.hpp"
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

}  // namespace

int run_parsed_command(const CommandLine& command_line, std::ostream& out, std::ostream& err,
                       const Verbs& verbs) {
  switch (command_line.action) {
    case CommandLine::Action::show_help:
      out << command_line.text;
      return exit_ok;
    case CommandLine::Action::show_version:
      verbs.print_versions(out);
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
    verbs.run(*command_line.command, VerbStreams{out, reporter, summary_out});
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

}  // namespace wijkatlas::app
