// A typo must not destroy the project (issue 15): an output that is one of the command's inputs
// (also under another name or through a symlink), or that is a project store, is refused before
// any work, and the file is left exactly as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.hpp"
#include "test_support.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/store/project_store.hpp"
#include "wijkatlas/store/store_file.hpp"

namespace wijkatlas::app {
namespace {
namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;

}  // namespace

TEST(OutputsApart, AStoreIsNeverReplacedByAnOutput) {
  TempDir dir;
  const fs::path store_path = dir / "project.gpkg";
  store::ProjectStore::create(store_path.string(), "npao");
  ASSERT_TRUE(store::is_store_file(store_path));
  const std::string before = slurp(store_path);

  const auto overlap =
      test::run_wijkatlas({"overlap", "--store", store_path.string(), "-o", store_path.string()});
  EXPECT_EQ(overlap.code, exit_usage) << overlap.err;
  EXPECT_CONTAINS(overlap.err, "-o: ");
  EXPECT_CONTAINS(overlap.err, "is the project store");

  // Not the command's own store, but a store all the same.
  const auto areas = test::run_wijkatlas({"areas", "-o", store_path.string()});
  EXPECT_EQ(areas.code, exit_usage) << areas.err;
  EXPECT_CONTAINS(areas.err, "is a project store");
  EXPECT_EQ(slurp(store_path), before) << "the store was changed";
  EXPECT_TRUE(store::is_store_file(store_path));
}

TEST(OutputsApart, AnInputUnderAnotherNameOrThroughASymlinkIsRefused) {
  TempDir dir;
  const fs::path points = dir / "punten.csv";
  fs::copy_file(test::source_file("examples/initiatieven_arnhem_oost.csv"), points);
  const std::string before = slurp(points);
  fs::create_directory(dir / "sub");
  fs::create_symlink(points, dir / "koppeling.csv");

  for (const fs::path& csv : {dir / "sub" / ".." / "punten.csv", dir / "koppeling.csv"}) {
    const auto r = test::run_wijkatlas({"join", "--points", points.string(), "-o",
                                        (dir / "uit.gpkg").string(), "--csv", csv.string()});
    EXPECT_EQ(r.code, exit_usage) << csv << ": " << r.err;
    EXPECT_CONTAINS(r.err, "--csv: ");
    EXPECT_CONTAINS(r.err, "is the input points");
  }
  EXPECT_EQ(slurp(points), before);
  EXPECT_FALSE(fs::exists(dir / "uit.gpkg"));
}

TEST(OutputsApart, TwoOutputsOfOneCommandNeedTwoNames) {
  TempDir dir;
  const auto r = test::run_wijkatlas(
      {"join", "-o", (dir / "uit.gpkg").string(), "--csv", (dir / "." / "uit.gpkg").string()});
  EXPECT_EQ(r.code, exit_usage) << r.err;
  EXPECT_CONTAINS(r.err, "--csv: ");
  EXPECT_CONTAINS(r.err, "is also the name of another output");
  EXPECT_FALSE(fs::exists(dir / "uit.gpkg"));
}

TEST(OutputsApart, AMapDefinitionIsNotItsOwnOutput) {
  TempDir dir;
  const fs::path definition = dir / "kaart.svg";  // an odd name, but a name a typo can give
  fs::copy_file(test::source_file("examples/maps/arnhem_oost_overzicht.toml"), definition);
  const std::string before = slurp(definition);
  const auto r = test::run_wijkatlas({"map", definition.string(), "-o", definition.string()});
  EXPECT_EQ(r.code, exit_usage) << r.err;
  EXPECT_CONTAINS(r.err, "is the map definition");
  EXPECT_EQ(slurp(definition), before);
}

}  // namespace wijkatlas::app
