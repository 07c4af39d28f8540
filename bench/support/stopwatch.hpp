#pragma once
#include <chrono>
#include <ctime>

namespace wijkatlas::bench {

// Wall-clock seconds since construction, on the monotonic clock, and the CPU time the whole
// process (all its threads) used meanwhile: on a shared machine the CPU time hardly depends on
// what else runs, the wall time does.
class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double cpu_seconds() const { return process_cpu() - cpu_start_; }

 private:
  static double process_cpu() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double cpu_start_ = process_cpu();
};

}  // namespace wijkatlas::bench
