#include "gpkg_create.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "gpkg_backend.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store::detail {
namespace fs = std::filesystem;
namespace {

// Removes the temporary store (and any SQLite side file) unless it was moved into place.
class TemporaryStore {
 public:
  explicit TemporaryStore(const fs::path& target) {
    std::random_device random;
    path_ = target.parent_path() / ("." + target.filename().string() + ".new-" +
                                    std::to_string(::getpid()) + "-" + std::to_string(random()));
  }
  ~TemporaryStore() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      fs::remove(path_.string() + suffix, ignored);
  }
  TemporaryStore(const TemporaryStore&) = delete;
  TemporaryStore& operator=(const TemporaryStore&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void sync(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Moves `from` to `to` unless `to` exists; false when it does.
bool move_unless_exists(const fs::path& from, const fs::path& to, const std::string& location) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS) {
    raise(errno == EACCES || errno == EPERM || errno == EROFS ? ErrorKind::read_only
                                                              : ErrorKind::write_failed,
          location, std::string("cannot put the new store in place: ") + std::strerror(errno));
  }
  // A file system without RENAME_NOREPLACE: a hard link is just as exclusive.
  if (::link(from.c_str(), to.c_str()) == 0) return true;
  if (errno == EEXIST) return false;
  raise(ErrorKind::write_failed, location,
        std::string("cannot put the new store in place: ") + std::strerror(errno));
}

}  // namespace

void create_geopackage(const std::string& location, const fs::path& path,
                       const OpenOptions& options, const std::function<void(Backend&)>& build) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  if (fs::is_directory(fs::status(path, ec)))
    raise(ErrorKind::bad_location, location, "is a directory, not a GeoPackage file");
  if (fs::exists(status))
    raise(ErrorKind::already_exists, location,
          "a file exists here already: a new store is never made over it");
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec))
    raise(ErrorKind::write_failed, location, "the folder " + folder.string() + " does not exist");

  support::ensure_gdal_registered();
  const support::QuietGdalErrors quiet;
  const TemporaryStore temporary(path);
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr)
      raise(ErrorKind::write_failed, location, "GDAL has no GeoPackage driver");
    // No gpkg_ogr_contents: GDAL keeps its row counts there by dropping and re-creating
    // triggers around every writing session, which two writers at once break.
    const char* creation[] = {"ADD_GPKG_OGR_CONTENTS=NO", nullptr};
    CPLErrorReset();
    GDALDatasetUniquePtr ds(driver->Create(temporary.path().c_str(), 0, 0, 0, GDT_Unknown,
                                           const_cast<char**>(creation)));
    if (!ds) {
      const bool denied = ::access(folder.c_str(), W_OK) != 0;
      raise(denied ? ErrorKind::read_only : ErrorKind::write_failed, location,
            "cannot create the store: " + support::last_gdal_error("GDAL gave no reason"));
    }
    GeoPackageBackend backend(location, temporary.path(), options, std::move(ds));
    backend.begin_private();
    try {
      build(backend);
      backend.commit();
    } catch (...) {
      backend.rollback();
      throw;
    }
  }
  use_write_ahead_log(temporary.path());
  sync(temporary.path(), O_RDONLY);
  if (!move_unless_exists(temporary.path(), path, location)) {
    raise(ErrorKind::already_exists, location,
          "a store was made here at the same moment by another process");
  }
  sync(folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace wijkatlas::store::detail
