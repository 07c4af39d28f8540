#pragma once
// The `wijkatlas` command run in-process, as a user would type it: exit code, stdout, stderr.
#include <string>
#include <vector>

namespace wijkatlas::test {

struct CliRun {
  int code = -1;
  std::string out, err;
};

// `args` without the program name: {"map", "kaart.toml", "-o", "kaart.pdf"}.
CliRun run_wijkatlas(std::vector<std::string> args);

}  // namespace wijkatlas::test
