// Which backend a location names: "PG:..." a PostgreSQL database (the next backend), anything
// else a GeoPackage path.
#include "backend.hpp"

#include <filesystem>

#include "gpkg_backend.hpp"
#include "gpkg_create.hpp"

namespace wijkatlas::store::detail {
namespace {

bool names_postgresql(std::string_view location) {
  const auto starts = [&](std::string_view prefix) {
    return location.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), location.begin(), [](char a, char b) {
             return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
  };
  return starts("pg:") || starts("postgresql://") || starts("postgres://");
}

void require_geopackage(std::string_view location) {
  if (location.empty()) raise(ErrorKind::bad_location, "", "no store location given");
  if (names_postgresql(location)) {
    raise(ErrorKind::bad_location, std::string(location),
          "a PostgreSQL store: this wijkatlas keeps projects in GeoPackage files only");
  }
}

}  // namespace

std::unique_ptr<Backend> open_backend(std::string_view location, const OpenOptions& options) {
  require_geopackage(location);
  const std::string text(location);
  probe_geopackage(text, std::filesystem::path(text), options);
  return open_geopackage(text, std::filesystem::path(text), options);
}

std::unique_ptr<Backend> create_backend(std::string_view location, const OpenOptions& options,
                                        const std::function<void(Backend&)>& build) {
  require_geopackage(location);
  const std::string text(location);
  create_geopackage(text, std::filesystem::path(text), options, build);
  return open_backend(location, options);
}

std::string sql_literal(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace wijkatlas::store::detail
