// Map tiles in the PDOK RD tile grid: the grid's arithmetic, metatiles, and street names that
// run across the tile edges inside a metatile.
#include <gtest/gtest.h>

#include <cmath>

#include "png_reader.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/tiles.hpp"

namespace wijkatlas::render {
namespace {

TEST(TileGrid, LevelZeroIsOneTileOfThePdokExtent) {
  const TileGrid grid;
  const geo::Box box = grid.tile_box({0, 0, 0});
  EXPECT_DOUBLE_EQ(box.min_corner().x(), -285401.92);
  EXPECT_DOUBLE_EQ(box.max_corner().y(), 903401.92);
  EXPECT_NEAR(box.max_corner().x(), 595401.92, 1e-6);
  EXPECT_NEAR(box.min_corner().y(), 22598.08, 1e-6);
  EXPECT_EQ(grid.tiles_per_side(0), 1);
  EXPECT_DOUBLE_EQ(grid.resolution(12), 0.84);
  EXPECT_NEAR(scale_denominator_of(grid.resolution(12)), 3000, 1e-9);
  EXPECT_NEAR(scale_denominator_of(grid.resolution(0)), 12'288'000, 1e-6);
}

TEST(TileGrid, ATileHoldsThePointItWasComputedFor) {
  const TileGrid grid;
  const geo::Point arnhem_oost(192900, 446150);
  for (int z = 0; z <= grid.max_level; ++z) {
    const double side = grid.resolution(z) * grid.tile_px;
    const TileCoord t{z, static_cast<int>(std::floor((arnhem_oost.x() - grid.origin_x) / side)),
                      static_cast<int>(std::floor((grid.origin_y - arnhem_oost.y()) / side))};
    const geo::Box b = grid.tile_box(t);
    EXPECT_LE(b.min_corner().x(), arnhem_oost.x()) << z;
    EXPECT_GT(b.max_corner().x(), arnhem_oost.x()) << z;
    EXPECT_LE(b.min_corner().y(), arnhem_oost.y()) << z;
    EXPECT_GT(b.max_corner().y(), arnhem_oost.y()) << z;
  }
}

TEST(TileGrid, TilesOutsideTheGridAreRefused) {
  const TileGrid grid;
  EXPECT_THROW(grid.tile_box({3, 8, 0}), render_error);
  EXPECT_THROW(grid.tile_box({3, 0, -1}), render_error);
  EXPECT_THROW(grid.tile_box({17, 0, 0}), render_error);
  EXPECT_FALSE(grid.contains({-1, 0, 0}));
}

TEST(Metatile, HoldsItsTilesAndCoversTheirGround) {
  const TileGrid grid;
  const Metatile meta = metatile_of(grid, {14, 9001, 7003});
  EXPECT_EQ(meta.x, 2250);
  EXPECT_EQ(meta.y, 1750);
  const auto tiles = tiles_of(grid, meta);
  ASSERT_EQ(tiles.size(), 16u);
  EXPECT_EQ(tiles.front(), (TileCoord{14, 9000, 7000}));
  EXPECT_EQ(tiles.back(), (TileCoord{14, 9003, 7003}));
  const geo::Box all = metatile_box(grid, meta);
  EXPECT_DOUBLE_EQ(all.min_corner().x(), grid.tile_box(tiles.front()).min_corner().x());
  EXPECT_DOUBLE_EQ(all.max_corner().y(), grid.tile_box(tiles.front()).max_corner().y());
  EXPECT_NEAR(all.max_corner().x(), grid.tile_box(tiles.back()).max_corner().x(), 1e-6);
  EXPECT_NEAR(all.min_corner().y(), grid.tile_box(tiles.back()).min_corner().y(), 1e-6);
  EXPECT_EQ(tiles_of(grid, metatile_of(grid, {0, 0, 0})).size(), 1u);
  EXPECT_EQ(tiles_of(grid, metatile_of(grid, {1, 1, 1})).size(), 4u);
}

// Dark pixels: only text is this dark on the quiet base map.
int dark_pixels(const test::RgbImage& image) {
  int n = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      if (image.at(x, y).r < 0x90) ++n;
  return n;
}

TEST(Metatile, AStreetNameRunsAcrossTheTileEdgesInsideIt) {
  const TileGrid grid;
  const Metatile meta = metatile_of(grid, {14, 9000, 7000});
  const geo::Box ground = metatile_box(grid, meta);
  const double mid_y = (ground.min_corner().y() + ground.max_corner().y()) / 2;
  geo::BaseMap map;
  geo::LineString street{{ground.min_corner().x() - 50, mid_y},
                         {ground.max_corner().x() + 50, mid_y}};
  map.lines.push_back({geo::LineClass::major_street, "Hommelseweg", {street}});
  std::vector<MapLayer> layers;
  layers.emplace_back(BaseMapLayer{map, true});
  const auto tiles = render_metatile(std::move(layers), grid, meta);
  ASSERT_EQ(tiles.size(), 16u);
  // The name sits at the middle of the street: the metatile's centre, where four tiles meet.
  // Drawn tile by tile it would be cut or missing; drawn on the metatile it runs across the
  // vertical edge there (text left and right of it) and across the horizontal one.
  std::vector<int> dark;
  for (const std::size_t i : {5u, 6u, 9u, 10u}) {
    const test::RgbImage image = test::read_png(tiles[i].png);
    EXPECT_EQ(image.width, 256);
    EXPECT_EQ(image.height, 256);
    dark.push_back(dark_pixels(image));
  }
  EXPECT_GT(dark[0] + dark[2], 0) << "left of the edge";
  EXPECT_GT(dark[1] + dark[3], 0) << "right of the edge";
  EXPECT_GT(dark[0] + dark[1], 0) << "above the edge";
  EXPECT_GT(dark[2] + dark[3], 0) << "below the edge";
  // Away from the street there is no text.
  EXPECT_EQ(dark_pixels(test::read_png(tiles[0].png)), 0);
}

TEST(Metatile, NoNameIsPlacedAcrossTheMetatilesOwnEdge) {
  const TileGrid grid;
  const Metatile meta = metatile_of(grid, {14, 9000, 7000});
  const geo::Box ground = metatile_box(grid, meta);
  // A short street whose only room for its name straddles the metatile's left edge.
  const double y = (ground.min_corner().y() + ground.max_corner().y()) / 2;
  const double x = ground.min_corner().x();
  const auto dark_in_block = [&](double from_x) {
    geo::BaseMap map;
    map.lines.push_back({geo::LineClass::major_street,
                         "Hommelseweg",
                         {geo::LineString{{from_x, y}, {from_x + 30, y}}}});
    std::vector<MapLayer> layers;
    layers.emplace_back(BaseMapLayer{map, true});
    int n = 0;
    for (const RenderedTile& t : render_metatile(std::move(layers), grid, meta))
      n += dark_pixels(test::read_png(t.png));
    return n;
  };
  EXPECT_EQ(dark_in_block(x - 15), 0);
  // The same street wholly inside the block has its name (so the first one was left out for
  // the edge, not for lack of room).
  EXPECT_GT(dark_in_block(x + 5), 0);
}

}  // namespace
}  // namespace wijkatlas::render
