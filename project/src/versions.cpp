#include "wijkatlas/project/versions.hpp"

#include "wijkatlas/render/text.hpp"
#include "wijkatlas/store/versions.hpp"
#if WIJKATLAS_HAVE_PHOTO
#include "wijkatlas/sketch/photo_reader.hpp"
#endif

namespace wijkatlas::project {

std::string wijkatlas_version() {
  return WIJKATLAS_VERSION;
}

geo::LibraryVersions library_versions() {
  geo::LibraryVersions all = geo::library_versions();
  for (auto& v : render::library_versions()) all.push_back(std::move(v));
  for (auto& v : store::library_versions()) all.push_back(std::move(v));
#if WIJKATLAS_HAVE_PHOTO
  for (auto& v : sketch::photo_library_versions()) all.push_back(std::move(v));
#endif
  return all;
}

}  // namespace wijkatlas::project
