#include "detail/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::detail {

FileLock::FileLock(const std::filesystem::path& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw output_error(path.string(),
                       std::string("cannot create the lock file: ") + std::strerror(errno));
  int result = 0;
  do result = ::flock(fd_, LOCK_EX);
  while (result != 0 && errno == EINTR);
  if (result != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd_);
    throw output_error(path.string(), "cannot lock the file: " + reason);
  }
}

FileLock::~FileLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace wijkatlas::geo::detail
