#include "fault_fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace wijkatlas::test {

std::string drawing_with_points(int count, int seed) {
  std::string json = R"({"type":"FeatureCollection","features":[)";
  for (int i = 0; i < count; ++i) {
    char point[256];
    std::snprintf(point, sizeof point,
                  R"(%s{"type":"Feature","properties":{"categorie":"idee","naam":"punt %d-%d"},)"
                  R"("geometry":{"type":"Point","coordinates":[%.6f,%.6f]}})",
                  i == 0 ? "" : ",", seed, i, 5.9200 + 0.00001 * (i % 100),
                  51.9900 + 0.00001 * (i / 100) + 0.0001 * seed);
    json += point;
  }
  return json + "]}";
}

std::vector<std::string> atlas_args(const TempDir& dir, const std::filesystem::path& pdf,
                                    const std::filesystem::path& png_dir, int dpi) {
  const std::string resolution = "dpi = " + std::to_string(dpi) + "\n";
  const auto overview = dir.write("overzicht.toml", R"([map]
title = "Arnhem-Oost"
paper = "A4"
orientation = "landscape"
)" + resolution + R"(

[extent]
level = "programma"
smallest_scale = 50000

[[layer]]
type = "areas"
level = "buurt"
label = "naam"
)");
  const auto wijk = dir.write("wijk.toml", R"([map]
title = "{naam}"
paper = "A3"
)" + resolution + R"(

[extent]
level = "programma"
area = "klarendal"

[[layer]]
type = "areas"
level = "buurt"
label = "naam"
)");
  std::vector<std::string> args{"atlas",           "-q",         "--no-date",   "--overview",
                                overview.string(), "--wijk-map", wijk.string(), "-o",
                                pdf.string()};
  if (!png_dir.empty()) args.insert(args.end(), {"--png-dir", png_dir.string()});
  return args;
}

void expect_clear_write_failure(const ChildResult& r, const std::filesystem::path& output) {
  EXPECT_FALSE(r.signalled) << "ended by signal " << r.code - 128 << "\n" << r.err;
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_CONTAINS(r.err, output.filename().string());
  const bool says_why = r.err.find("disk is full") != std::string::npos ||
                        r.err.find("file size limit") != std::string::npos;
  EXPECT_TRUE(says_why) << "no reason a user can act on in: " << r.err;
  for (const char* raw : {"Write Error", "malformed", "SELECT ", "INSERT ", "CREATE ", "disk I/O",
                          "File too large", "internal error", ".tmp"}) {
    EXPECT_LACKS(r.err, raw);
  }
  EXPECT_LT(r.err.size(), 1000u) << "a page of text: " << r.err;
}

}  // namespace wijkatlas::test
