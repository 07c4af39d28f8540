// The printed scale, measured on a rendered PDF with poppler: two RD points 500 m apart at
// 1:2,500 must be 200 mm apart on the page (the issue allows 0.5%).
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "command_output.hpp"
#include "test_support.hpp"
#include "wijkatlas/render/map_frame.hpp"
#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {

struct WordBox {
  double x_min_pt = 0;
  double y_min_pt = 0;
};

// Words and their boxes from `pdftotext -bbox` (points, origin top-left).
std::map<std::string, WordBox> word_boxes(const std::filesystem::path& pdf) {
  const std::string html = wijkatlas::test::command_output(
      "pdftotext -bbox " + wijkatlas::test::shell_quoted(pdf.string()) + " -");
  const std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]+)</word>)re");
  std::map<std::string, WordBox> boxes;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it) {
    boxes[(*it)[3]] = {std::stod((*it)[1]), std::stod((*it)[2])};
  }
  return boxes;
}

TEST(ScaleOnPaper, FiveHundredMetresMeasureTwoHundredMillimetresInThePdf) {
  const Page page{Paper::a4, Orientation::landscape};
  const geo::Point centre{193'000, 444'000};
  const MapFrame frame = MapFrame::at_scale(centre, 2'500, page.content_mm());
  // Markers with the same glyph widths, each starting exactly at its RD point.
  const std::map<std::string, geo::Point> markers{
      {"West1", {centre.x() - 250, centre.y()}},
      {"East1", {centre.x() + 250, centre.y()}},
      {"North1", {centre.x() - 100, centre.y() + 150}},
      {"South1", {centre.x() - 100, centre.y() - 150}},
  };
  const wijkatlas::test::TempDir dir;
  const auto pdf = dir / "scale.pdf";
  write_page(pdf, page, {}, [&](cairo_t* cr) {
    for (const auto& [name, point] : markers) {
      const PaperPoint p = frame.to_paper(point);
      draw_text(cr, name, TextStyle{.size_pt = 8}, mm_to_pt(p.x_mm), mm_to_pt(p.y_mm));
    }
  });

  const auto boxes = word_boxes(pdf);
  ASSERT_EQ(boxes.size(), 4u) << "pdftotext found other words than the markers";
  const double east_west_mm = pt_to_mm(boxes.at("East1").x_min_pt - boxes.at("West1").x_min_pt);
  EXPECT_NEAR(east_west_mm, 200.0, 200.0 * 0.005);
  // 300 m north-south: 120 mm, north above south.
  const double north_south_mm = pt_to_mm(boxes.at("South1").y_min_pt - boxes.at("North1").y_min_pt);
  EXPECT_NEAR(north_south_mm, 120.0, 120.0 * 0.005);
}

}  // namespace
}  // namespace wijkatlas::render
