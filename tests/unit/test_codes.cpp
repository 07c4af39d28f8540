#include <gtest/gtest.h>

#include "wijkatlas/geo/codes.hpp"

namespace wijkatlas::geo {

TEST(CbsCodes, PrefixesAndLeadingZerosDoNotMatter) {
  EXPECT_EQ(parse_cbs_code("BU02020423"), parse_cbs_code("BU2020423"));
  const auto bare = parse_cbs_code("2020423");
  ASSERT_TRUE(bare);
  EXPECT_FALSE(bare->level);
  EXPECT_EQ(bare->digits, parse_cbs_code("BU02020423")->digits);
  EXPECT_EQ(parse_cbs_code("bu02020423")->level, Level::buurt);
  EXPECT_EQ(parse_cbs_code(" WK020204 ")->level, Level::wijk);
  EXPECT_EQ(parse_cbs_code("GM0202")->level, Level::gemeente);
}

TEST(CbsCodes, RejectsWhatIsNoCode) {
  EXPECT_FALSE(parse_cbs_code(""));
  EXPECT_FALSE(parse_cbs_code("Presikhaaf"));
  EXPECT_FALSE(parse_cbs_code("XX0202"));
}

TEST(CbsCodes, ParentCodes) {
  EXPECT_EQ(wijkcode_of_buurt("BU02020423"), "WK020204");
  EXPECT_EQ(wijkcode_of_buurt("WK020204"), "");
  EXPECT_EQ(gemeentecode_of("BU02020423"), "GM0202");
  EXPECT_EQ(gemeentecode_of("WK020204"), "GM0202");
}

}  // namespace wijkatlas::geo
