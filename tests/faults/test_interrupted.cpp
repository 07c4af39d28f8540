// Ctrl-C (SIGINT) and SIGTERM while `map` or `atlas` writes (issue 15): the hidden temporary
// file goes, an earlier output stays as it was, and the program ends by the signal (a shell sees
// 128 + the signal: 130, 143).
#include <gtest/gtest.h>
#include <signal.h>

#include "fault_fixtures.hpp"

namespace wijkatlas::test {
namespace {

namespace fs = std::filesystem;

// Runs `args` (which write `output` in `dir`) and sends `signal_number` once the hidden
// temporary file is there.
void expect_interrupted_cleanly(const TempDir& dir, const std::vector<std::string>& args,
                                const fs::path& output, int signal_number) {
  const std::string before = file_bytes(output);
  ChildOptions options;
  options.signal = signal_number;
  options.signal_when = [&] { return !hidden_temporary_files(dir.path()).empty(); };
  const ChildResult r = run_program(args, options);
  ASSERT_TRUE(r.signal_sent) << "finished before its temporary file was seen: " << r.err;
  EXPECT_TRUE(r.signalled) << r.err;
  EXPECT_EQ(r.code, 128 + signal_number) << r.err;
  EXPECT_EQ(hidden_temporary_files(dir.path()), std::vector<fs::path>{});
  EXPECT_TRUE(file_bytes(output) == before) << output << " changed";
}

std::vector<std::string> big_png_map(const fs::path& png) {
  return {"map",   source_file("examples/maps/vaduz_straten.toml").string(),
          "-q",    "--no-date",
          "--dpi", "600",
          "-o",    png.string()};
}

TEST(Interrupted, CtrlCDuringMapLeavesNoTemporaryFile) {
  TempDir dir;
  expect_interrupted_cleanly(dir, big_png_map(dir / "vaduz.png"), dir / "vaduz.png", SIGINT);
}

TEST(Interrupted, SigtermDuringMapKeepsTheEarlierMap) {
  TempDir dir;
  const auto png = dir / "vaduz.png";
  dir.write("vaduz.png", "de kaart van gisteren");
  expect_interrupted_cleanly(dir, big_png_map(png), png, SIGTERM);
}

TEST(Interrupted, SigtermAndCtrlCDuringAtlasLeaveNoTemporaryFile) {
  TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  const auto atlas = atlas_args(dir, pdf, dir / "png");
  expect_interrupted_cleanly(dir, atlas, pdf, SIGTERM);
  expect_interrupted_cleanly(dir, atlas, pdf, SIGINT);
}

}  // namespace
}  // namespace wijkatlas::test
