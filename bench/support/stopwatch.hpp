#pragma once
#include <chrono>

namespace wijkatlas::bench {

// Wall-clock seconds since construction, on the monotonic clock.
class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace wijkatlas::bench
