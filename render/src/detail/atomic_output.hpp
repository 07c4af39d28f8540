#pragma once
// Outputs appear whole or not at all: Cairo or libpng write to a temporary name in the target's
// directory, which is renamed over the target only after the writer finished without error
// (atomic on POSIX). The temporary file is removed otherwise.
// Same contract as geo's private AtomicFile; render cannot include geo's private headers.
#include <filesystem>

namespace wijkatlas::render::detail {

class AtomicOutput {
 public:
  // Throws output_error when the target's directory is missing or not writable, before any
  // drawing work is done.
  explicit AtomicOutput(std::filesystem::path target);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::filesystem::path& temporary_path() const noexcept { return temporary_; }
  const std::filesystem::path& target_path() const noexcept { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool committed_ = false;
};

}  // namespace wijkatlas::render::detail
