// Finding, building and opening the prepared base map of an extract in the cache directory.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "basemap_cache/prepared_file.hpp"
#include "detail/file_lock.hpp"
#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/basemap_cache.hpp"
#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/support/free_memory.hpp"

namespace wijkatlas::geo {
namespace {
namespace fs = std::filesystem;
using detail::PreparedFile;

constexpr std::string_view file_prefix = "osm-basemap-";
constexpr std::string_view file_suffix = ".wbm";
constexpr std::string_view progress_task = "basiskaart voorbereiden";

// The whole extract, read once: the base map and the landmarks of its polygons and points.
detail::PreparedContent prepare(const fs::path& extract, Reporter& reporter) {
  // Polygons are most of the work (assembling multipolygons), then lines, then points.
  constexpr std::size_t steps = 10;
  reporter.progress(progress_task, 0, steps);
  LandmarkCollector collector;
  BaseMapOptions options;
  options.each_polygon = collector.polygon_sink();
  options.after_layer = [&](std::string_view layer) {
    reporter.progress(progress_task, layer == "multipolygons" ? 6 : 8, steps);
  };
  detail::PreparedContent content;
  content.map = load_osm_basemap(extract, options, reporter);
  // A GeoPackage made from an extract may have kept only its lines and polygons.
  const std::vector<std::string> layers = layer_names(extract);
  const bool has_points = std::find(layers.begin(), layers.end(), "points") != layers.end();
  content.landmarks =
      has_points ? collector.finish_with_points(extract, options, reporter) : collector.finish();
  reporter.progress(progress_task, 9, steps);
  return content;
}

std::optional<PreparedFile> open_if_current(const fs::path& file, const std::string& sha256,
                                            bool& damaged) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  try {
    PreparedFile prepared(file);
    if (prepared.source().sha256 == sha256) return prepared;
    damaged = true;  // named after this content but made from another: not ours to trust
  } catch (const data_error&) {
    damaged = true;
  }
  return std::nullopt;
}

// Temporary files of `file` left by a builder that died (AtomicFile names them ".<stem>.tmp...");
// only called under the file's lock, when nobody else is writing one.
void remove_abandoned(const fs::path& file) {
  const std::string prefix = "." + file.stem().string() + ".tmp";
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(file.parent_path(), ec)) {
    if (entry.path().filename().string().starts_with(prefix)) fs::remove(entry.path(), ec);
  }
}

// Files prepared from earlier contents of the same extract: nobody will ask for them again.
void remove_stale(const fs::path& dir, const fs::path& keep, const std::string& source_path) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path() == keep || !name.starts_with(file_prefix) || !name.ends_with(file_suffix))
      continue;
    const auto source = detail::prepared_file_source(entry.path());
    if (source && source->path == source_path) fs::remove(entry.path(), ec);
  }
}

}  // namespace

fs::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME");
      xdg != nullptr && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "wijkatlas";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".cache" / "wijkatlas";
  }
  return {};
}

struct PreparedBaseMap::Impl {
  fs::path extract;
  std::string sha256;
  fs::path cache_file;
  std::optional<PreparedFile> prepared;  // nullopt: read the extract directly
};

PreparedBaseMap::PreparedBaseMap(const fs::path& extract, const BaseMapCacheOptions& options,
                                 Reporter& reporter)
    : impl_(std::make_unique<Impl>()) {
  impl_->extract = fs::absolute(extract).lexically_normal();
  impl_->sha256 = sha256_file(extract);
  const std::string& sha256 = impl_->sha256;
  const fs::path dir = options.directory.empty() ? default_cache_dir() : options.directory;
  const auto read_directly = [&](const std::string& why) {
    reporter.warn(why + ": the base map is read from " + extract.string() +
                  " for every map, which is slower");
  };
  if (dir.empty()) {
    read_directly("no cache directory (neither XDG_CACHE_HOME nor HOME is set)");
    return;
  }
  const fs::path file =
      dir / (std::string(file_prefix) + sha256.substr(0, 32) + std::string(file_suffix));
  bool damaged = false;
  if (auto ready = open_if_current(file, sha256, damaged)) {
    impl_->prepared = std::move(ready);
    impl_->cache_file = file;
    return;
  }
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw output_error(dir.string(), "cannot create the cache directory: " + ec.message());
    // One builder per extract: whoever waited here finds the file made by the one before.
    const detail::FileLock lock(fs::path(file).replace_extension(".lock"));
    damaged = false;
    if (auto ready = open_if_current(file, sha256, damaged)) {
      impl_->prepared = std::move(ready);
      impl_->cache_file = file;
      return;
    }
    if (damaged) reporter.warn(file.string() + " is damaged or incomplete: it is prepared again");
    remove_abandoned(file);
    reporter.info("preparing the base map once from " + extract.string() +
                  " (cache: " + dir.string() + ")");
    const detail::PreparedContent content = prepare(extract, reporter);
    AtomicFile out(file);
    detail::write_prepared_file(out.temporary_path(), content, {sha256, impl_->extract.string()});
    out.commit();
    reporter.progress(progress_task, 10, 10);
    remove_stale(dir, file, impl_->extract.string());
  } catch (const output_error& e) {
    read_directly(std::string("cannot use the cache directory ") + dir.string() + " (" + e.what() +
                  ")");
    return;
  }
  // The whole extract was in memory: give it back before the maps are drawn.
  support::return_free_memory();
  try {
    impl_->prepared.emplace(file);
    impl_->cache_file = file;
  } catch (const data_error& e) {
    // Written but unreadable (a full disk that went unnoticed): the extract still works.
    read_directly(e.what());
  }
}

PreparedBaseMap::~PreparedBaseMap() = default;
PreparedBaseMap::PreparedBaseMap(PreparedBaseMap&&) noexcept = default;
PreparedBaseMap& PreparedBaseMap::operator=(PreparedBaseMap&&) noexcept = default;

BaseMap PreparedBaseMap::read(const Box& extent, Reporter& reporter) const {
  if (impl_->prepared) return impl_->prepared->read(extent);
  return load_osm_basemap(impl_->extract, {.bbox = extent}, reporter);
}

std::vector<Landmark> PreparedBaseMap::landmarks(const Box& extent, Reporter& reporter) const {
  if (impl_->prepared) return impl_->prepared->landmarks(extent);
  return load_osm_landmarks(impl_->extract, {.bbox = extent}, reporter);
}

const fs::path& PreparedBaseMap::extract() const {
  return impl_->extract;
}
const std::string& PreparedBaseMap::content_sha256() const {
  return impl_->sha256;
}
const fs::path& PreparedBaseMap::cache_file() const {
  return impl_->cache_file;
}

}  // namespace wijkatlas::geo
