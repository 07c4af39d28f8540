// `wijkatlas serve` on the command line: wrong options name their flag and exit 2 or 3 before
// anything listens; off loopback it prints the operator's address with the token and its QR code.
#include <gtest/gtest.h>
#include <signal.h>

#include <regex>
#include <sstream>

#include "child_process.hpp"
#include "cli_run.hpp"
#include "server_fixture.hpp"
#include "wijkatlas/render/qr_code.hpp"

namespace wijkatlas::server::test {
namespace {

using wijkatlas::test::run_wijkatlas;

TEST(ServeCommand, AListenAddressThatIsNotHostAndPortIsAUsageError) {
  for (const std::string listen : {"8080", "127.0.0.1:", "127.0.0.1:80800", ":8080", "host:x1"}) {
    const auto r = run_wijkatlas({"serve", "--listen", listen});
    EXPECT_EQ(r.code, 2) << listen;
    EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
  }
}

TEST(ServeCommand, AMissingPageNamesTheWebDirectory) {
  const wijkatlas::test::TempDir dir;
  const auto r = run_wijkatlas({"serve", "--store", (dir / "p.gpkg").string(), "--listen",
                                "127.0.0.1:0", "--web-dir", (dir / "leeg").string()});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("--web-dir"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("index.html"), std::string::npos) << r.err;
}

class ServeCommandPortInUse : public ServerTest {};

TEST_F(ServeCommandPortInUse, APortInUseNamesTheListenAddress) {
  const wijkatlas::test::TempDir dir;
  const auto r =
      run_wijkatlas({"serve", "--store", (dir / "p.gpkg").string(), "--listen",
                     "127.0.0.1:" + std::to_string(port()), "--web-dir", WIJKATLAS_TEST_WEB_DIR});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
  // The server that holds the port still answers.
  auto res = client().Get("/api/lagen");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

// The modules of a QR code printed with half blocks (light modules and the quiet zone as
// blocks): true where a module is light, row by row; two rows per line of text.
std::vector<std::vector<bool>> light_modules(const std::vector<std::string>& lines) {
  std::vector<std::vector<bool>> rows;
  for (const std::string& line : lines) {
    std::vector<bool> top, bottom;
    for (std::size_t i = 0; i < line.size();) {
      if (line[i] == ' ') {
        top.push_back(false), bottom.push_back(false), i += 1;
      } else if (line.compare(i, 3, "\u2588") == 0) {
        top.push_back(true), bottom.push_back(true), i += 3;
      } else if (line.compare(i, 3, "\u2580") == 0) {
        top.push_back(true), bottom.push_back(false), i += 3;
      } else if (line.compare(i, 3, "\u2584") == 0) {
        top.push_back(false), bottom.push_back(true), i += 3;
      } else {
        ADD_FAILURE() << "not a half block at byte " << i << " of: " << line;
        return {};
      }
    }
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

struct Started {
  wijkatlas::test::ChildResult run;
  int without_token = 0, with_token = 0;  // statuses of a drawing POSTed while it ran
};

// Starts `serve` on `listen`, waits until it has printed `until` and then `after` more lines,
// POSTs a drawing with and without the printed token, and stops it with Ctrl-C (SIGINT).
Started start_and_stop(const std::string& listen, const std::string& until, int after) {
  const wijkatlas::test::TempDir dir;
  Started s;
  wijkatlas::test::ChildOptions options;
  options.signal = SIGINT;
  // The first serve with an empty cache prepares the base map before it listens: seconds in a
  // release build, minutes under the sanitizers (scripts/sanitize.sh).
  options.timeout = std::chrono::minutes(6);
  options.signal_when_printed = [&](const std::string& out) {
    const auto at = out.find(until);
    if (at == std::string::npos) return false;
    if (std::count(out.begin() + static_cast<std::ptrdiff_t>(at), out.end(), '\n') < after + 1)
      return false;
    std::smatch m;
    if (!std::regex_search(out, m, std::regex(R"(http://[^ ]+:(\d+)/)"))) return true;
    httplib::Client client("127.0.0.1", std::stoi(m[1]));
    const std::string token =
        std::regex_search(out, m, std::regex("token=([0-9a-f]+)")) ? m[1].str() : "";
    const std::string body =
        R"({"id": "cli-1", "sessie": "Vanaf de terminal", "categorie": "idee",)"
        R"( "geometrie": {"type": "Point", "coordinates": [192050, 444550]}})";
    if (auto res = client.Post("/api/tekeningen", body, "application/json"))
      s.without_token = res->status;
    if (auto res = client.Post("/api/tekeningen", {{"X-Wijkatlas-Token", token}}, body,
                               "application/json"))
      s.with_token = res->status;
    return true;
  };
  s.run = wijkatlas::test::run_program(
      {"serve", "--store", (dir / "p.gpkg").string(), "--listen", listen, "--web-dir",
       WIJKATLAS_TEST_WEB_DIR, "--data-dir", wijkatlas::test::data_dir().string()},
      options);
  return s;
}

TEST(ServeCommand, OffLoopbackItPrintsTheAddressWithTheTokenAndItsQrCode) {
  const Started s = start_and_stop("0.0.0.0:0", "met sleutel: ", 12);
  EXPECT_TRUE(s.run.signal_sent) << s.run.out << s.run.err;
  EXPECT_EQ(s.run.code, 0) << s.run.err;
  EXPECT_NE(s.run.err.find("sleutel"), std::string::npos) << s.run.err;

  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      s.run.out, m, std::regex(R"(met sleutel: (http://[^ \n]+:\d+/\?token=[0-9a-f]{32})\n)")))
      << s.run.out;
  const std::string url = m[1];
  EXPECT_EQ(url.find("0.0.0.0"), std::string::npos) << url;
  // The printed token is the one the server wants.
  EXPECT_EQ(s.without_token, 401);
  EXPECT_EQ(s.with_token, 201);

  // The QR block follows the address, and it is the QR code of that address.
  std::istringstream rest(s.run.out.substr(static_cast<std::size_t>(m.position(0) + m.length(0))));
  std::vector<std::string> lines;
  for (std::string line; std::getline(rest, line) && !line.empty();) lines.push_back(line);
  const render::QrModules qr = render::encode_qr(url);
  const int side = qr.size + 8;
  ASSERT_EQ(static_cast<int>(lines.size()), (side + 1) / 2) << s.run.out;
  const std::vector<std::vector<bool>> light = light_modules(lines);
  ASSERT_GE(static_cast<int>(light.size()), side);
  for (int r = 0; r < side; ++r) {
    ASSERT_EQ(static_cast<int>(light[r].size()), side) << "line " << r / 2;
    for (int c = 0; c < side; ++c) {
      const bool quiet = r < 4 || c < 4 || r >= side - 4 || c >= side - 4;
      const bool expected = quiet || !qr.at(r - 4, c - 4);
      ASSERT_EQ(light[r][c], expected) << "module " << r << ", " << c;
    }
  }
}

TEST(ServeCommand, OnLoopbackNoTokenIsNeededOrPrinted) {
  const Started s = start_and_stop("127.0.0.1:0", "wijkatlas serve: ", 0);
  EXPECT_TRUE(s.run.signal_sent) << s.run.out << s.run.err;
  EXPECT_EQ(s.run.code, 0) << s.run.err;
  EXPECT_EQ(s.run.out.find("token="), std::string::npos) << s.run.out;
  EXPECT_EQ(s.run.out.find("\u2588"), std::string::npos) << s.run.out;
  EXPECT_EQ(s.without_token, 201);
}

}  // namespace
}  // namespace wijkatlas::server::test
