#pragma once
// Output files appear whole or not at all: write to a temporary name in the same directory,
// then rename over the target (atomic on POSIX file systems). The temporary file is removed
// if the writer fails.
#include <filesystem>

namespace wijkatlas::geo {

class AtomicFile {
 public:
  // Throws output_error when the target's directory does not exist or is not writable, so
  // that a caller finds out before doing the work.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temporary_path() const noexcept { return temporary_; }
  const std::filesystem::path& target_path() const noexcept { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool committed_ = false;
};

}  // namespace wijkatlas::geo
