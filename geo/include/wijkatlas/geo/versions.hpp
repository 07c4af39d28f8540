#pragma once
// The versions of the libraries a module runs with (not the ones it was built against), for
// `--version` and bug reports, as osmium and GDAL's tools print them.
#include <string>
#include <utility>
#include <vector>

namespace wijkatlas::geo {

using LibraryVersions = std::vector<std::pair<std::string, std::string>>;  // name, version

// GDAL, GEOS and PROJ.
LibraryVersions library_versions();

}  // namespace wijkatlas::geo
