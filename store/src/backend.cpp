// Which backend a location names: "PG:..." a PostgreSQL database with PostGIS, anything else a
// GeoPackage path.
#include "backend.hpp"

#include <filesystem>

#include "gpkg_backend.hpp"
#include "gpkg_create.hpp"
#include "pg_backend.hpp"

namespace wijkatlas::store::detail {
namespace {

bool names_postgresql_uri(std::string_view location) {
  const auto starts = [&](std::string_view prefix) {
    return location.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), location.begin(), [](char a, char b) {
             return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
  };
  return starts("postgresql://") || starts("postgres://");
}

void require_location(std::string_view location) {
  if (location.empty()) raise(ErrorKind::bad_location, "", "no store location given");
  if (names_postgresql_uri(location)) {
    raise(ErrorKind::bad_location, "postgresql://...",
          "write a PostgreSQL store as PG:host=... port=... dbname=... active_schema=PROJECT");
  }
}

}  // namespace

std::unique_ptr<Backend> open_backend(std::string_view location, const OpenOptions& options) {
  require_location(location);
  if (names_postgresql(location)) return open_postgis(location, options);
  const std::string text(location);
  probe_geopackage(text, std::filesystem::path(text), options);
  return open_geopackage(text, std::filesystem::path(text), options);
}

std::unique_ptr<Backend> create_backend(std::string_view location, const OpenOptions& options,
                                        const std::function<void(Backend&)>& build) {
  require_location(location);
  if (names_postgresql(location)) return create_postgis(location, options, build);
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
