#include "command_output.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

namespace wijkatlas::test {
namespace {
struct PipeCloser {
  int* status;
  void operator()(FILE* pipe) const noexcept { *status = pclose(pipe); }
};
}  // namespace

std::string command_output(const std::string& command) {
  int status = -1;
  std::string output;
  {
    std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"), PipeCloser{&status});
    if (!pipe) {
      ADD_FAILURE() << "cannot run " << command;
      return {};
    }
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
      output.append(buffer.data(), n);
  }
  EXPECT_EQ(status, 0) << command;
  return output;
}

std::string shell_quoted(const std::filesystem::path& path) {
  std::string quoted = "'";
  for (char c : path.string()) quoted += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace wijkatlas::test
