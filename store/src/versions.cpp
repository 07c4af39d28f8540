#include "wijkatlas/store/versions.hpp"

#include <sqlite3.h>

namespace wijkatlas::store {

geo::LibraryVersions library_versions() {
  return {{"SQLite", sqlite3_libversion()}};
}

}  // namespace wijkatlas::store
