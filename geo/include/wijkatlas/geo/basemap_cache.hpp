#pragma once
// An OSM extract prepared once for many maps. Parsing an .osm.pbf and assembling its
// multipolygons takes seconds; a prepared base map keeps the classified features of the whole
// extract (and its landmarks) in a cache file with a spatial index, so that each page reads only
// its extent, in milliseconds.
//
// The cache file is keyed by the extract's content (SHA-256): a changed extract gets a new one,
// built on first use, and the file of its previous content is removed. Files are written
// whole (temporary file + rename) under a lock, so processes building the same extract at once
// build it once and never see half a file; a damaged or truncated file fails its checksum and is
// rebuilt. When the cache directory cannot be written, the extract is read directly for every
// extent, with a warning.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

struct BaseMapCacheOptions {
  // Where prepared base maps are kept; empty: default_cache_dir(). Never the data directory,
  // which may be read-only.
  std::filesystem::path directory;
};

// $XDG_CACHE_HOME/wijkatlas, else $HOME/.cache/wijkatlas; empty when neither is set (or
// XDG_CACHE_HOME is relative, which the XDG specification says to ignore).
std::filesystem::path default_cache_dir();

class PreparedBaseMap {
 public:
  // Opens the prepared base map of `extract`, preparing it first (with progress through
  // `reporter`) when the cache has none for this content or a damaged one. Throws io_error when
  // the extract cannot be read or is not an OSM extract.
  PreparedBaseMap(const std::filesystem::path& extract, const BaseMapCacheOptions& options,
                  Reporter& reporter);
  ~PreparedBaseMap();
  PreparedBaseMap(PreparedBaseMap&&) noexcept;
  PreparedBaseMap& operator=(PreparedBaseMap&&) noexcept;

  // The features meeting `extent` (RD New), in drawing order: what
  // load_osm_basemap(extract, {.bbox = extent}) reads.
  BaseMap read(const Box& extent, Reporter& reporter) const;
  // The named landmarks located in `extent`: those of the base map's polygons and the extract's
  // points (LandmarkCollector), duplicates dropped over the whole extract.
  std::vector<Landmark> landmarks(const Box& extent, Reporter& reporter) const;

  // The extract's content (SHA-256, hex): what everything drawn from it may be keyed by.
  const std::string& content_sha256() const;
  const std::filesystem::path& extract() const;
  // The cache file read from; empty when the extract is read directly.
  const std::filesystem::path& cache_file() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wijkatlas::geo
