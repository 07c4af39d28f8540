// Reference images: a fixed map rendered to PNG and compared with a committed image, with a
// per-pixel tolerance and a maximum number of differing pixels, so a new Cairo or FreeType
// with slightly different anti-aliasing passes while a moved label or a lost layer fails.
//
// On failure the test writes <name>.actual.png and <name>.diff.png (differing pixels in red)
// into the test's working directory (build/.../tests/render). After an intended change:
//
//   WIJKATLAS_REBASELINE=1 ctest --test-dir build/render -R MapReference
//
// rewrites tests/render/reference/*.png; look at them before committing.
#include <gtest/gtest.h>
#include <png.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "map_fixture.hpp"
#include "png_reader.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/tiles.hpp"

namespace wijkatlas::render {
namespace {
namespace fs = std::filesystem;

constexpr int channel_tolerance = 40;             // 0..255, per channel
constexpr double max_differing_fraction = 0.004;  // of all pixels

void write_rgb_png(const fs::path& path, const test::RgbImage& image) {
  png_image out{};
  out.version = PNG_IMAGE_VERSION;
  out.width = static_cast<png_uint_32>(image.width);
  out.height = static_cast<png_uint_32>(image.height);
  out.format = PNG_FORMAT_RGB;
  ASSERT_NE(png_image_write_to_file(&out, path.c_str(), 0, image.rgb.data(), 0, nullptr), 0)
      << out.message;
}

// Compares the PNG at `actual_path` with tests/render/reference/<name>.png.
void expect_png_matches_reference(const std::string& name, const fs::path& actual_path) {
  const fs::path reference_path =
      wijkatlas::test::source_file("tests/render/reference") / (name + ".png");
  if (const char* rebaseline = std::getenv("WIJKATLAS_REBASELINE");
      rebaseline && std::string(rebaseline) == "1") {
    fs::copy_file(actual_path, reference_path, fs::copy_options::overwrite_existing);
    GTEST_SKIP() << "re-baselined " << reference_path;
  }
  ASSERT_TRUE(fs::exists(reference_path))
      << reference_path << " is missing: run with WIJKATLAS_REBASELINE=1";
  const test::RgbImage actual = test::read_png(actual_path);
  const test::RgbImage reference = test::read_png(reference_path);
  ASSERT_EQ(actual.width, reference.width);
  ASSERT_EQ(actual.height, reference.height);

  test::RgbImage diff{actual.width, actual.height, std::vector<std::uint8_t>(actual.rgb.size())};
  std::size_t differing = 0;
  for (std::size_t i = 0; i < actual.rgb.size(); i += 3) {
    int worst = 0;
    for (std::size_t c = 0; c < 3; ++c)
      worst = std::max(worst, std::abs(actual.rgb[i + c] - reference.rgb[i + c]));
    const bool differs = worst > channel_tolerance;
    differing += differs ? 1 : 0;
    // Differences in red over a faded copy of the reference.
    const auto faded = static_cast<std::uint8_t>(200 + reference.rgb[i] / 5);
    diff.rgb[i] = differs ? 255 : faded;
    diff.rgb[i + 1] = differs ? 0 : faded;
    diff.rgb[i + 2] = differs ? 0 : faded;
  }
  const auto allowed =
      static_cast<std::size_t>(max_differing_fraction * actual.width * actual.height);
  if (differing > allowed) {
    write_rgb_png(fs::current_path() / (name + ".diff.png"), diff);
    fs::copy_file(actual_path, fs::current_path() / (name + ".actual.png"),
                  fs::copy_options::overwrite_existing);
  }
  EXPECT_LE(differing, allowed) << differing << " pixels differ by more than " << channel_tolerance
                                << "; see " << (fs::current_path() / (name + ".diff.png"));
}

void expect_matches_reference(const std::string& name, const MapSpec& spec) {
  const wijkatlas::test::TempDir dir;
  const fs::path actual_path = dir / (name + ".png");
  write_map(actual_path, spec, {});
  expect_png_matches_reference(name, actual_path);
}

TEST(MapReference, SmallMapMatchesItsReference) {
  MapSpec spec = test::small_map_spec();
  spec.page.dpi = 50;  // 413 x 585 px: small enough to commit, large enough to see labels move
  expect_matches_reference("small_map", spec);
}

// The base-map path on real data: the centre of Vaduz from the OSM extract in the data
// directory (buildings, streets with names, water, green, rail) at 1:5,000.
TEST(MapReference, OsmBaseMapOfVaduzMatchesItsReference) {
  const geo::Point centre = geo::Transformer("EPSG:4326").transform(geo::Point(9.5215, 47.1405));
  constexpr double half = 800;  // metres: a little more than an A4 frame shows at 1:5,000
  geo::BaseMapOptions read;
  read.bbox =
      geo::Box({centre.x() - half, centre.y() - half}, {centre.x() + half, centre.y() + half});
  geo::CollectingReporter quiet;
  MapSpec spec;
  spec.page = Page{Paper::a4, Orientation::portrait};
  spec.page.dpi = 50;  // small enough to commit, large enough to see a street or label move
  spec.title = "Vaduz";
  BaseMapLayer base;
  base.map = geo::load_osm_basemap(
      wijkatlas::test::data_file("osm/liechtenstein-2013-08-03.osm.pbf"), read, quiet);
  ASSERT_FALSE(base.map.lines.empty());
  spec.layers.emplace_back(std::move(base));
  spec.extent.centre = centre;
  spec.extent.scale = 5000;
  expect_matches_reference("osm_vaduz", spec);
}

// A base map tile of the meeting viewer as the server draws it: level 13 (1:1,500) in
// Klarendal from the bundled Arnhem extract, drawn with its metatile (names placed once for the
// block of 4 x 4 tiles).
TEST(MapReference, AViewerTileOfKlarendalMatchesItsReference) {
  const TileGrid grid;
  const double side = grid.resolution(13) * grid.tile_px;
  const TileCoord tile{13, static_cast<int>((191600 - grid.origin_x) / side),
                       static_cast<int>((grid.origin_y - 444600) / side)};
  const Metatile meta = metatile_of(grid, tile);
  geo::BaseMapOptions read;
  read.bbox = metatile_box(grid, meta, tile_read_buffer_px);
  geo::CollectingReporter quiet;
  std::vector<MapLayer> layers;
  layers.emplace_back(BaseMapLayer{
      geo::load_osm_basemap(wijkatlas::test::data_file("osm/arnhem_vt2021.osm.pbf"), read, quiet),
      true});
  for (RenderedTile& t : render_metatile(std::move(layers), grid, meta)) {
    if (!(t.tile == tile)) continue;
    const wijkatlas::test::TempDir dir;
    const fs::path actual_path = dir / "tile_klarendal_13.png";
    std::ofstream(actual_path, std::ios::binary)
        .write(reinterpret_cast<const char*>(t.png.data()),
               static_cast<std::streamsize>(t.png.size()));
    expect_png_matches_reference("tile_klarendal_13", actual_path);
    return;
  }
  FAIL() << "the metatile did not hold its tile";
}

}  // namespace
}  // namespace wijkatlas::render
