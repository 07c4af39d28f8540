#pragma once
// The libraries the store runs with, for `--version` (geo reports GDAL itself).
#include "wijkatlas/geo/versions.hpp"

namespace wijkatlas::store {

// SQLite, under the GeoPackage backend.
geo::LibraryVersions library_versions();

}  // namespace wijkatlas::store
