#include "cli_run.hpp"

#include <sstream>

#include "wijkatlas/app/command_line.hpp"

namespace wijkatlas::test {

CliRun run_wijkatlas(std::vector<std::string> args) {
  args.insert(args.begin(), "wijkatlas");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  CliRun r;
  r.code = app::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace wijkatlas::test
