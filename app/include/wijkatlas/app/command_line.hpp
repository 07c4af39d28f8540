#pragma once
// The command line in two steps, so that each can be tested alone: parse_command_line turns the
// arguments into one verb's options (nothing runs, nothing is read), run_command_line runs it
// and maps what it throws to a message and an exit code. run_cli does both.
#include <optional>
#include <ostream>
#include <string>
#include <variant>

#include "wijkatlas/app/commands.hpp"

namespace wijkatlas::app {

// The options of the one verb given.
using Command = std::variant<InfoOptions, AreasOptions, JoinOptions, MapOptions, AtlasOptions,
                             SheetOptions, IngestOptions, OverlapCommandOptions, CompareOptions,
                             StatusOptions, StoreInitOptions, StoreLogOptions, ServeOptions,
                             StoreCopyOptions, StorePushOptions, StoreImportOptions>;

struct CommandLine {
  enum class Action {
    run,           // run `command`
    show_help,     // print `text` (the help page asked for) and exit 0
    show_version,  // print the versions and exit 0
    wrong_usage,   // print `text` (what is wrong) and exit 2
  };
  Action action = Action::wrong_usage;
  std::optional<Command> command;
  bool quiet = false;
  std::string text;
};

// Never throws for anything the user typed: a wrong command line is Action::wrong_usage.
CommandLine parse_command_line(int argc, const char* const* argv);

// Runs the parsed command; returns the exit code (ExitCode). Never calls exit().
int run_command_line(const CommandLine& command_line, std::ostream& out, std::ostream& err);

// Parses and runs; returns the exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace wijkatlas::app
