#pragma once
// A ByteSink behind a C library's write callback (Cairo, libpng). An exception must not unwind
// through C frames, so the sink's exception is caught here and kept; the writer rethrows it
// once the library has returned, instead of the library's vaguer "write error".
#include <cstddef>
#include <exception>

#include "wijkatlas/render/output.hpp"

namespace wijkatlas::render::output {

class CapturedSink {
 public:
  explicit CapturedSink(const ByteSink& sink) : sink_(sink) {}
  CapturedSink(const CapturedSink&) = delete;
  CapturedSink& operator=(const CapturedSink&) = delete;

  // False when the sink threw (now or before) or is closed: the library must stop writing.
  bool write(const void* data, std::size_t size) noexcept;
  // Drops later writes: Cairo writes the rest of a document when an unfinished surface is
  // destroyed, and an abandoned output must not reach the sink.
  void close() noexcept { closed_ = true; }
  void rethrow_if_failed() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  const ByteSink& sink_;
  std::exception_ptr failure_;
  bool closed_ = false;
};

}  // namespace wijkatlas::render::output
