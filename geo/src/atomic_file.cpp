#include "wijkatlas/geo/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <string>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw output_error(target_.string(),
                       "cannot write: directory '" + dir.string() + "' does not exist");
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    throw output_error(target_.string(),
                       "cannot write: directory '" + dir.string() + "' is not writable");
  }
  // Keep the extension last: GDAL picks drivers and behaviour by it.
  temporary_ = dir / ("." + target_.stem().string() + ".tmp" + std::to_string(::getpid()) + "-" +
                      std::to_string(counter++) + target_.extension().string());
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
  }
}

void AtomicFile::commit() {
  std::error_code ec;
  std::filesystem::rename(temporary_, target_, ec);
  if (ec) throw output_error(target_.string(), "cannot replace the file: " + ec.message());
  committed_ = true;
}

}  // namespace wijkatlas::geo
