#include "beside_program.hpp"

#include <system_error>

namespace wijkatlas::app {

std::filesystem::path beside_program(std::string_view name) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(name) : self.parent_path() / name;
}

}  // namespace wijkatlas::app
