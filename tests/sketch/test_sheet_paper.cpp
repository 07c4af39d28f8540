// Table-sized sheets: on A1 and A0 the margin panel (title, key, session box, scale and credits,
// QR caption) is read by people standing round the table, so its text grows with the paper.
// Measured on the PDF by an independent reader (pdftotext -bbox), word by word.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "sheet_test_support.hpp"
#include "test_support.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::sketch::test {
namespace {

using wijkatlas::store::ProjectStore;
using wijkatlas::test::TempDir;
constexpr double pt_per_mm = 72 / 25.4;

struct Word {
  std::string text;
  double x_min, y_min, x_max, y_max;  // points
  double height_mm() const { return (y_max - y_min) / pt_per_mm; }
};

struct PrintedSheet {
  SheetInfo sheet;
  std::vector<Word> panel;  // the words right of the marker ring (landscape)
  std::vector<Word> names;  // words of four letters or more inside the map frame (not grid labels)
  double page_width_mm = 0;
};

PrintedSheet print(const std::string& paper) {
  TempDir dir;
  const auto pdf = dir / "blad.pdf";
  const auto store = dir / "project.gpkg";
  const CliRun r = run_wijkatlas({"sheet", "--area", "Presikhaaf", "--paper", paper, "--session",
                                  "Tafelgesprek Presikhaaf", "--date", "24 november 2026",
                                  "--store", store.string(), "--no-date", "-o", pdf.string()});
  if (r.code != 0) throw std::runtime_error(r.err);
  std::smatch id;
  if (!std::regex_search(r.out, id, std::regex("blad-id: ([0-9A-Z-]+)")))
    throw std::runtime_error(r.out);
  PrintedSheet out;
  out.sheet = ProjectStore::open(store.string()).find_sheet(id[1])->sheet;
  out.page_width_mm = out.sheet.page_width_mm;
  const double ring_right_mm =
      out.sheet.frame.x + out.sheet.frame.width + marker_ring_mm(out.sheet);
  const std::string html = command_output("pdftotext -bbox " + quoted(pdf) + " -");
  const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it) {
    const Word w{(*it)[5], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                 std::stod((*it)[4])};
    if (w.x_min / pt_per_mm > ring_right_mm) out.panel.push_back(w);
    const auto& f = out.sheet.frame;
    const bool in_frame = w.x_min / pt_per_mm > f.x && w.x_max / pt_per_mm < f.x + f.width &&
                          w.y_min / pt_per_mm > f.y && w.y_max / pt_per_mm < f.y + f.height;
    if (in_frame && w.text.size() >= 4) out.names.push_back(w);
  }
  return out;
}

const Word* find(const PrintedSheet& s, const std::string& text) {
  for (const Word& w : s.panel) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

double median_name_mm(const PrintedSheet& s) {
  std::vector<double> heights;
  for (const Word& w : s.names) heights.push_back(w.height_mm());
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2),
                   heights.end());
  return heights[heights.size() / 2];
}

double smallest_mm(const PrintedSheet& s) {
  double smallest = 1e9;
  for (const Word& w : s.panel) smallest = std::min(smallest, w.height_mm());
  return smallest;
}

TEST(SheetPaper, PanelTextReadsFromAcrossTheTable) {
  const PrintedSheet a3 = print("A3"), a1 = print("A1"), a0 = print("A0");
  for (const PrintedSheet* s : {&a3, &a1, &a0}) {
    ASSERT_GT(s->panel.size(), 30u) << s->sheet.paper;
    // Key, session box, scale bar, credits and the QR caption are all there...
    for (const char* text : {"probleem", "Sessie", "Schaal", "Bron:", "Blad", "tekenen"}) {
      EXPECT_NE(find(*s, text), nullptr) << text << " on " << s->sheet.paper;
    }
    // ...and on the page, not run off its edge (a long title shrinks to fit).
    for (const Word& w : s->panel)
      EXPECT_LT(w.x_max / pt_per_mm, s->page_width_mm - 4) << w.text << " on " << s->sheet.paper;
  }
  // Every word of the panel, the smallest print included (credits, the note under the QR
  // code, the scale bar's numbers), is large enough for its reading distance: about 60 cm for
  // A3, 1 m for A1 and 1.5 m for A0.
  EXPECT_GT(smallest_mm(a3), 2.0);
  EXPECT_GT(smallest_mm(a1), 4.5) << "A1";
  EXPECT_GT(smallest_mm(a0), 7.0) << "A0";
  // The key grows with the table: over 3x its A3 size on A0.
  EXPECT_GT(find(a0, "probleem")->height_mm(), 3 * find(a3, "probleem")->height_mm());
  // Names inside the map (buurten, landmarks) grow too, less than the panel: about 1.5x on A1
  // and 1.8x on A0.
  ASSERT_GT(a3.names.size(), 3u);
  EXPECT_GT(median_name_mm(a1), 1.35 * median_name_mm(a3)) << "A1";
  EXPECT_GT(median_name_mm(a0), 1.65 * median_name_mm(a3)) << "A0";
  EXPECT_LT(median_name_mm(a0), 2.2 * median_name_mm(a3))
      << "A0: the map's names must not crowd out the map";
  // And the map keeps its room: the programme wijk still fits A0 at 1:5.000.
  ASSERT_DOUBLE_EQ(a0.sheet.scale, 5000);
  // The enlarged scale bar still measures true: 500 m is 100 mm at 1:5.000 (tick labels are
  // centred on their ticks).
  const Word* zero = find(a0, "0");
  const Word* end = find(a0, "500");
  ASSERT_TRUE(zero && end);
  EXPECT_NEAR(zero->y_min, end->y_min, 0.5);
  EXPECT_NEAR(((end->x_min + end->x_max) - (zero->x_min + zero->x_max)) / 2 / pt_per_mm, 100, 0.5);
}

}  // namespace
}  // namespace wijkatlas::sketch::test
