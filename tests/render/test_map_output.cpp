// Whole map pages written to PDF and PNG, read back with poppler and libpng.
#include <gtest/gtest.h>

#include <regex>

#include "command_output.hpp"
#include "map_fixture.hpp"
#include "png_reader.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/map.hpp"

namespace wijkatlas::render {
namespace {
using wijkatlas::test::command_output;
using wijkatlas::test::shell_quoted;

TEST(MapOutput, PdfHasThePaperSizeTitleLegendAndCredits) {
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "kaart.pdf";
  MapSpec spec = test::small_map_spec();
  spec.date = "Gemaakt op 01-02-2026";
  write_map(pdf, spec, {.title = spec.title});
  const std::string info = command_output("pdfinfo " + shell_quoted(pdf.string()));
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595.276 x 841.89 pts)"))) << info;
  const std::string text = command_output("pdftotext -layout " + shell_quoted(pdf.string()) + " -");
  for (const char* expected :
       {"Testwijk", "Een vaste kaart voor de referentietest", "Inwoners per km²", "Initiatieven",
        "groen (2)", "ontmoeten (1)", "Geen gegevens (1)", "Programmawijk", "Bron: CBS, Kadaster",
        "© OpenStreetMap-bijdragers", "Gemaakt op 01-02-2026", "Schaal 1:", "Hoekwijk",
        "Hoofdstraat", "N"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(MapOutput, WithoutADateTheMapCarriesNone) {
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "kaart.pdf";
  write_map(pdf, test::small_map_spec(), {});
  const std::string text = command_output("pdftotext " + shell_quoted(pdf.string()) + " -");
  EXPECT_EQ(text.find("Gemaakt"), std::string::npos);
  EXPECT_EQ(command_output("pdfinfo " + shell_quoted(pdf.string())).find("CreationDate"),
            std::string::npos);
}

TEST(MapOutput, BandedPngEqualsAOneBandRender) {
  const wijkatlas::test::TempDir dir;
  MapSpec spec = test::small_map_spec();
  spec.page.dpi = 60;
  write_map(dir / "one.png", spec, {}, {.band_rows = 10'000});
  write_map(dir / "bands.png", spec, {}, {.band_rows = 37});
  const auto one = test::read_png(dir / "one.png");
  const auto bands = test::read_png(dir / "bands.png");
  ASSERT_EQ(one.rgb.size(), bands.rgb.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < one.rgb.size(); i += 3) {
    const int d =
        std::max({std::abs(one.rgb[i] - bands.rgb[i]), std::abs(one.rgb[i + 1] - bands.rgb[i + 1]),
                  std::abs(one.rgb[i + 2] - bands.rgb[i + 2])});
    if (d > 2) ++differing;
  }
  // Culling per band must not drop anything that reaches into a band.
  EXPECT_EQ(differing, 0u);
}

}  // namespace
}  // namespace wijkatlas::render
