// `wijkatlas serve` on the command line: wrong options name their flag and exit 2 or 3 before
// anything listens.
#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "server_fixture.hpp"

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

}  // namespace
}  // namespace wijkatlas::server::test
