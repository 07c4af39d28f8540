#include <cairo.h>
#include <pango/pango.h>

#include "wijkatlas/render/text.hpp"

namespace wijkatlas::render {

geo::LibraryVersions library_versions() {
  return {{"Cairo", cairo_version_string()}, {"Pango", pango_version_string()}};
}

}  // namespace wijkatlas::render
