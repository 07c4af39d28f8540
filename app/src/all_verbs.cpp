// Every verb, for wijkatlas-full and the tests: run_command_line and run_cli.
#include <variant>

#include "verbs.hpp"
#include "wijkatlas/project/versions.hpp"

namespace wijkatlas::app {
namespace {

struct RunVerb : RunLightVerb {
  using RunLightVerb::operator();
  void operator()(const MapOptions& o) const { run_map(o, s.reporter, s.summary_out); }
  void operator()(const AtlasOptions& o) const { run_atlas(o, s.reporter, s.summary_out); }
  void operator()(const SheetOptions& o) const { run_sheet(o, s.reporter, s.summary_out); }
  void operator()(const IngestOptions& o) const { run_ingest(o, s.reporter, s.summary_out); }
  void operator()(const OverlapCommandOptions& o) const {
    run_overlap(o, s.reporter, s.summary_out);
  }
  void operator()(const CompareOptions& o) const { run_compare(o, s.reporter, s.summary_out); }
  void operator()(const StatusOptions& o) const { run_status(o, s.reporter, s.summary_out); }
  void operator()(const StoreInitOptions& o) const { run_store_init(o, s.summary_out); }
  void operator()(const StoreLogOptions& o) const { run_store_log(o, s.out); }
  void operator()(const StoreCopyOptions& o) const { run_store_copy(o, s.reporter, s.summary_out); }
  // Conflicts go to stdout even with -q: the person has to decide them.
  void operator()(const StorePushOptions& o) const { run_store_push(o, s.summary_out, s.out); }
  void operator()(const StoreImportOptions& o) const {
    run_store_import(o, s.reporter, s.summary_out);
  }
  // The address it listens on goes to stdout even with -q: whoever started it needs it.
  void operator()(const ServeOptions& o) const { run_serve(o, s.reporter, s.out); }
};

void run_any_verb(const Command& command, const VerbStreams& streams) {
  std::visit(RunVerb{{streams}}, command);
}

void print_all_versions(std::ostream& out) {
  out << "wijkatlas " << project::wijkatlas_version() << "\n";
  for (const auto& [library, v] : project::library_versions())
    out << "  " << library << " " << v << "\n";
}

}  // namespace

const Verbs all_verbs{run_any_verb, print_all_versions};

int run_command_line(const CommandLine& command_line, std::ostream& out, std::ostream& err) {
  return run_parsed_command(command_line, out, err, all_verbs);
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return run_command_line(parse_command_line(argc, argv), out, err);
}

}  // namespace wijkatlas::app
