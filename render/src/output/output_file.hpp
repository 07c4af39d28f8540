#pragma once
// Files as ByteSinks: the path-based writers are the sink-based ones aimed at the temporary
// file of a geo::AtomicFile, so a file holds exactly the bytes that memory would.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render::output {

// The temporary file of `file`, opened for writing. Errors are output_error naming the target.
class OutputFile {
 public:
  explicit OutputFile(const geo::AtomicFile& file);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::span<const std::byte> bytes);
  // Flushes and closes; a full disk often shows up only here.
  void close();

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
  };

  std::filesystem::path target_;
  std::unique_ptr<std::FILE, FileCloser> file_;
};

// Runs `write` with a sink into a temporary file beside `target` and renames it to `target`
// when `write` returns; an exception leaves no file behind.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const ByteSink& sink)>& write);

}  // namespace wijkatlas::render::output
