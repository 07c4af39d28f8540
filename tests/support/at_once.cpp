#include "at_once.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

namespace wijkatlas::test {

std::vector<int> run_at_once(int count, const std::function<int(int index)>& fn) {
  int gate[2];
  if (::pipe(gate) != 0) {
    ADD_FAILURE() << "pipe failed";
    return {};
  }
  std::fflush(nullptr);  // nothing buffered is written twice
  std::vector<pid_t> children;
  for (int i = 0; i < count; ++i) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(gate[1]);
      char released = 0;
      (void)!::read(gate[0], &released, 1);  // returns when the parent closes its end
      int code = 99;
      try {
        code = fn(i);
      } catch (...) {
      }
      ::_exit(code);
    }
    children.push_back(pid);
  }
  ::close(gate[0]);
  ::close(gate[1]);  // releases every child at once
  std::vector<int> codes;
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return codes;
}

}  // namespace wijkatlas::test
