// Opening and creating the project store: the backend for the location, the project's name and
// format read and checked, an older format upgraded.
#include <charconv>

#include "schema.hpp"
#include "schema_build.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {

struct Header {
  std::string project;
  int format = 0;
};

Header read_header(detail::Backend& b) {
  GDALDataset& ds = b.dataset();
  for (const char* table : {schema::project::table, schema::sheets::table, schema::ingests::table,
                            schema::sketches::table}) {
    if (ds.GetLayerByName(table) == nullptr) {
      raise(ErrorKind::not_a_store, b.location(),
            "a GeoPackage, but not a wijkatlas project store (no tables wijkatlas_project, sheets, "
            "ingests, sketches)");
    }
  }
  Header h;
  detail::Rows meta(b, schema::project::table);
  meta.each("", [&](OGRFeature& f) {
    const std::string key = detail::text(f, schema::project::key);
    const std::string value = detail::text(f, schema::project::value);
    if (key == schema::project::key_project) h.project = value;
    if (key == schema::project::key_format)
      std::from_chars(value.data(), value.data() + value.size(), h.format);
  });
  if (h.project.empty())
    raise(ErrorKind::not_a_store, b.location(),
          "the store names no project (table wijkatlas_project)");
  if (h.format < 1)
    raise(ErrorKind::not_a_store, b.location(),
          "the store names no format (table wijkatlas_project)");
  if (h.format > format_version) {
    raise(ErrorKind::newer_format, b.location(),
          "store format " + std::to_string(h.format) + " is newer than this wijkatlas reads (" +
              std::to_string(format_version) + "): update wijkatlas");
  }
  return h;
}

}  // namespace

ProjectStore ProjectStore::open(std::string_view location, const OpenOptions& options) {
  const support::QuietGdalErrors quiet;
  auto impl = std::make_unique<Impl>();
  impl->backend = detail::open_backend(location, options);
  Header header = read_header(*impl->backend);
  if (header.format < format_version) {
    // An older store is upgraded in place (one transaction): its data stays.
    impl->backend->upgrade(header.format);
    header = read_header(*impl->backend);
  }
  impl->project = header.project;
  impl->by = options.by;
  return ProjectStore(std::move(impl));
}

ProjectStore ProjectStore::create(std::string_view location, const std::string& project,
                                  const OpenOptions& options) {
  const support::QuietGdalErrors quiet;
  if (project.empty())
    raise(ErrorKind::bad_location, std::string(location), "a new store needs a project name");
  auto impl = std::make_unique<Impl>();
  impl->backend = detail::create_backend(
      location, options, [&](detail::Backend& b) { detail::create_schema(b, project); });
  impl->project = read_header(*impl->backend).project;
  impl->by = options.by;
  return ProjectStore(std::move(impl));
}

ProjectStore ProjectStore::open_or_create(std::string_view location, const std::string& project,
                                          const OpenOptions& options) {
  try {
    return open(location, options);
  } catch (const store_error& e) {
    if (e.kind() != ErrorKind::not_found) throw;
  }
  try {
    return create(location, project, options);
  } catch (const store_error& e) {
    if (e.kind() != ErrorKind::already_exists) throw;
  }
  // Another process made it between the two attempts: its store is as good as ours.
  return open(location, options);
}

ProjectStore::ProjectStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProjectStore::~ProjectStore() = default;
ProjectStore::ProjectStore(ProjectStore&&) noexcept = default;
ProjectStore& ProjectStore::operator=(ProjectStore&&) noexcept = default;

const std::string& ProjectStore::project() const {
  return impl_->project;
}
const std::string& ProjectStore::location() const {
  return impl_->location();
}

}  // namespace wijkatlas::store
