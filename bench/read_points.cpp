// bench_read_points: only reading the points, as `wijkatlas join` reads them (geo::PointReader,
// batches read ahead on a thread of their own), so that the command's time can be set against
// the time its reading alone needs. Prints one line:
//   read_points points=.. read_s=.. method=.. checksum=..
#include <CLI/CLI.hpp>
#include <cmath>
#include <iomanip>
#include <iostream>

#include "support/stopwatch.hpp"
#include "wijkatlas/geo/point_reader.hpp"

namespace bench = wijkatlas::bench;
namespace geo = wijkatlas::geo;

int main(int argc, char** argv) {
  CLI::App app{"Read a point layer as wijkatlas join does, and nothing else (benchmark)"};
  std::string points, layer;
  app.add_option("--points", points, "OGR source with the points")->required();
  app.add_option("--points-layer", layer, "point layer");
  CLI11_PARSE(app, argc, argv);
  try {
    const bench::Stopwatch clock;
    geo::CollectingReporter reporter;
    geo::ReadOptions read;
    read.layer = layer;
    geo::PointReadOptions streaming;
    streaming.read_ahead = 2;  // as project::join
    geo::PointReader reader(points, read, reporter, streaming);
    geo::PointBatch batch;
    std::size_t count = 0;
    double sum = 0;  // every coordinate used, so that nothing is optimised away
    while (reader.next(batch)) {
      for (const geo::Point& p : batch.points()) sum += p.x() + p.y();
      count += batch.size();
    }
    std::cout << std::fixed << std::setprecision(4) << "read_points points=" << count
              << " read_s=" << clock.seconds() << " method=" << reader.method()
              << " checksum=" << std::setprecision(0) << std::fmod(sum, 1e9) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "bench_read_points: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
