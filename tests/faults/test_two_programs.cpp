// `wijkatlas` runs join, areas and info itself and loads only the libraries they use; every
// other command (and --version) runs in wijkatlas-full beside it, as if one program ran it
// (app/src/light_verbs.hpp).
#include <gtest/gtest.h>

#include "fault_fixtures.hpp"

namespace wijkatlas::test {
namespace {

namespace fs = std::filesystem;

// Libraries the renderer and the photo reader need, and join does not (GDAL itself needs
// Poppler, not its C++ interface).
const char* const heavy_libraries[] = {"file=libopencv_core", "file=libcairo", "file=libpango",
                                       "file=libpoppler-cpp", "file=libzbar"};

TEST(Programs, JoinLoadsNeitherTheRendererNorThePhotoReader) {
  TempDir dir;
  ChildOptions options;
  options.environment = {"LD_DEBUG=files"};  // the dynamic loader names every library it loads
  const ChildResult r =
      run_program({"join", "-q", "-o", (dir / "koppeling.gpkg").string()}, options);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "koppeling.gpkg"));
  ASSERT_NE(r.err.find("file=libgdal.so"), std::string::npos) << "no loader report: " << r.err;
  for (const char* library : heavy_libraries) EXPECT_LACKS(r.err, library);
}

TEST(Programs, OtherCommandsRunInTheFullProgram) {
  const ChildResult version = run_program({"--version"});
  ASSERT_EQ(version.code, 0) << version.err;
  EXPECT_NE(version.out.find("OpenCV"), std::string::npos) << version.out;
  EXPECT_NE(version.out.find("Cairo"), std::string::npos) << version.out;

  TempDir dir;
  const fs::path png = dir / "vaduz.png";
  const ChildResult map =
      run_program({"map", source_file("examples/maps/vaduz_straten.toml").string(), "-q",
                   "--no-date", "-o", png.string()});
  ASSERT_EQ(map.code, 0) << map.err;
  EXPECT_GT(fs::file_size(png), 10000u);
  // Its errors and exit codes are the full program's.
  const ChildResult missing =
      run_program({"map", (dir / "geen.toml").string(), "-o", (dir / "geen.png").string()});
  EXPECT_EQ(missing.code, 3) << missing.err;
  EXPECT_NE(missing.err.find("geen.toml"), std::string::npos) << missing.err;
}

TEST(Programs, WithoutTheFullProgramTheOtherCommandsSaySoAndJoinStillRuns) {
  TempDir dir;
  fs::create_directory(dir / "bin");
  ChildOptions alone;
  alone.program = dir / "bin" / "wijkatlas";
  fs::copy_file(WIJKATLAS_PROGRAM, *alone.program);
  const fs::path png = dir / "kaart.png";
  const ChildResult map = run_program(
      {"map", source_file("examples/maps/vaduz_straten.toml").string(), "-o", png.string()}, alone);
  EXPECT_EQ(map.code, 1) << map.err;
  EXPECT_NE(map.err.find("wijkatlas-full"), std::string::npos) << map.err;
  EXPECT_FALSE(fs::exists(png));
  const ChildResult join =
      run_program({"join", "-q", "-o", (dir / "koppeling.gpkg").string()}, alone);
  EXPECT_EQ(join.code, 0) << join.err;
}

}  // namespace
}  // namespace wijkatlas::test
