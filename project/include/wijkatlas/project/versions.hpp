#pragma once
// What this wijkatlas runs with: its own version and every library's, as they run.
#include <string>

#include "wijkatlas/geo/versions.hpp"

namespace wijkatlas::project {

std::string wijkatlas_version();

// GDAL, GEOS, PROJ, Cairo, Pango, SQLite and, where the photo reader is built, OpenCV, zbar,
// poppler.
geo::LibraryVersions library_versions();

}  // namespace wijkatlas::project
