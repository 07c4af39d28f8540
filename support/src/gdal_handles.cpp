#include "wijkatlas/support/gdal_handles.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <sqlite3.h>

#include <mutex>

namespace wijkatlas::support {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SQLite counts every allocation of every connection under one process-wide mutex, for
    // sqlite3_memory_used(), which neither GDAL nor wijkatlas asks: off, the 511,099 points
    // outside Arnhem's buurten of a join of 10^6 are written about 10% faster. Possible only
    // before SQLite is first used, so before GDAL is (later it is refused and changes nothing).
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    GDALAllRegister();
    // Our layers are always read as UTF-8; let the shapefile driver recode from its .cpg.
    CPLSetConfigOption("SHAPE_ENCODING", nullptr);
    // GDAL loads SpatiaLite into every GeoPackage and SQLite dataset it opens, for SQL functions
    // wijkatlas never calls (GeoPackage's own, such as those of the R*Tree triggers, are GDAL's),
    // and SpatiaLite opens PROJ's database each time: milliseconds per dataset. A user's own
    // setting wins.
    if (CPLGetConfigOption("SPATIALITE_LOAD", nullptr) == nullptr)
      CPLSetConfigOption("SPATIALITE_LOAD", "NO");
  });
}

std::string last_gdal_error(const std::string& fallback) {
  const char* message = CPLGetLastErrorMsg();
  return (message != nullptr && *message != '\0') ? std::string(message) : fallback;
}

QuietGdalErrors::QuietGdalErrors() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}
QuietGdalErrors::~QuietGdalErrors() {
  CPLPopErrorHandler();
}

ScopedConfig::ScopedConfig(const char* key, const char* value) : key_(key) {
  if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old;
  CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfig::~ScopedConfig() {
  CPLSetThreadLocalConfigOption(key_.c_str(), old_ ? old_->c_str() : nullptr);
}

}  // namespace wijkatlas::support
