#pragma once
// Runs job(i) for i in [0, count) on a few worker threads that take the next index as they
// finish (tiles and sheets differ a lot in cost, so static chunks would leave a core idle).
// The first exception a job throws is rethrown on the calling thread after all workers stop.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace wijkatlas::geo::overlap_detail {

inline unsigned worker_count(unsigned requested, std::size_t jobs) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const unsigned wanted = requested == 0 ? hardware : requested;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, jobs)));
}

template <typename Job>
void parallel_for(std::size_t count, unsigned threads, Job&& job) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
      try {
        job(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned workers = worker_count(threads, count);
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < workers; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  if (error) std::rethrow_exception(error);
}

}  // namespace wijkatlas::geo::overlap_detail
