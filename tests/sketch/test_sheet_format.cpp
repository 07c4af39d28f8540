// The sheet format: the QR payload round-trips, bad payloads say what is wrong, typed ids are
// forgiving, fiducials sit outside the frame, and page <-> RD is exact.
#include <gtest/gtest.h>

#include <set>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch {
namespace {

SheetInfo a3_sheet() {
  SheetInfo s;
  s.id = "K7Q-4M2";
  s.extent = geo::Box({191000, 443000}, {191750, 443500});  // 300 x 200 mm at 1:2,500
  s.scale = 2500;
  s.paper = "A3";
  s.orientation = "landscape";
  s.page_width_mm = 420;
  s.page_height_mm = 297;
  s.frame = {30, 30, 300, 200};
  return s;
}

TEST(SheetFormat, PayloadRoundTrips) {
  const SheetInfo s = a3_sheet();
  const std::string payload = encode_payload(s);
  EXPECT_LT(payload.size(), 300u) << "small enough for a robust QR code";
  const SheetInfo back = decode_payload(payload);
  EXPECT_EQ(back.id, s.id);
  EXPECT_EQ(back.project, "npao");
  EXPECT_EQ(back.crs, "EPSG:28992");
  EXPECT_DOUBLE_EQ(back.extent.min_corner().x(), 191000);
  EXPECT_DOUBLE_EQ(back.extent.max_corner().y(), 443500);
  EXPECT_DOUBLE_EQ(back.scale, 2500);
  EXPECT_EQ(back.paper, "A3");
  EXPECT_EQ(back.orientation, "landscape");
  EXPECT_DOUBLE_EQ(back.page_width_mm, 420);
  EXPECT_DOUBLE_EQ(back.frame.width, 300);
  EXPECT_DOUBLE_EQ(back.marker_mm, s.marker_mm);
  EXPECT_DOUBLE_EQ(back.marker_gap_mm, s.marker_gap_mm);
}

TEST(SheetFormat, BadPayloadsSayWhatIsWrong) {
  const auto message = [](const std::string& text) {
    try {
      decode_payload(text);
    } catch (const data_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("https://example.org").find("not a wijkatlas sheet"), std::string::npos);
  EXPECT_NE(message(R"({"app":"other","v":1})").find("another program"), std::string::npos);
  EXPECT_NE(message(R"({"app":"wijkatlas","v":7})").find("version 7"), std::string::npos);
  std::string no_extent = encode_payload(a3_sheet());
  no_extent.replace(no_extent.find("\"ext\""), 5, "\"xxx\"");
  EXPECT_NE(message(no_extent).find("'ext' is missing"), std::string::npos);
  // Found by fuzzing (fuzz/regressions/sheet_payload): a version too large for an int was
  // converted to one (undefined behaviour; "version -2147483648" in a release build).
  EXPECT_NE(message(R"({"app":"wijkatlas","v":1e75})").find("version 1e+75 is not supported"),
            std::string::npos)
      << message(R"({"app":"wijkatlas","v":1e75})");
  EXPECT_NE(message(R"({"app":"wijkatlas","v":"1"})").find("version \"1\" is not supported"),
            std::string::npos);
}

// The photo reader sizes its images from the payload: a QR code describing a sheet that cannot
// exist (a frame of a kilometre, markers bigger than the page) is refused, not allocated.
TEST(SheetFormat, PayloadsOfImpossibleSheetsAreRefused) {
  // The A3 sheet's payload with one field's value replaced.
  const auto with = [](const std::string& field, const std::string& value) {
    std::string text = encode_payload(a3_sheet());
    const std::size_t from = text.find("\"" + field + "\":") + field.size() + 3;
    const std::size_t to =
        text[from] == '[' ? text.find(']', from) + 1 : text.find_first_of(",}", from);
    return text.replace(from, to - from, value);
  };
  const auto refused = [&](const std::string& field, const std::string& value) {
    try {
      decode_payload(with(field, value));
    } catch (const data_error& e) {
      return std::string(e.what()).find("field '" + field + "'") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(refused("fr", "[30,30,1000000,200]"));
  EXPECT_TRUE(refused("fr", "[-5,30,300,200]"));
  EXPECT_TRUE(refused("pg", "[420000,297]"));
  EXPECT_TRUE(refused("mk", "[12000,3]"));
  EXPECT_TRUE(refused("mk", "[12,-3]"));
  EXPECT_TRUE(refused("sc", "1e300"));
  EXPECT_THROW(decode_payload(with("ext", "[191000,443000,1e999,443800]")), data_error);
  EXPECT_FALSE(refused("fr", "[30,30,300,200]"));
}

TEST(SheetFormat, IdsAreShortAndTypedIdsAreForgiving) {
  std::set<std::string> ids;
  for (int i = 0; i < 200; ++i) {
    const std::string id = new_sheet_id();
    ASSERT_EQ(id.size(), 7u);
    EXPECT_EQ(id[3], '-');
    EXPECT_EQ(normalise_sheet_id(id), id);
    ids.insert(id);
  }
  EXPECT_GT(ids.size(), 195u);
  EXPECT_EQ(normalise_sheet_id("k7q 4m2"), "K7Q-4M2");
  EXPECT_EQ(normalise_sheet_id("ko1-il0"), "K01-110");
  EXPECT_THROW(normalise_sheet_id("K7Q-4M"), usage_error);
  EXPECT_THROW(normalise_sheet_id("K7Q-4M2!"), usage_error);
}

TEST(SheetFormat, MarkersSurroundTheFrameOutsideIt) {
  const SheetInfo s = a3_sheet();
  const auto markers = marker_placements(s);
  ASSERT_EQ(markers.size(), 8u);
  for (const MarkerPlacement& m : markers) {
    EXPECT_EQ(m.aruco_id, static_cast<int>(m.position));
    const bool left_of = m.square.x + m.square.width <= s.frame.x - s.marker_gap_mm + 1e-9;
    const bool right_of = m.square.x >= s.frame.x + s.frame.width + s.marker_gap_mm - 1e-9;
    const bool above = m.square.y + m.square.height <= s.frame.y - s.marker_gap_mm + 1e-9;
    const bool below = m.square.y >= s.frame.y + s.frame.height + s.marker_gap_mm - 1e-9;
    EXPECT_TRUE(left_of || right_of || above || below)
        << "marker " << m.aruco_id << " touches the frame";
    EXPECT_GE(m.square.x, 0);
    EXPECT_LE(m.square.x + m.square.width, s.page_width_mm);
  }
  EXPECT_DOUBLE_EQ(markers[0].square.x + markers[0].square.width,
                   s.frame.x - s.marker_gap_mm);  // top-left
  EXPECT_DOUBLE_EQ(markers[4].square.y,
                   s.frame.y + s.frame.height + s.marker_gap_mm);  // bottom-right
}

TEST(SheetFormat, PageAndWorldAreExactInverses) {
  const SheetInfo s = a3_sheet();
  const geo::Point top_left = page_to_world(s, s.frame.x, s.frame.y);
  EXPECT_DOUBLE_EQ(top_left.x(), 191000);
  EXPECT_DOUBLE_EQ(top_left.y(), 443500);
  // 200 mm at 1:2,500 is 500 m.
  const geo::Point p = page_to_world(s, s.frame.x + 200, s.frame.y + 200);
  EXPECT_DOUBLE_EQ(p.x(), 191500);
  EXPECT_DOUBLE_EQ(p.y(), 443000);
  const auto back = world_to_page(s, {191234.5, 443321.25});
  const geo::Point again = page_to_world(s, back[0], back[1]);
  EXPECT_NEAR(again.x(), 191234.5, 1e-9);
  EXPECT_NEAR(again.y(), 443321.25, 1e-9);
}

TEST(SheetFormat, CategoriesHaveDutchNames) {
  EXPECT_EQ(to_string(InkCategory::probleem), "probleem");
  EXPECT_EQ(ink_category_from_string("fijne plek"), InkCategory::fijne_plek);
  EXPECT_EQ(ink_category_from_string("wens"), InkCategory::idee);
  EXPECT_THROW(ink_category_from_string("paars"), config_error);
}

}  // namespace
}  // namespace wijkatlas::sketch
