#pragma once
// One server per test program, started in-process on an ephemeral loopback port with the real
// data directory, the built page and a fresh store; and a client for it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/server/server.hpp"

namespace wijkatlas::server::test {

// The options of a test server: an ephemeral port on `host`, the real data directory, the built
// page and a fresh store in `dir` (project.gpkg).
ServerOptions test_server_options(const std::filesystem::path& dir,
                                  const std::string& host = "127.0.0.1");

class ServerTest : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static httplib::Client client();
  static int port();
  static Server& server() { return *server_; }
  // The store the server writes (a GeoPackage in the test's directory).
  static std::string store_path();
  // A request as raw bytes on a fresh connection (for paths a client library would normalise);
  // returns the whole response, read until the server closes (a malformed request waits for
  // the server's read timeout).
  static std::string raw(const std::string& request);
  // GET `path` from the test server, expecting `status` and a JSON answer (null when none came).
  static nlohmann::json get_json(const std::string& path, int status = 200);

 protected:
  // Starts the suite's server on `host` (once per suite).
  static void start(const std::string& host);

 private:
  static std::unique_ptr<wijkatlas::test::TempDir> dir_;
  static std::unique_ptr<geo::CollectingReporter> reporter_;
  static std::unique_ptr<Server> server_;
};

// A server on 0.0.0.0, as for the phones in a meeting: writes and single drawings need the run's
// token, which the operator's side sends (operator_side()) and other devices do not.
class OffLoopbackTest : public ServerTest {
 public:
  static void SetUpTestSuite() { start("0.0.0.0"); }

 protected:
  static httplib::Headers operator_side() { return {{"X-Wijkatlas-Token", server().token()}}; }
};

}  // namespace wijkatlas::server::test
