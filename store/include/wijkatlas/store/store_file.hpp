#pragma once
// Whether a file is a project store, without opening it as one (which could upgrade it): so that
// commands that write files refuse to replace a store by accident.
#include <filesystem>
#include <string>
#include <string_view>

namespace wijkatlas::store {

// True for an SQLite file with the store's project table; false for anything else, a file that
// cannot be read included. Never writes.
bool is_store_file(const std::filesystem::path& path);

// Whether a location names a PostgreSQL store ("PG:..."), not a GeoPackage file.
bool is_postgresql_location(std::string_view location);

// The location as another working directory finds it: a GeoPackage path made absolute, a
// PostgreSQL connection string as it is.
std::string absolute_location(const std::string& location);

}  // namespace wijkatlas::store
