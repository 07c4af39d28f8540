#include "wijkatlas/geo/versions.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace wijkatlas::geo {

LibraryVersions library_versions() {
  return {{"GDAL", GDALVersionInfo("RELEASE_NAME")},
          {"GEOS", GEOSversion()},
          {"PROJ", proj_info().version}};
}

}  // namespace wijkatlas::geo
