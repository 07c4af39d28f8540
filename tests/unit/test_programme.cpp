// The NPAO programme definition (datasets/npao_programma.toml) and its error messages.
#include <gtest/gtest.h>

#include "fifo_guard.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/programme.hpp"

namespace wijkatlas::geo {
namespace {

std::string config_error_of(std::string_view toml) {
  test::TempDir dir;
  try {
    load_programme(dir.write("programma.toml", toml));
  } catch (const config_error& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST(Programme, ShippedDefinitionHasTheFiveWijken) {
  const Programme p = load_programme(test::source_file("datasets/npao_programma.toml"));
  EXPECT_EQ(p.gemeentecode, "GM0202");
  std::vector<std::string> names;
  std::size_t buurten = 0;
  for (const auto& w : p.wijken) {
    names.push_back(w.naam);
    buurten += w.buurten.size();
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Geitenkamp", "Presikhaaf", "Klarendal",
                                             "Arnhemse Broek", "Malburgen"}));
  EXPECT_EQ(buurten, 29u);  // shared/datasets/cbs/programma_arnhem_oost_codes.csv
}

TEST(Programme, BuurtInTwoWijkenNamesLineAndOwner) {
  const std::string message = config_error_of(R"(naam = "p"
gemeentecode = "GM0202"
[[wijk]]
code = "a"
naam = "A"
buurten = ["BU02020423"]
[[wijk]]
code = "b"
naam = "B"
buurten = ["BU02020424",
  "BU02020423"]
)");
  EXPECT_NE(message.find("programma.toml:11"), std::string::npos) << message;
  EXPECT_NE(message.find("already part of programme wijk 'a'"), std::string::npos) << message;
}

TEST(Programme, NotABuurtCode) {
  const std::string message = config_error_of(
      "naam = \"p\"\ngemeentecode = \"GM0202\"\n[[wijk]]\ncode = \"a\"\nnaam = \"A\"\nbuurten = "
      "[\"WK020204\"]\n");
  EXPECT_NE(message.find(":6"), std::string::npos) << message;
  EXPECT_NE(message.find("not a CBS buurt code"), std::string::npos) << message;
}

TEST(Programme, MissingKeyAndSyntaxError) {
  EXPECT_NE(config_error_of("gemeentecode = \"GM0202\"\n").find("key 'naam': missing"),
            std::string::npos);
  const std::string syntax = config_error_of("naam = \"p\"\ngemeentecode = = \n");
  EXPECT_NE(syntax.find("programma.toml:2"), std::string::npos) << syntax;
}

TEST(Programme, MissingFileIsAnIoError) {
  EXPECT_THROW(load_programme("/nonexistent/programma.toml"), io_error);
}

TEST(Programme, FifoOrDeviceIsRefusedWithoutWaiting) {
  test::TempDir dir;
  const auto fifo = dir / "programma.toml";
  const std::string m = test::message_reading_fifo(fifo, [&] { load_programme(fifo); });
  EXPECT_NE(m.find("programma.toml: this is a named pipe (FIFO), not a file"), std::string::npos)
      << m;
  const auto zero = dir / "nul.toml";
  std::filesystem::create_symlink("/dev/zero", zero);
  EXPECT_THROW(load_programme(zero), data_error);
}

}  // namespace wijkatlas::geo
