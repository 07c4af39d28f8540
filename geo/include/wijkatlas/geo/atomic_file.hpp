#pragma once
// Output files appear whole or not at all: write to a temporary name in the same directory,
// then rename over the target (atomic on POSIX file systems). The temporary file is removed
// if the writer fails, by remove_unfinished_files() if the process is interrupted, and by the
// next AtomicFile of the same target if the process was killed (kill -9, a power cut).
#include <filesystem>

namespace wijkatlas::geo {

class AtomicFile {
 public:
  // Throws output_error when the target's directory does not exist or is not writable, so
  // that a caller finds out before doing the work. Removes the temporary files of the same
  // target left by processes that no longer run (".<stem>.tmp<pid>-<n><ext>").
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
  int slot_ = -1;  // in the registry of unfinished files, or -1
  bool committed_ = false;
};

// Removes the temporary file of every AtomicFile that is neither committed nor destroyed. For a
// front end's handler of SIGINT and SIGTERM, just before the process ends: async-signal-safe
// (atomics and unlink only); the AtomicFiles must not be used afterwards.
void remove_unfinished_files() noexcept;

}  // namespace wijkatlas::geo
