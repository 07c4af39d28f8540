// Indicator tables: CBS sentinels, decimal commas, null markers and every bad value named by
// file, line and column.
#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/indicators.hpp"

namespace wijkatlas::geo {
namespace {

using test::TempDir;

IndicatorTable read_csv(const TempDir& dir, std::string_view content) {
  CollectingReporter reporter;
  return read_indicators(dir.write("indicatoren.csv", content), {}, reporter);
}

// The message of the data_error thrown by reading `content`, or "" when nothing is thrown.
std::string error_of(std::string_view content) {
  TempDir dir;
  try {
    read_csv(dir, content);
  } catch (const data_error& e) {
    return e.what();
  }
  return {};
}

const Value& value(const IndicatorTable& t, std::size_t row, std::string_view column) {
  return t.rows.at(row).values.at(t.column_by_stem(column).value());
}

}  // namespace

TEST(Indicators, CbsSentinelsBecomeNull) {
  EXPECT_TRUE(is_cbs_sentinel(-99999999));
  EXPECT_TRUE(is_cbs_sentinel(-99997));
  EXPECT_TRUE(is_cbs_sentinel(-99995));
  EXPECT_FALSE(is_cbs_sentinel(-5));
  EXPECT_FALSE(is_cbs_sentinel(0));

  TempDir dir;
  const auto t = read_csv(dir,
                          "regiocode,aantal_inwoners,gemiddelde_woningwaarde\n"
                          "BU02020423,1200,-99997\n"
                          "BU02020424,-99999999,250\n");
  EXPECT_EQ(t.key_column, "regiocode");
  EXPECT_TRUE(is_null(value(t, 0, "gemiddelde_woningwaarde")));
  EXPECT_TRUE(is_null(value(t, 1, "aantal_inwoners")));
  EXPECT_EQ(as_number(value(t, 0, "aantal_inwoners")), 1200.0);
  EXPECT_EQ(as_number(value(t, 1, "gemiddelde_woningwaarde")), 250.0);
}

TEST(Indicators, StatlineNullMarkersAndDecimalCommas) {
  TempDir dir;
  // A semicolon CSV as Dutch spreadsheets write it, with CBS StatLine's "." for "no value".
  const auto t = read_csv(dir,
                          "WijkenEnBuurten;GemiddeldeHuishoudensgrootte_33;Naam\n"
                          "BU02020423;2,1;Presikhaaf I\n"
                          "BU02020424;         .;Presikhaaf II\n");
  EXPECT_EQ(as_number(value(t, 0, "GemiddeldeHuishoudensgrootte")), 2.1);
  EXPECT_TRUE(is_null(value(t, 1, "GemiddeldeHuishoudensgrootte")));
  ASSERT_EQ(t.numeric.size(), 2u);
  EXPECT_FALSE(t.numeric[*t.column_by_stem("Naam")]) << "a column of names stays text";
}

TEST(Indicators, ColumnStemIgnoresCbsNumberSuffix) {
  EXPECT_EQ(cbs_column_stem("AantalInwoners_5"), "AantalInwoners");
  EXPECT_EQ(cbs_column_stem("k_65JaarOfOuder_12"), "k_65JaarOfOuder");
  EXPECT_EQ(cbs_column_stem("aantal_inwoners"), "aantal_inwoners");
}

TEST(Indicators, NonNumericValueNamesFileLineAndColumn) {
  const std::string message =
      error_of("regiocode,aantal_inwoners\nBU02020423,1200\nBU02020424,veel\nBU02020425,900\n");
  EXPECT_NE(message.find("indicatoren.csv"), std::string::npos) << message;
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  EXPECT_NE(message.find("'veel'"), std::string::npos) << message;
  EXPECT_NE(message.find("aantal_inwoners"), std::string::npos) << message;
}

TEST(Indicators, DuplicateCodesNameBothLines) {
  // The same buurt twice, once without prefix and leading zero.
  const std::string message =
      error_of("regiocode,aantal_inwoners\nBU02020423,1200\nBU02020424,800\n2020423,1300\n");
  EXPECT_NE(message.find("line 4"), std::string::npos) << message;
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
  EXPECT_NE(message.find("twice"), std::string::npos) << message;
}

TEST(Indicators, NonUtf8TextNamesTheLine) {
  const std::string message =
      error_of("regiocode,naam\nBU02020423,Presikhaaf\nBU02020424,Caf\xe9 de Hoek\n");
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;
}

TEST(Indicators, MissingKeyColumnIsAnError) {
  const std::string message = error_of("naam,aantal\nPresikhaaf,3\n");
  EXPECT_NE(message.find("no column with CBS codes"), std::string::npos) << message;
}

}  // namespace wijkatlas::geo
