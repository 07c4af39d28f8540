#include "light_verbs.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "beside_program.hpp"
#include "verbs.hpp"

namespace wijkatlas::app {
namespace {

template <typename Verb>
constexpr bool runs_here = std::is_invocable_v<const RunLightVerb&, const Verb&>;

bool is_light(const Command& command) {
  return std::visit([](const auto& verb) { return runs_here<std::decay_t<decltype(verb)>>; },
                    command);
}

void run_light_verb(const Command& command, const VerbStreams& s) {
  std::visit(
      [&s](const auto& verb) {
        if constexpr (runs_here<std::decay_t<decltype(verb)>>) {
          RunLightVerb{s}(verb);
        } else {
          throw std::logic_error("this command runs in wijkatlas-full");  // runs_in_full_program
        }
      },
      command);
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
  const std::filesystem::path full = beside_program("wijkatlas-full");
  ::execv(full.c_str(), argv);
  const std::string why = std::strerror(errno);
  err << "wijkatlas: internal error: cannot start " << full.string()
      << ", the program with this command (built and installed beside wijkatlas): " << why << "\n";
  return exit_internal;
}

int run_light_command(const CommandLine& command_line, std::ostream& out, std::ostream& err) {
  return run_parsed_command(command_line, out, err, Verbs{run_light_verb, no_versions_here});
}

}  // namespace wijkatlas::app
