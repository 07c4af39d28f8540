#include "fuzz_support.hpp"

#include <cpl_error.h>
#include <unistd.h>

#include <fstream>

namespace wijkatlas::fuzz {

std::filesystem::path input_file(const std::uint8_t* data, std::size_t size,
                                 const std::string& name) {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("wijkatlas-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  const std::filesystem::path path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

void quiet_gdal() {
  CPLSetErrorHandler(CPLQuietErrorHandler);
}

}  // namespace wijkatlas::fuzz
