#include <poppler-version.h>
#include <zbar.h>

#include <opencv2/core/utility.hpp>
#include <string>

#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::sketch {

geo::LibraryVersions photo_library_versions() {
  unsigned major = 0, minor = 0, patch = 0;
  zbar::zbar_version(&major, &minor, &patch);
  return {
      {"OpenCV", cv::getVersionString()},
      {"zbar", std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch)},
      {"poppler", poppler::version_string()}};
}

}  // namespace wijkatlas::sketch
