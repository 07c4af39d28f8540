#include "wijkatlas/geo/data_dir.hpp"

#include <cstdlib>
#include <vector>

#include "wijkatlas/geo/error.hpp"

#ifndef WIJKATLAS_SOURCE_DIR
#define WIJKATLAS_SOURCE_DIR "."
#endif
#ifndef WIJKATLAS_DEFAULT_DATA_DIR
#define WIJKATLAS_DEFAULT_DATA_DIR "../shared/datasets"
#endif

namespace wijkatlas::geo {

std::filesystem::path resolve_data_dir(const std::string& explicit_dir) {
  std::vector<std::filesystem::path> tried;
  auto usable = [&](const std::filesystem::path& p) {
    tried.push_back(p);
    std::error_code ec;
    return std::filesystem::is_directory(p, ec);
  };
  if (!explicit_dir.empty()) {
    if (usable(explicit_dir)) return explicit_dir;
    throw about_field(config_error(explicit_dir, "", "the data directory does not exist"),
                      "data_dir");
  }
  if (const char* env = std::getenv("WIJKATLAS_DATA_DIR"); env != nullptr && *env != '\0') {
    if (usable(env)) return env;
    throw config_error(env, "WIJKATLAS_DATA_DIR", "the data directory does not exist");
  }
  for (const std::filesystem::path& candidate :
       {std::filesystem::path("../shared/datasets"),
        std::filesystem::path(WIJKATLAS_DEFAULT_DATA_DIR)}) {
    if (usable(candidate)) return candidate;
  }
  std::string list;
  for (const auto& p : tried) list += (list.empty() ? "" : ", ") + p.string();
  throw about_field(config_error("", "data directory",
                                 "not found (tried " + list +
                                     "); name one or set WIJKATLAS_DATA_DIR, "
                                     "and see datasets/README.md to fetch the data"),
                    "data_dir");
}

std::filesystem::path project_file(const std::filesystem::path& relative) {
  std::error_code ec;
  if (std::filesystem::exists(relative, ec)) return relative;
  return std::filesystem::path(WIJKATLAS_SOURCE_DIR) / relative;
}

}  // namespace wijkatlas::geo
