// Rendering to memory: a file and a buffer hold the same bytes for PDF, SVG and PNG (banded PNG
// included), a buffer is a whole document that independent readers accept, and a sink that
// throws stops the render with its own exception and is sent nothing more.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "command_output.hpp"
#include "map_fixture.hpp"
#include "png_reader.hpp"
#include "sheet_spec_fixture.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/map_panels.hpp"
#include "wijkatlas/render/pdf_document.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {
using wijkatlas::test::command_output;
using wijkatlas::test::shell_quoted;
using Bytes = std::vector<std::byte>;

Bytes read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<char> chars{std::istreambuf_iterator<char>(in), {}};
  Bytes bytes(chars.size());
  std::transform(chars.begin(), chars.end(), bytes.begin(),
                 [](char c) { return static_cast<std::byte>(c); });
  return bytes;
}

std::filesystem::path write_bytes(const std::filesystem::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::string_view as_text(const Bytes& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Keeps every piece it is sent, in order, and counts the calls.
struct CollectingSink {
  Bytes bytes;
  int calls = 0;

  ByteSink sink() {
    return [this](std::span<const std::byte> piece) {
      ++calls;
      bytes.insert(bytes.end(), piece.begin(), piece.end());
    };
  }
};

// What a client that went away looks like to the renderer: not a wijkatlas error at all.
struct ClientGone : std::runtime_error {
  ClientGone() : std::runtime_error("client went away") {}
};

// Takes `limit` bytes and throws on the piece that would pass it; counts calls after that.
struct FailingSink {
  std::size_t limit = 0;
  std::size_t received = 0;
  int calls_after_failure = 0;
  bool failed = false;

  ByteSink sink() {
    return [this](std::span<const std::byte> piece) {
      if (failed) {
        ++calls_after_failure;
        return;
      }
      if (received + piece.size() > limit) {
        failed = true;
        throw ClientGone();
      }
      received += piece.size();
    };
  }
};

MapSpec low_resolution_map() {
  MapSpec spec = test::small_map_spec();
  spec.page.dpi = 60;  // a 496 x 702 px PNG
  return spec;
}

// Cairo names an SVG's top group after the surface's process-wide serial number
// (<g id="surface7">), so two SVGs of one page differ there and nowhere else, whether they go
// to a file or to memory. Everything else must be equal byte for byte.
std::string comparable(const Bytes& bytes, OutputFormat format) {
  const std::string text(as_text(bytes));
  if (format != OutputFormat::svg) return text;
  return std::regex_replace(text, std::regex(R"(<g id="surface[0-9]+">)"), R"(<g id="surface">)");
}

// Many bands: the PNG is encoded on the second thread while the next band is painted.
constexpr RasterOptions small_bands{.band_rows = 37};

// Parameterised by extension: "pdf", "svg" or "png".
class MemoryOutput : public testing::TestWithParam<const char*> {
 protected:
  OutputFormat output_format() const { return output_format_for(std::string("x.") + GetParam()); }
};

TEST_P(MemoryOutput, AMapInMemoryHasTheBytesOfItsFile) {
  const OutputFormat format = output_format();
  const MapSpec spec = low_resolution_map();
  const DocumentInfo info{.title = spec.title};
  const wijkatlas::test::TempDir dir;
  const auto path = dir / (std::string("kaart.") + GetParam());
  const MapPlan file_plan = write_map(path, spec, info, small_bands);
  const Bytes file = read_bytes(path);
  ASSERT_GT(file.size(), 1000u);

  const Bytes memory = render_map(format, spec, info, small_bands);
  EXPECT_EQ(memory.size(), file.size());
  EXPECT_TRUE(comparable(memory, format) == comparable(file, format)) << "different bytes";

  CollectingSink pieces;
  const MapPlan sink_plan = write_map(pieces.sink(), format, spec, info, small_bands);
  EXPECT_TRUE(comparable(pieces.bytes, format) == comparable(file, format));
  EXPECT_GT(pieces.calls, 1) << "written as it is made, not in one piece at the end";
  EXPECT_EQ(sink_plan.labels.size(), file_plan.labels.size());
  EXPECT_EQ(sink_plan.legend_entries.size(), file_plan.legend_entries.size());
}

TEST_P(MemoryOutput, ASinkThatThrowsStopsTheRenderWithItsOwnException) {
  const OutputFormat format = output_format();
  const MapSpec spec = low_resolution_map();
  const std::size_t whole = render_map(format, spec, {}, small_bands).size();
  // Halfway: for PNG that is in the rows the second thread encodes, for PDF inside Cairo.
  FailingSink failing{.limit = whole / 2};
  EXPECT_THROW(write_map(failing.sink(), format, spec, {}, small_bands), ClientGone);
  EXPECT_TRUE(failing.failed);
  EXPECT_EQ(failing.calls_after_failure, 0) << "the sink was written to after it failed";
}

TEST_P(MemoryOutput, AFailedDrawingSendsNoMore) {
  const OutputFormat format = output_format();
  CollectingSink pieces;
  int bands = 0;
  EXPECT_THROW(write_page(
                   pieces.sink(), format, Page{.dpi = 50}, {},
                   [&](cairo_t* cr) {
                     cairo_rectangle(cr, 10, 10, 100, 100);
                     cairo_fill(cr);
                     if (++bands == 2 || format != OutputFormat::png) {
                       throw std::runtime_error("painter failed");
                     }
                   },
                   RasterOptions{.band_rows = 100}),
               std::runtime_error);
  // Destroying an unfinished Cairo surface would write the rest of the document (a complete
  // PDF, a closed SVG): the sink must not get it.
  const std::string_view text = as_text(pieces.bytes);
  EXPECT_EQ(text.find("%%EOF"), std::string_view::npos);
  EXPECT_EQ(text.find("</svg>"), std::string_view::npos);
  EXPECT_EQ(text.find("IEND"), std::string_view::npos);
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, MemoryOutput, testing::Values("pdf", "svg", "png"),
                         [](const testing::TestParamInfo<const char*>& extension) {
                           return std::string(extension.param);
                         });

TEST(MemoryOutput, APdfBufferIsAWholePdf) {
  const Bytes pdf = render_map(OutputFormat::pdf, test::small_map_spec(), {.title = "Testwijk"});
  const std::string_view text = as_text(pdf);
  EXPECT_TRUE(text.starts_with("%PDF-")) << text.substr(0, 20);
  EXPECT_TRUE(text.ends_with("%%EOF") || text.ends_with("%%EOF\n"))
      << text.substr(text.size() - 20);
  // The same input gives the same bytes (no creation date unless one is asked for).
  EXPECT_TRUE(render_map(OutputFormat::pdf, test::small_map_spec(), {.title = "Testwijk"}) == pdf);

  const wijkatlas::test::TempDir dir;
  const auto file = write_bytes(dir / "buffer.pdf", pdf);
  const std::string info = command_output("pdfinfo " + shell_quoted(file));
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Title:\s+Testwijk\n)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595.276 x 841.89 pts)"))) << info;
  EXPECT_NE(command_output("pdftotext " + shell_quoted(file) + " -").find("Hoofdstraat"),
            std::string::npos);
}

TEST(MemoryOutput, APngBufferDecodesToThePageInPixels) {
  const MapSpec spec = low_resolution_map();
  const Bytes png = render_map(OutputFormat::png, spec, {}, small_bands);
  const test::RgbImage image = test::read_png(png);
  EXPECT_EQ(image.width, 496);   // 210 mm at 60 dpi
  EXPECT_EQ(image.height, 702);  // 297 mm
  EXPECT_EQ(image.width, spec.page.raster_size().width);
  EXPECT_EQ(image.height, spec.page.raster_size().height);
  const auto coloured = std::count_if(image.rgb.begin(), image.rgb.end(),
                                      [](std::uint8_t channel) { return channel < 200; });
  EXPECT_GT(coloured, 10'000) << "the map is drawn, not a blank page";
}

TEST(MemoryOutput, AnSvgBufferHasThePaperSize) {
  const Bytes svg = render_map(OutputFormat::svg, test::small_map_spec(), {});
  const std::string_view text = as_text(svg);
  EXPECT_TRUE(text.starts_with("<?xml")) << text.substr(0, 40);
  EXPECT_NE(text.find(R"(width="595.275591pt")"), std::string_view::npos);
  EXPECT_NE(text.find("</svg>"), std::string_view::npos);
}

TEST(MemoryOutput, MediaTypesForHttp) {
  EXPECT_EQ(media_type(OutputFormat::pdf), "application/pdf");
  EXPECT_EQ(media_type(OutputFormat::svg), "image/svg+xml");
  EXPECT_EQ(media_type(OutputFormat::png), "image/png");
}

void paint_square(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
  cairo_rectangle(cr, mm_to_pt(20), mm_to_pt(20), mm_to_pt(50), mm_to_pt(30));
  cairo_fill(cr);
}

// An atlas-like document: an A3 landscape overview, then portrait pages with bookmarks.
void add_atlas_pages(PdfDocument& document) {
  document.add_page(paint_square, Page{Paper::a3, Orientation::landscape}, "Overzicht");
  document.add_page(paint_square, Page{}, "Geitenkamp");
  document.add_page(paint_square);
}

TEST(MemoryOutput, APdfDocumentWritesToASinkWhatItWritesToAFile) {
  const wijkatlas::test::TempDir dir;
  const DocumentInfo info{.title = "Atlas Arnhem-Oost"};
  PdfDocument to_file(dir / "atlas.pdf", Page{}, info);
  add_atlas_pages(to_file);
  to_file.finish();

  CollectingSink pieces;
  PdfDocument to_sink(pieces.sink(), Page{}, info);
  add_atlas_pages(to_sink);
  EXPECT_EQ(to_sink.page_count(), 3);
  to_sink.finish();
  EXPECT_TRUE(pieces.bytes == read_bytes(dir / "atlas.pdf"));

  const auto copy = write_bytes(dir / "copy.pdf", pieces.bytes);
  const std::string pages = command_output("pdfinfo -f 1 -l 3 " + shell_quoted(copy));
  EXPECT_TRUE(std::regex_search(pages, std::regex(R"(Pages:\s+3\n)"))) << pages;
  EXPECT_TRUE(std::regex_search(pages, std::regex(R"(Page\s+1 size:\s+1190.55 x 841.89 pts)")))
      << pages;
  EXPECT_TRUE(std::regex_search(pages, std::regex(R"(Page\s+3 size:\s+595.276 x 841.89 pts)")))
      << pages;
}

TEST(MemoryOutput, AnUnfinishedPdfDocumentSendsNoMoreWhenDestroyed) {
  CollectingSink pieces;
  {
    PdfDocument document(pieces.sink(), Page{}, {});
    add_atlas_pages(document);
  }
  EXPECT_EQ(as_text(pieces.bytes).find("%%EOF"), std::string_view::npos);
}

TEST(MemoryOutput, ASinkThatThrowsLeavesAPdfDocumentWithItsException) {
  FailingSink failing{.limit = 200};
  EXPECT_THROW(
      {
        PdfDocument document(failing.sink(), Page{}, {});
        add_atlas_pages(document);
        document.finish();
      },
      ClientGone);
  EXPECT_TRUE(failing.failed);
  EXPECT_EQ(failing.calls_after_failure, 0);
}

TEST(MemoryOutput, SheetsAndPanelsInMemoryHaveTheBytesOfTheirFiles) {
  const wijkatlas::test::TempDir dir;
  const geo::Point& c = test::sheet_centre;
  DrawingSheetSpec sheet = test::a3_sheet_spec({geo::BaseLine{
      geo::LineClass::major_street, "Hommelseweg",
      geo::MultiLineString{geo::LineString{{c.x() - 300, c.y()}, {c.x() + 300, c.y()}}}}});
  const DrawingSheetResult from_file = write_drawing_sheet(dir / "blad.pdf", sheet, {});
  CollectingSink sheet_bytes;
  const DrawingSheetResult from_sink =
      write_drawing_sheet(sheet_bytes.sink(), OutputFormat::pdf, sheet, {});
  EXPECT_TRUE(sheet_bytes.bytes == read_bytes(dir / "blad.pdf"));
  EXPECT_EQ(from_sink.qr_modules, from_file.qr_modules);
  EXPECT_EQ(from_sink.labels, from_file.labels);

  // Two A4 portrait maps side by side on A3 landscape, as compare draws them.
  const MapSpec spec = test::small_map_spec();
  const MapPlan plan = plan_map(spec);
  const std::array<MapPanel, 2> panels{MapPanel{&spec, &plan, {0, 0}},
                                       MapPanel{&spec, &plan, {210, 0}}};
  Page a3{Paper::a3, Orientation::landscape};
  a3.dpi = 40;
  write_map_panels(dir / "panelen.png", a3, panels, {}, small_bands);
  CollectingSink panel_bytes;
  write_map_panels(panel_bytes.sink(), OutputFormat::png, a3, panels, {}, small_bands);
  EXPECT_TRUE(panel_bytes.bytes == read_bytes(dir / "panelen.png"));
  EXPECT_EQ(test::read_png(panel_bytes.bytes).width, a3.raster_size().width);
}

TEST(MemoryOutput, AFileIsStillWrittenWholeOrNotAtAll) {
  const wijkatlas::test::TempDir dir;
  for (const char* name : {"kaart.pdf", "kaart.svg", "kaart.png"}) {
    EXPECT_THROW(write_page(dir / name, Page{.dpi = 50}, {},
                            [](cairo_t*) { throw std::runtime_error("painter failed"); }),
                 std::runtime_error);
  }
  EXPECT_EQ(wijkatlas::test::file_count(dir.path()), 0u);
  EXPECT_THROW(write_page(dir / "missing" / "kaart.png", Page{}, {}, paint_square), output_error);
}

}  // namespace
}  // namespace wijkatlas::render
