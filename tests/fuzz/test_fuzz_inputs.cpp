// Every parser of outside input on the inputs fuzzing keeps: the seed corpora (fuzz/corpus/),
// and each input that once crashed, hung or threw something other than a wijkatlas::error
// (fuzz/regressions/<case>/, named after what it found). A case only returns or refuses
// the input with a wijkatlas::error; anything else fails here, also without a fuzz build.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "fuzz_cases.hpp"
#include "test_support.hpp"

namespace wijkatlas::test {
namespace {

std::vector<std::filesystem::path> inputs(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path root = source_file("fuzz") / dir;
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace
}  // namespace wijkatlas::test

namespace wijkatlas::fuzz {
void PrintTo(const FuzzCase& c, std::ostream* os) {
  *os << c.name;
}
}  // namespace wijkatlas::fuzz

namespace wijkatlas::test {
namespace {

class FuzzInputs : public ::testing::TestWithParam<fuzz::FuzzCase> {};

TEST_P(FuzzInputs, OnlyOurErrorsComeOut) {
  const fuzz::FuzzCase& c = GetParam();
  const auto seeds = inputs("corpus/" + std::string(c.name));
  EXPECT_FALSE(seeds.empty()) << "no seed corpus for " << c.name;
  auto all = seeds;
  for (const auto& f : inputs("regressions/" + std::string(c.name))) all.push_back(f);
  for (const auto& file : all) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    EXPECT_NO_THROW(c.run(bytes.data(), bytes.size())) << file;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, FuzzInputs, ::testing::ValuesIn(fuzz::fuzz_cases()),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

}  // namespace
}  // namespace wijkatlas::test
