// PDF and SVG output, checked with poppler's tools as an independent reader.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "command_output.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/pdf_document.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {
using wijkatlas::test::command_output;
using wijkatlas::test::shell_quoted;

// Dutch names with diacritics: the font must carry them and the PDF must keep them as text.
constexpr const char* dutch_title = "Presikhaaf – Sint Marten, Geitenkamp: één kaart, coöperatie";

void paint_title(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
  cairo_rectangle(cr, mm_to_pt(20), mm_to_pt(20), mm_to_pt(50), mm_to_pt(30));
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_text(cr, dutch_title, TextStyle{.size_pt = 14}, mm_to_pt(20), mm_to_pt(60));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(PdfOutput, PageSizeInPointsMatchesThePaper) {
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "a3.pdf";
  write_page(pdf, Page{Paper::a3, Orientation::landscape}, {}, paint_title);
  const std::string info = command_output("pdfinfo " + shell_quoted(pdf.string()));
  // A3 landscape: 420 x 297 mm = 1190.55 x 841.89 pt.
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+1190.55 x 841.89 pts)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+1\n)"))) << info;
}

TEST(PdfOutput, MetadataIsWrittenAndTheDateOnlyWhenAsked) {
  const wijkatlas::test::TempDir dir;
  DocumentInfo info{.title = "Arnhem-Oost atlas", .author = "Nationaal Programma Arnhem-Oost"};
  write_page(dir / "undated.pdf", Page{}, info, paint_title);
  const std::string undated =
      command_output("pdfinfo " + shell_quoted((dir / "undated.pdf").string()));
  EXPECT_TRUE(std::regex_search(undated, std::regex(R"(Title:\s+Arnhem-Oost atlas\n)"))) << undated;
  EXPECT_TRUE(
      std::regex_search(undated, std::regex(R"(Author:\s+Nationaal Programma Arnhem-Oost\n)")));
  EXPECT_TRUE(std::regex_search(undated, std::regex(R"(Creator:\s+wijkatlas\n)")));
  EXPECT_EQ(undated.find("CreationDate"), std::string::npos) << undated;

  info.created = std::chrono::sys_days{std::chrono::year{2024} / 3 / 15} + std::chrono::hours{9};
  write_page(dir / "dated.pdf", Page{}, info, paint_title);
  const std::string dated =
      command_output("pdfinfo -isodates " + shell_quoted((dir / "dated.pdf").string()));
  EXPECT_NE(dated.find("2024-03-15T09:00:00"), std::string::npos) << dated;
}

TEST(PdfOutput, TextStaysTextInThePinnedEmbeddedFont) {
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "text.pdf";
  write_page(pdf, Page{}, {}, paint_title);
  EXPECT_NE(
      command_output("pdftotext -enc UTF-8 " + shell_quoted(pdf.string()) + " -").find(dutch_title),
      std::string::npos);
  const std::string fonts = command_output("pdffonts " + shell_quoted(pdf.string()));
  // e.g. "ABCDEE+NotoSans-Regular  TrueType  WinAnsi  yes yes yes ..." : embedded, subset.
  EXPECT_TRUE(std::regex_search(fonts, std::regex(R"(\+NotoSans-Regular\s+\S.*\syes\s+yes\s)")))
      << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "a font is not embedded:\n" << fonts;
}

TEST(PdfOutput, OneDocumentCanHoldManyPages) {
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  PdfDocument document(pdf, Page{}, {});
  for (int i = 0; i < 3; ++i) document.add_page(paint_title);
  EXPECT_EQ(document.page_count(), 3);
  EXPECT_FALSE(std::filesystem::exists(pdf)) << "visible before finish()";
  document.finish();
  EXPECT_TRUE(std::regex_search(command_output("pdfinfo " + shell_quoted(pdf.string())),
                                std::regex(R"(Pages:\s+3\n)")));
}

TEST(SvgOutput, HasThePaperSizeAndTheDrawing) {
  const wijkatlas::test::TempDir dir;
  const auto svg = dir / "map.SVG";
  write_page(svg, Page{Paper::a4, Orientation::portrait}, {}, paint_title);
  const std::string content = read_file(svg);
  EXPECT_NE(content.find(R"(width="595.275591pt")"), std::string::npos) << content.substr(0, 300);
  EXPECT_NE(content.find(R"(height="841.889764pt")"), std::string::npos);
  EXPECT_NE(content.find("rgb(20%,40%,60%)"), std::string::npos) << "the filled rectangle";
}

TEST(Output, AFailedDrawingLeavesNoFileBehind) {
  const wijkatlas::test::TempDir dir;
  for (const char* name : {"broken.pdf", "broken.svg"}) {
    EXPECT_THROW(write_page(dir / name, Page{}, {},
                            [](cairo_t* cr) {
                              paint_title(cr);
                              throw std::runtime_error("painter failed");
                            }),
                 std::runtime_error);
  }
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 0u);
}

TEST(Output, CairoErrorsInThePainterBecomeRenderErrors) {
  const wijkatlas::test::TempDir dir;
  // Restoring more than was saved puts the context in an error state.
  EXPECT_THROW(write_page(dir / "bad.pdf", Page{}, {}, [](cairo_t* cr) { cairo_restore(cr); }),
               render_error);
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 0u);
}

TEST(Output, UnwritableOrUnknownOutputsAreNamed) {
  const wijkatlas::test::TempDir dir;
  try {
    write_page(dir / "missing" / "map.pdf", Page{}, {}, paint_title);
    FAIL() << "no exception";
  } catch (const output_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
  }
  EXPECT_THROW(write_page(dir / "map.tiff", Page{}, {}, paint_title), render_error);
  EXPECT_EQ(output_format_for("x/Kaart.PDF"), OutputFormat::pdf);
}

TEST(Text, PinnedFontIsInstalledAndMissingFontsAreNamed) {
  EXPECT_NO_THROW(require_font_family(default_font_family));
  EXPECT_NO_THROW(require_font_family("noto sans"));
  try {
    require_font_family("Comic Sans Nonexistent");
    FAIL() << "no exception";
  } catch (const render_error& e) {
    EXPECT_NE(std::string(e.what()).find("Comic Sans Nonexistent"), std::string::npos);
  }
}

TEST(Text, MeasuredWidthGrowsWithSizeAndText) {
  const TextSize small = measure_text("Geitenkamp", TextStyle{.size_pt = 10});
  const TextSize large = measure_text("Geitenkamp", TextStyle{.size_pt = 20});
  EXPECT_GT(small.width_pt, 30);
  EXPECT_NEAR(large.width_pt, 2 * small.width_pt, 0.01 * small.width_pt)
      << "unhinted: linear in size";
  EXPECT_GT(measure_text("Geitenkamp-Noord", TextStyle{.size_pt = 10}).width_pt, small.width_pt);
  EXPECT_GT(small.baseline_pt, 0);
  EXPECT_LT(small.baseline_pt, small.height_pt);
}

}  // namespace
}  // namespace wijkatlas::render
