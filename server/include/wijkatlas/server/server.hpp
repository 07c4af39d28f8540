#pragma once
// The meeting viewer's HTTP server (issue 14): the page and its bundle, map tiles in the RD tile
// grid drawn by wijkatlas's own renderer, and overlays as GeoJSON in RD New. A front end like
// app/: it links the library (wijkatlas::project), never the command line, and maps wijkatlas
// errors to HTTP statuses with JSON bodies. Tests start it in-process on an ephemeral port.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (tests)
  std::string store;               // the project store; created when missing
  std::string data_dir;            // empty: geo::resolve_data_dir()
  std::string cache_dir;           // prepared base maps and tiles; empty: geo::default_cache_dir()
  std::string registry;            // initiatives; empty: examples/initiatieven_arnhem_oost.csv
  std::filesystem::path web_dir;   // index.html, the bundle (app.js, app.css)

  // Limits: a bounded pool of worker threads, small request bodies and short timeouts, so a
  // slow or hostile client holds one worker for a few seconds at most. A keep-alive connection
  // keeps its worker while it lives (cpp-httplib), so the pool has room for the beamer's
  // browser and a room of phones (6 connections each) without queueing them.
  std::size_t threads = 64;
  std::size_t max_body_bytes = 1u << 20;
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{5};
  // Nagle's algorithm delays small responses on a keep-alive connection by ~40 ms (about 37
  // requests/s here); off, the same connection answers thousands (docs/performance.md).
  bool tcp_nodelay = true;
  // Tiles kept in memory (about 5,000 tiles: a long meeting's worth), and metatiles drawn at
  // once (one per core of a laptop with two).
  std::size_t tile_cache_bytes = 128u << 20;
  std::size_t tile_painters = 2;
  // Tiles also kept on disk (in the cache directory, per base map and style) for the next run.
  bool tiles_on_disk = true;
};

class Server {
 public:
  // Opens (or creates) the store and loads the areas, initiatives and base map. Throws the
  // library's errors (io_error for a missing data directory, store_error for a store).
  Server(ServerOptions options, geo::Reporter& reporter);
  ~Server();  // stops and joins
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and serves on a background thread; returns the port. Throws io_error when the address
  // cannot be bound.
  int start();
  // Blocks until stop() (from another thread or a signal handler's thread).
  void wait();
  void stop();

  int port() const;
  // http://host:port/; for 0.0.0.0 or :: with this machine's address on its network.
  std::string url() const;
  // Off loopback every write and every read of single drawings needs this run's token (128
  // random bits, hex); on loopback it is "". The operator's address carries it: url()?token=...
  std::string token() const;
  std::string operator_url() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace wijkatlas::server
