// The libraries are for every front end: none of them parses a command line, and no message
// they produce names a command-line flag (a browser user would see it). The command line (app/)
// words a library error's field as its flag.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "test_support.hpp"

namespace wijkatlas {
namespace {

namespace fs = std::filesystem;

// server/ is a front end, but a browser's user sees its messages: it names no flag either.
constexpr const char* library_dirs[] = {"support", "geo",     "render", "sketch",
                                        "store",   "project", "server"};

// Files still allowed to name flags: none (the project store's errors are store_error kinds
// that the command line words).
const std::set<std::string> allowed = {};

std::vector<fs::path> library_sources() {
  std::vector<fs::path> out;
  for (const char* dir : library_dirs) {
    for (const auto& entry : fs::recursive_directory_iterator(test::source_file(dir))) {
      const auto ext = entry.path().extension();
      if (ext == ".cpp" || ext == ".hpp") out.push_back(entry.path());
    }
  }
  return out;
}

TEST(LibraryBoundaries, NoLibraryMessageNamesACommandLineFlag) {
  // "--" and a letter inside a string literal on a line that is not a comment.
  const std::regex flag_in_literal(R"re("[^"]*--[A-Za-z][^"]*")re");
  std::size_t files = 0;
  for (const fs::path& path : library_sources()) {
    ++files;
    std::ifstream in(path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      const auto code = line.substr(0, line.find("//"));
      const std::string file = fs::relative(path, test::source_file("")).string();
      if (std::regex_search(code, flag_in_literal) && !allowed.contains(file)) {
        ADD_FAILURE() << file << ":" << number << " names a flag in a string: " << line;
      }
    }
  }
  EXPECT_GT(files, 100u) << "the library sources were not found";
}

TEST(LibraryBoundaries, OnlyTheCommandLineIncludesCli11) {
  for (const fs::path& path : library_sources()) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      EXPECT_EQ(line.find("#include <CLI/"), std::string::npos) << path << ": " << line;
    }
  }
}

}  // namespace
}  // namespace wijkatlas
