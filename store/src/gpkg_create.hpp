#pragma once
// A new GeoPackage store, complete or not at all, and never over an existing file.
#include <filesystem>
#include <functional>
#include <string>

#include "backend.hpp"

namespace wijkatlas::store::detail {

// Builds the store with `build` in a hidden temporary file beside `path`, switches it to WAL
// mode and then moves it to `path` with renameat2(RENAME_NOREPLACE) (or link(), where the
// file system lacks it): of two processes creating one store at once, one wins and the other
// gets already_exists, and nobody ever sees half a schema. Throws already_exists,
// bad_location, read_only or write_failed.
void create_geopackage(const std::string& location, const std::filesystem::path& path,
                       const OpenOptions& options, const std::function<void(Backend&)>& build);

}  // namespace wijkatlas::store::detail
