// bench_wijkatlas_join: wijkatlas' in-memory join phase, geo::PolygonLocator, on the same inputs
// as bench_geos_peer.
//
// Timed: build the locator + locate_all. It runs on all cores (threads = 0, the default of
// `wijkatlas join`) and on one thread, for a fair comparison with the single-threaded GEOS
// loop; both must assign every point identically. Prints one line:
//   wijkatlas_join polygons=.. points=.. read_s=.. join_s=.. join_1thread_s=.. build_s=..
//                  join_cpu_s=.. join_1thread_cpu_s=.. build_cpu_s=.. matched=.. checksum=..
// (_cpu_s: CPU time of all threads, which depends less on other work on the machine)
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <vector>

#include "support/join_harness.hpp"
#include "support/stopwatch.hpp"
#include "wijkatlas/geo/locator.hpp"

namespace bench = wijkatlas::bench;
namespace geo = wijkatlas::geo;

namespace {

struct TimedJoin {
  std::vector<std::int32_t> assignment;
  double build_s = 0;
  double total_s = 0;
  double build_cpu_s = 0;
  double total_cpu_s = 0;
};

TimedJoin timed_join(const bench::JoinInputs& inputs, unsigned threads) {
  TimedJoin result;
  result.assignment.assign(inputs.points.size(), geo::PolygonLocator::not_found);
  const bench::Stopwatch clock;
  geo::LocatorOptions options;
  options.expected_points = inputs.points.size();
  options.threads = threads;
  const geo::PolygonLocator locator(inputs.polygons, options);
  result.build_s = clock.seconds();
  result.build_cpu_s = clock.cpu_seconds();
  locator.locate_all(inputs.points, result.assignment, threads);
  result.total_s = clock.seconds();
  result.total_cpu_s = clock.cpu_seconds();
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wijkatlas PolygonLocator point-in-polygon join (benchmark)"};
  bench::JoinArgs args;
  bench::add_join_options(app, args);
  CLI11_PARSE(app, argc, argv);

  try {
    const bench::Stopwatch read_clock;
    const bench::JoinInputs inputs = bench::read_join_inputs(args);
    const double read_s = read_clock.seconds();

    const TimedJoin all_cores = timed_join(inputs, 0);
    const TimedJoin one_thread = timed_join(inputs, 1);
    if (all_cores.assignment != one_thread.assignment) {
      throw std::runtime_error("locate_all gave different results on 1 thread and on all cores");
    }

    const bench::JoinSummary summary =
        bench::summarize(all_cores.assignment, inputs.polygons.size());
    std::cout << std::fixed << std::setprecision(4)
              << "wijkatlas_join polygons=" << inputs.polygons.size()
              << " points=" << inputs.points.size() << " read_s=" << read_s
              << " join_s=" << all_cores.total_s << " join_1thread_s=" << one_thread.total_s
              << " build_s=" << all_cores.build_s << " join_cpu_s=" << all_cores.total_cpu_s
              << " join_1thread_cpu_s=" << one_thread.total_cpu_s
              << " build_cpu_s=" << all_cores.build_cpu_s << " matched=" << summary.matched
              << " checksum=" << summary.checksum << '\n';
  } catch (const std::exception& e) {
    std::cerr << "bench_wijkatlas_join: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
