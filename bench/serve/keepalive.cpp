// Requests per second on one keep-alive connection to the viewer's server, with and without
// TCP_NODELAY (issue 14: Nagle's algorithm with delayed ACKs holds back each small response
// about 40 ms). Starts the server in-process on a loopback port, then a cpp-httplib client asks
// GET /api/status N times on one connection; then the cold and warm time of tiles. Not a test:
// run by hand, results in docs/performance.md.
//
//   bench_serve_keepalive --data-dir DIR --web-dir build/release/web [--requests 2000]
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/tile_grid.hpp"
#include "wijkatlas/server/server.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace wijkatlas;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double requests_per_second(int port, int n) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // the server's side is what is measured
  const auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    const auto res = client.Get("/api/status");
    if (!res || res->status != 200) throw std::runtime_error("request failed");
  }
  return n / seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Keep-alive throughput and tile times of wijkatlas serve");
  std::string data_dir, web_dir, cache_dir;
  int requests = 2000;
  app.add_option("--data-dir", data_dir);
  app.add_option("--web-dir", web_dir)->required();
  app.add_option("--cache-dir", cache_dir);
  app.add_option("--requests", requests);
  CLI11_PARSE(app, argc, argv);

  const std::filesystem::path tmp =
      std::filesystem::temp_directory_path() / ("bench_serve_" + std::to_string(::getpid()));
  std::filesystem::create_directories(tmp);
  geo::CollectingReporter reporter;
  for (const bool nodelay : {false, true}) {
    server::ServerOptions o;
    o.port = 0;
    o.store = (tmp / "project.gpkg").string();
    o.data_dir = data_dir;
    o.cache_dir = cache_dir;
    o.web_dir = web_dir;
    o.tcp_nodelay = nodelay;
    server::Server server(o, reporter);
    const int port = server.start();
    // Without TCP_NODELAY each request waits for a delayed ACK: fewer requests suffice.
    const int n = nodelay ? requests : std::max(50, requests / 20);
    std::cout << "TCP_NODELAY " << (nodelay ? "on " : "off") << ": " << n
              << " requests on one keep-alive connection: " << requests_per_second(port, n)
              << " requests/s\n";
    if (!nodelay) continue;

    // Tiles of level 12 (1:3,000) around Presikhaaf: 8 x 8 tiles = 4 metatiles, cold then warm.
    const render::TileGrid grid;
    const double side = grid.resolution(12) * grid.tile_px;
    const int x0 = static_cast<int>((194200 - grid.origin_x) / side) / 4 * 4;
    const int y0 = static_cast<int>((grid.origin_y - 445600) / side) / 4 * 4;
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_read_timeout(120, 0);
    for (const char* pass : {"cold", "warm"}) {
      const auto start = Clock::now();
      for (int y = y0; y < y0 + 8; ++y)
        for (int x = x0; x < x0 + 8; ++x)
          if (!client.Get("/tiles/12/" + std::to_string(x) + "/" + std::to_string(y) + ".png"))
            throw std::runtime_error("tile failed");
      const double s = seconds_since(start);
      std::cout << "64 tiles of level 12 (4 metatiles), " << pass << ": " << s * 1000 << " ms ("
                << 64 / s << " tiles/s)\n";
    }
    const auto status = client.Get("/api/status");
    std::cout << "server: " << status->body << "\n";
  }
  std::filesystem::remove_all(tmp);
  return 0;
}
