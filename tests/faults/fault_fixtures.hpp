#pragma once
// What the fault tests run: commands that write each kind of output, and checks of what a failed
// or killed run must leave behind.
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

namespace wijkatlas::test {

// A digital drawing (GeoJSON, WGS84, in Klarendal) with `count` points.
std::string drawing_with_points(int count, int seed = 0);

// `wijkatlas atlas` writing `pdf` and one PNG per page at `dpi` in `png_dir` (unless empty),
// with map definitions of areas only (written into `dir`): a few seconds, where the example
// atlas with its base map takes half a minute.
std::vector<std::string> atlas_args(const TempDir& dir, const std::filesystem::path& pdf,
                                    const std::filesystem::path& png_dir, int dpi = 150);

// Checks a failed write's message: names the output by its own name (not only a hidden
// temporary one), says why in words, and is no page of SQL or a library's raw text.
void expect_clear_write_failure(const ChildResult& r, const std::filesystem::path& output);

}  // namespace wijkatlas::test

#define EXPECT_LACKS(text, needle) \
  EXPECT_EQ((text).find(needle), std::string::npos) << "in: " << (text)
