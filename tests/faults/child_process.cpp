#include "child_process.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>

namespace wijkatlas::test {
namespace {

using Clock = std::chrono::steady_clock;

// Reads what is there without blocking; false at end of file.
bool drain(int fd, std::string& into) {
  std::array<char, 65536> buffer{};
  while (true) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      into.append(buffer.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return false;
    return errno == EAGAIN || errno == EINTR;
  }
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_program(char* const* argv, char* const* envp, const ChildOptions& options,
                               int out, int err) {
  ::dup2(out, STDOUT_FILENO);
  ::dup2(err, STDERR_FILENO);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  if (options.file_size_limit) {
    ::signal(SIGXFSZ, SIG_IGN);  // kept across exec: the write fails with EFBIG instead
    const rlimit limit{*options.file_size_limit, *options.file_size_limit};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
  }
  ::execve(argv[0], argv, envp);
  ::_exit(127);
}

}  // namespace

ChildResult run_program(const std::vector<std::string>& args, const ChildOptions& options) {
  ChildResult result;
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe failed";
    return result;
  }
  // Made before fork: between fork and exec only async-signal-safe calls.
  const std::string program = options.program ? options.program->string() : WIJKATLAS_PROGRAM;
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) envp.push_back(*e);
  for (const auto& e : options.environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) exec_program(argv.data(), envp.data(), options, out[1], err[1]);
  ::close(out[1]);
  ::close(err[1]);
  ::fcntl(out[0], F_SETFL, O_NONBLOCK);
  ::fcntl(err[0], F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true, timed_out = false;
  int status = 0;
  while (true) {
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    ::poll(fds, 2, 5);
    if (out_open) out_open = drain(out[0], result.out);
    if (err_open) err_open = drain(err[0], result.err);
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    const auto elapsed = Clock::now() - start;
    // The conditions are asked until the signal is sent, never after: a condition may act
    // (serve's test POSTs a drawing when the address is printed), and the program may take a
    // while to stop.
    const bool now = !result.signal_sent &&
                     ((options.signal_after && elapsed >= *options.signal_after) ||
                      (options.signal_when && options.signal_when()) ||
                      (options.signal_when_printed && options.signal_when_printed(result.out)));
    if (now) {
      ::kill(pid, options.signal);
      result.signal_sent = true;
    }
    if (elapsed >= options.timeout && !timed_out) {
      ::kill(pid, SIGKILL);
      timed_out = true;
    }
  }
  result.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  if (out_open) drain(out[0], result.out);
  if (err_open) drain(err[0], result.err);
  ::close(out[0]);
  ::close(err[0]);
  if (WIFEXITED(status)) {
    result.code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signalled = true;
    result.code = 128 + WTERMSIG(status);
  }
  if (timed_out) ADD_FAILURE() << "wijkatlas did not finish in time and was killed";
  return result;
}

std::vector<std::filesystem::path> hidden_temporary_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> found;
  std::error_code ec;  // a writer may be making or removing files meanwhile
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    const std::filesystem::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") && name.find(".tmp") != std::string::npos)
      found.push_back(entry.path());
  }
  return found;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace wijkatlas::test
