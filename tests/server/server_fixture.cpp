#include "server_fixture.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace wijkatlas::server::test {

std::unique_ptr<wijkatlas::test::TempDir> ServerTest::dir_;
std::unique_ptr<geo::CollectingReporter> ServerTest::reporter_;
std::unique_ptr<Server> ServerTest::server_;

ServerOptions test_server_options(const std::filesystem::path& dir, const std::string& host) {
  ServerOptions o;
  o.host = host;
  o.port = 0;
  o.store = (dir / "project.gpkg").string();
  o.data_dir = wijkatlas::test::data_dir().string();
  o.web_dir = WIJKATLAS_TEST_WEB_DIR;
  o.threads = 4;
  o.tiles_on_disk = false;  // a test of the drawing never reads a tile an earlier build drew
  return o;
}

void ServerTest::SetUpTestSuite() {
  start("127.0.0.1");
}

void ServerTest::start(const std::string& host) {
  if (server_) return;
  dir_ = std::make_unique<wijkatlas::test::TempDir>();
  reporter_ = std::make_unique<geo::CollectingReporter>();
  server_ = std::make_unique<Server>(test_server_options(dir_->path(), host), *reporter_);
  server_->start();
}

void ServerTest::TearDownTestSuite() {
  server_.reset();
  reporter_.reset();
  dir_.reset();
}

httplib::Client ServerTest::client() {
  httplib::Client c("127.0.0.1", server_->port());
  c.set_read_timeout(60, 0);  // a cold tile prepares the base map first
  return c;
}

std::string ServerTest::store_path() {
  return (dir_->path() / "project.gpkg").string();
}

int ServerTest::port() {
  return server_->port();
}

std::string ServerTest::raw(const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(server_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    (void)!::write(fd, request.data(), request.size());
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

nlohmann::json ServerTest::get_json(const std::string& path, int status) {
  auto res = client().Get(path);
  EXPECT_TRUE(res) << path;
  if (!res) return nullptr;
  EXPECT_EQ(res->status, status) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/", 0), 0u) << path;
  return nlohmann::json::parse(res->body);
}

}  // namespace wijkatlas::server::test
