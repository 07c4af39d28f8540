#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

namespace wijkatlas::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  // Test name plus a random suffix: tests run in parallel and shuffled.
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "wijkatlas";
  for (auto& c : name) {
    if (c == '/' || c == ' ') c = '_';
  }
  std::random_device random;
  path_ = fs::temp_directory_path() / ("wijkatlas-test-" + name + "-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path TempDir::write(std::string_view name, std::string_view content) const {
  const fs::path file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file;
}

fs::path data_dir() {
  const fs::path dir = WIJKATLAS_TEST_DATA_DIR;
  if (!fs::exists(dir / "cbs")) {
    ADD_FAILURE() << "data directory " << dir
                  << " has no cbs/ folder; set WIJKATLAS_DATA_DIR at configure time";
  }
  return dir;
}

fs::path data_file(std::string_view relative) {
  const fs::path file = data_dir() / relative;
  if (!fs::exists(file)) ADD_FAILURE() << "missing data file " << file;
  return file;
}

fs::path source_file(std::string_view relative) {
  const fs::path file = fs::path(WIJKATLAS_TEST_SOURCE_DIR) / relative;
  if (!fs::exists(file)) ADD_FAILURE() << "missing project file " << file;
  return file;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t file_count(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace wijkatlas::test
