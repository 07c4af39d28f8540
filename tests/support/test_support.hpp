#pragma once
// Helpers shared by every test: a private temporary directory per test, and the paths to the
// real data directory and to the project's own files.
#include <filesystem>
#include <string>
#include <string_view>

namespace wijkatlas::test {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }
  // Writes `content` to a file in this directory and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

// The real data directory (../shared/datasets unless configured). Fails the test, never skips,
// when it is missing: CI must not pass on an empty machine.
std::filesystem::path data_dir();
std::filesystem::path data_file(std::string_view relative);

// A file of the source tree: datasets/, examples/, tests/fixtures/.
std::filesystem::path source_file(std::string_view relative);

// Number of files in a directory (to check that a failed write left nothing behind).
std::size_t file_count(const std::filesystem::path& dir);

// The whole file as bytes ("" when it cannot be read).
std::string slurp(const std::filesystem::path& path);

}  // namespace wijkatlas::test

// `text` (anything a std::string can be made of) contains `needle`; shows the text when not.
#define EXPECT_CONTAINS(text, needle) \
  EXPECT_NE(std::string(text).find(needle), std::string::npos) << "in: " << (text)

namespace wijkatlas::test {}  // namespace wijkatlas::test
