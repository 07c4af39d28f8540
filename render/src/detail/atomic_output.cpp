#include "detail/atomic_output.hpp"

#include <unistd.h>

#include <atomic>
#include <string>
#include <system_error>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::render::detail {

AtomicOutput::AtomicOutput(std::filesystem::path target) : target_(std::move(target)) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw output_error(target_.string(), "cannot write: directory '" + dir.string() + "' does not exist");
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    throw output_error(target_.string(), "cannot write: directory '" + dir.string() + "' is not writable");
  }
  // A hidden name, so a half-written map never looks like a finished one in a file browser.
  temporary_ = dir / ("." + target_.filename().string() + ".tmp" + std::to_string(::getpid()) +
                      "-" + std::to_string(counter++));
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  std::filesystem::rename(temporary_, target_, ec);
  if (ec) throw output_error(target_.string(), "cannot replace the file: " + ec.message());
  committed_ = true;
}

}  // namespace wijkatlas::render::detail
