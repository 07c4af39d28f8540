#include "light_verbs.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <variant>

#include "verbs.hpp"

namespace wijkatlas::app {
namespace {

bool is_light(const Command& command) {
  return std::holds_alternative<JoinOptions>(command) ||
         std::holds_alternative<AreasOptions>(command) ||
         std::holds_alternative<InfoOptions>(command);
}

void run_light_verb(const Command& command, const VerbStreams& s) {
  if (const auto* join = std::get_if<JoinOptions>(&command)) {
    run_join(*join, s.reporter, s.summary_out);
  } else if (const auto* areas = std::get_if<AreasOptions>(&command)) {
    run_areas(*areas, s.reporter);
  } else if (const auto* info = std::get_if<InfoOptions>(&command)) {
    run_info(*info, s.out);
  }
}

void no_versions_here(std::ostream&) {}  // runs_in_full_program sends --version there

}  // namespace

bool runs_in_full_program(const CommandLine& command_line) {
  switch (command_line.action) {
    case CommandLine::Action::show_version:
      return true;
    case CommandLine::Action::run:
      return !is_light(*command_line.command);
    case CommandLine::Action::show_help:
    case CommandLine::Action::wrong_usage:
      return false;  // the same parser here: the same help and the same messages
  }
  return true;
}

int hand_over_to_full_program(char* const* argv, std::ostream& err) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path full = self.parent_path() / "wijkatlas-full";
  if (!ec) ::execv(full.c_str(), argv);
  const std::string why = ec ? ec.message() : std::strerror(errno);
  err << "wijkatlas: internal error: cannot start " << full.string()
      << ", the program with this command (built and installed beside wijkatlas): " << why << "\n";
  return exit_internal;
}

int run_light_command(const CommandLine& command_line, std::ostream& out, std::ostream& err) {
  return run_parsed_command(command_line, out, err, Verbs{run_light_verb, no_versions_here});
}

}  // namespace wijkatlas::app
