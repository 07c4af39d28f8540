#pragma once
// The `wijkatlas` program run as a child process, as a shell would run it: with a file size
// limit (a full disk), and signalled after a delay (Ctrl-C, SIGTERM, kill -9).
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wijkatlas::test {

struct ChildOptions {
  // RLIMIT_FSIZE in bytes, with SIGXFSZ ignored: a write past it fails with EFBIG, as on a
  // disk that is full.
  std::optional<std::uintmax_t> file_size_limit;
  // Sends `signal` this long after the start, if the program still runs.
  std::optional<std::chrono::milliseconds> signal_after;
  // Sends `signal` as soon as this returns true (asked every few milliseconds until then).
  std::function<bool()> signal_when;
  // Sends `signal` as soon as this returns true for what the program has printed so far (not
  // asked again once it has).
  std::function<bool(const std::string& out)> signal_when_printed;
  int signal = 0;
  // Variables ("NAME=value") added to the program's environment.
  std::vector<std::string> environment;
  // Another program than the one built with the tests (a copy of it elsewhere).
  std::optional<std::filesystem::path> program;
  // The program is killed (SIGKILL) and the test fails after this long.
  std::chrono::milliseconds timeout{std::chrono::minutes(3)};
};

struct ChildResult {
  int code = -1;  // the exit code, or 128 + the signal that ended it (as a shell says)
  bool signalled = false;
  bool signal_sent = false;  // the program still ran when signal_after or signal_when came
  std::chrono::milliseconds took{0};
  std::string out, err;
};

// Runs the program built with the tests with `args` (without its name) and waits for it,
// reading its standard output and error as it goes.
ChildResult run_program(const std::vector<std::string>& args, const ChildOptions& options = {});

// The hidden temporary files (".NAME.tmp...") in `dir`: what a writer that did not finish
// could leave.
std::vector<std::filesystem::path> hidden_temporary_files(const std::filesystem::path& dir);

// The bytes of a file ("" when it does not exist).
std::string file_bytes(const std::filesystem::path& path);

}  // namespace wijkatlas::test
