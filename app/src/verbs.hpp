#pragma once
// The verbs a program can run, given to run_parsed_command. `wijkatlas-full` runs every verb
// (all_verbs.cpp); `wijkatlas` runs the few that need neither the renderer nor the photo reader
// itself and hands the others over (light_verbs.cpp), so that it loads only their libraries.
#include <ostream>

#include "terminal_reporter.hpp"
#include "wijkatlas/app/command_line.hpp"

namespace wijkatlas::app {

// Where a verb writes: `out` for what is asked for, `reporter` for warnings and progress,
// `summary_out` for the closing summary (nothing with -q).
struct VerbStreams {
  std::ostream& out;
  TerminalReporter& reporter;
  std::ostream& summary_out;
};

// The verbs `wijkatlas` runs itself, and how every program runs them: one list, from which
// light_verbs.cpp derives what it hands over and all_verbs.cpp extends to every verb.
struct RunLightVerb {
  const VerbStreams& s;

  void operator()(const InfoOptions& o) const { run_info(o, s.out); }
  void operator()(const AreasOptions& o) const { run_areas(o, s.reporter); }
  void operator()(const JoinOptions& o) const { run_join(o, s.reporter, s.summary_out); }
};

struct Verbs {
  void (*run)(const Command& command, const VerbStreams& streams);
  void (*print_versions)(std::ostream& out);
};

// run_command_line with the program's verbs: help, usage errors, the versions, and what the
// verb throws mapped to a message and an exit code.
int run_parsed_command(const CommandLine& command_line, std::ostream& out, std::ostream& err,
                       const Verbs& verbs);

// Every verb (wijkatlas-full, and the tests through run_command_line).
extern const Verbs all_verbs;

}  // namespace wijkatlas::app
