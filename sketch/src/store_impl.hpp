#pragma once
// The store's state behind ProjectStore's pointer.
#include <gdal_priv.h>

#include <filesystem>
#include <string>

#include "store_gdal.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::sketch {

struct ProjectStore::Impl {
  std::filesystem::path path;
  std::string project;
  GDALDatasetUniquePtr ds;

  OGRLayer& table(const char* name) const;  // throws io_error when missing
};

}  // namespace wijkatlas::sketch
