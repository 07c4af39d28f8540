#pragma once
// An exclusive advisory lock on a file (flock), held for the object's lifetime. flock locks
// belong to an open file description, so they exclude other processes and other threads of
// this one alike, and the kernel drops them when a process dies.
#include <filesystem>

namespace wijkatlas::geo::detail {

class FileLock {
 public:
  // Creates the file when missing and waits until the lock is free. Throws output_error when
  // the file cannot be created or locked (read-only directory).
  explicit FileLock(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace wijkatlas::geo::detail
