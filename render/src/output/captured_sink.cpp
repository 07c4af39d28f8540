#include "output/captured_sink.hpp"

#include <span>

namespace wijkatlas::render::output {

bool CapturedSink::write(const void* data, std::size_t size) noexcept {
  if (closed_ || failure_) return false;
  try {
    sink_(std::span<const std::byte>(static_cast<const std::byte*>(data), size));
    return true;
  } catch (...) {
    failure_ = std::current_exception();
    return false;
  }
}

}  // namespace wijkatlas::render::output
