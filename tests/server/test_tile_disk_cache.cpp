// Tiles kept on disk between runs (issue 14): a tile drawn by one server is read from disk by the
// next one with the same base map and style instead of being drawn again; tiles of another
// version are removed; a file that is not a whole PNG is drawn again and written over; and a
// cache directory that cannot be written leaves the tiles in memory with a warning.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "server_fixture.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/render/tile_grid.hpp"

namespace wijkatlas::server::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class TilesOnDisk : public ::testing::Test {
 protected:
  TilesOnDisk() {
    // The base map prepared by the other tests, so that this cache directory need not prepare
    // it again (it would, in about 10 s, when there is none).
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(geo::default_cache_dir(), ec))
      if (e.path().extension() == ".wbm")
        fs::copy_file(e.path(), cache_dir() / e.path().filename(), ec);
  }

  fs::path cache_dir() const { return dir_.path() / "cache"; }

  ServerOptions options() const {
    ServerOptions o = test_server_options(dir_.path());
    o.cache_dir = cache_dir().string();
    o.tiles_on_disk = true;
    return o;
  }

  // A tile of level 12 over Klarendal, as its path and its file under the version's directory.
  static std::string tile_path() {
    const render::TileGrid grid;
    const double side = grid.resolution(12) * grid.tile_px;
    x_ = static_cast<int>((191200 - grid.origin_x) / side);
    y_ = static_cast<int>((grid.origin_y - 444900) / side);
    return "/tiles/12/" + std::to_string(x_) + "/" + std::to_string(y_) + ".png";
  }
  // The one version directory under tegels/.
  fs::path version_dir() const {
    std::vector<fs::path> dirs;
    for (const fs::directory_entry& e : fs::directory_iterator(cache_dir() / "tegels"))
      dirs.push_back(e.path());
    EXPECT_EQ(dirs.size(), 1u);
    return dirs.empty() ? fs::path() : dirs[0];
  }
  fs::path tile_file() const {
    return version_dir() / "12" / std::to_string(x_) / (std::to_string(y_) + ".png");
  }

  struct Fetched {
    std::string png;
    json status;
  };
  // Starts a server on the cache directory, fetches the tile and its status, stops it.
  Fetched fetch_with_a_new_server(geo::CollectingReporter& reporter) const {
    Server server(options(), reporter);
    server.start();
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(120, 0);
    auto tile = c.Get(tile_path());
    EXPECT_TRUE(tile);
    if (!tile) return {};
    EXPECT_EQ(tile->status, 200) << tile->body;
    auto status = c.Get("/api/status");
    EXPECT_TRUE(status);
    if (!status) return {};
    return {tile->body, json::parse(status->body)["tegels"]};
  }

  static std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  wijkatlas::test::TempDir dir_;
  static inline int x_ = 0;
  static inline int y_ = 0;
};

TEST_F(TilesOnDisk, ATileDrawnOnceIsReadFromDiskByTheNextServer) {
  // A tile directory of another base map or style, left by an earlier run.
  const fs::path stale = cache_dir() / "tegels" / "0123456789abcdef-s0-125-nl" / "12" / "1";
  fs::create_directories(stale);
  std::ofstream(stale / "1.png") << "old";

  geo::CollectingReporter first_reporter;
  const Fetched first = fetch_with_a_new_server(first_reporter);
  EXPECT_EQ(first.status["metategels_getekend"], 1);
  EXPECT_EQ(first.status["van_schijf"], 0);
  EXPECT_FALSE(fs::exists(stale.parent_path().parent_path())) << "another version's tiles go";
  ASSERT_TRUE(fs::exists(tile_file()));
  EXPECT_EQ(read(tile_file()), first.png);
  EXPECT_NE(version_dir().filename().string().find("-s"), std::string::npos);

  geo::CollectingReporter second_reporter;
  const Fetched second = fetch_with_a_new_server(second_reporter);
  EXPECT_EQ(second.png, first.png);
  EXPECT_EQ(second.status["metategels_getekend"], 0) << "not drawn again";
  EXPECT_EQ(second.status["van_schijf"], 1);
}

TEST_F(TilesOnDisk, ATileThatIsNotAWholePngIsDrawnAgainAndWrittenOver) {
  geo::CollectingReporter reporter;
  const Fetched first = fetch_with_a_new_server(reporter);
  const fs::path file = tile_file();
  fs::resize_file(file, fs::file_size(file) / 2);  // as a disk that filled up might leave it
  const Fetched again = fetch_with_a_new_server(reporter);
  EXPECT_EQ(again.status["metategels_getekend"], 1);
  EXPECT_EQ(again.status["van_schijf"], 0);
  EXPECT_EQ(again.png, first.png);
  EXPECT_EQ(read(file), first.png) << "the whole tile again";
}

TEST_F(TilesOnDisk, ACacheDirectoryThatCannotBeWrittenLeavesTheTilesInMemory) {
  fs::create_directories(cache_dir());
  std::ofstream(cache_dir() / "tegels") << "a file where the tiles' directory would be";
  geo::CollectingReporter reporter;
  const Fetched fetched = fetch_with_a_new_server(reporter);
  EXPECT_FALSE(fetched.png.empty());
  EXPECT_EQ(fetched.status["metategels_getekend"], 1);
  EXPECT_TRUE(reporter.has_warning_containing("not kept on disk"));
}

}  // namespace
}  // namespace wijkatlas::server::test
