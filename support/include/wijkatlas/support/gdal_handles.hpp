#pragma once
// RAII for GDAL/OGR: datasets, features, geometries, spatial references. GDAL's own unique
// pointers are used where GDAL provides them.
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <string>

namespace wijkatlas::support {

using GdalDataset = GDALDatasetUniquePtr;
using OgrFeature = OGRFeatureUniquePtr;

struct OgrGeometryDeleter {
  void operator()(OGRGeometry* g) const noexcept { OGRGeometryFactory::destroyGeometry(g); }
};
using OgrGeometryPtr = std::unique_ptr<OGRGeometry, OgrGeometryDeleter>;

struct OgrSpatialReferenceDeleter {
  void operator()(OGRSpatialReference* s) const noexcept {
    if (s != nullptr) s->Release();
  }
};
using OgrSpatialReferencePtr = std::unique_ptr<OGRSpatialReference, OgrSpatialReferenceDeleter>;

// Registers GDAL drivers once per process.
void ensure_gdal_registered();

// GDAL's last error message, or `fallback` when GDAL said nothing.
std::string last_gdal_error(const std::string& fallback);

// Keeps GDAL's error messages out of stderr for its lifetime; they are collected in CPL's
// last-error slot and reported through our exceptions instead.
class QuietGdalErrors {
 public:
  QuietGdalErrors();
  ~QuietGdalErrors();
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

// Sets a GDAL configuration option for this thread for its lifetime, restoring the old value.
class ScopedConfig {
 public:
  ScopedConfig(const char* key, const char* value);
  ~ScopedConfig();
  ScopedConfig(const ScopedConfig&) = delete;
  ScopedConfig& operator=(const ScopedConfig&) = delete;

 private:
  std::string key_;
  std::optional<std::string> old_;
};

}  // namespace wijkatlas::support
