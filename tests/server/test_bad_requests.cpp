// Bad requests get a JSON error with a 4xx status, and the server keeps answering.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "server_fixture.hpp"

namespace wijkatlas::server::test {
namespace {

using nlohmann::json;

class BadRequests : public ServerTest {
 protected:
  void TearDown() override {
    auto res = client().Get("/api/lagen");
    ASSERT_TRUE(res) << "the server stopped answering";
    EXPECT_EQ(res->status, 200);
  }
};

int status_of(const std::string& response) {
  // "HTTP/1.1 400 Bad Request"
  if (response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

json body_of(const std::string& response) {
  const auto start = response.find("\r\n\r\n");
  return json::parse(response.substr(start + 4));
}

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

TEST_F(BadRequests, PathTraversalIsRefused) {
  for (const std::string target :
       {"/../../etc/passwd", "/web/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2Fetc%2Fpasswd", "/..%2fetc/passwd", "/tiles/..%5c..%5cetc", "/app.js/..",
        "/%00index.html"}) {
    const std::string response = raw(get(target));
    EXPECT_EQ(status_of(response), 400) << target << "\n" << response;
    EXPECT_EQ(response.find("root:"), std::string::npos);
    if (status_of(response) == 400) {
      EXPECT_EQ(body_of(response)["fout"]["code"], "ongeldig_pad");
    }
  }
}

TEST_F(BadRequests, UnknownRoutesAreJson404) {
  for (const std::string path :
       {"/api/onbekend", "/api/lagen/onbekend", "/nergens.html", "/tiles/12/abc/1.png",
        "/tiles/99/0/0.png", "/tiles/3/8/0.png", "/api/lagen/Buurten!"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    const json body = json::parse(res->body);
    EXPECT_EQ(body["fout"]["status"], 404) << path;
    EXPECT_FALSE(body["fout"]["bericht"].get<std::string>().empty());
  }
}

TEST_F(BadRequests, WrongMethodsAre405WithTheAllowedOnes) {
  auto post = client().Post("/api/lagen", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(json::parse(post->body)["fout"]["code"], "methode_niet_toegestaan");
  auto del = client().Delete("/tiles/12/1/1.png");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto put = client().Put("/bestaat/niet", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 404);
}

TEST_F(BadRequests, AHugeBodyIsRefusedWith413) {
  const std::string big(3u << 20, 'x');
  auto res = client().Post("/api/lagen", big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(json::parse(res->body)["fout"]["code"], "te_groot");
}

TEST_F(BadRequests, MalformedRequestLinesAndLongSearchesAre400) {
  EXPECT_EQ(status_of(raw("GARBAGE\r\n\r\n")), 400);
  EXPECT_EQ(status_of(raw("GET /api/lagen HTTP/9.9\r\n\r\n")), 400);
  auto res = client().Get("/api/zoek?q=" + std::string(200, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["fout"]["veld"], "q");
  const std::string long_uri = raw(get("/" + std::string(10000, 'a')));
  EXPECT_EQ(status_of(long_uri), 414);
}

TEST_F(BadRequests, AClientThatSendsNothingDoesNotBlockTheOthers) {
  // Four silent connections (as many as the pool has workers) ...
  std::vector<int> silent;
  for (int i = 0; i < 4; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    silent.push_back(fd);
  }
  // ... hold their workers only until the read timeout; then the page answers again.
  auto res = client().Get("/api/lagen");
  for (int fd : silent) ::close(fd);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace wijkatlas::server::test
