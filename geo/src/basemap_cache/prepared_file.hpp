#pragma once
// The file a prepared base map is kept in: the classified features of a whole OSM extract in RD
// New (exact doubles, drawing order), its landmarks, and a grid index, so that a page reads
// only the features near its extent. Memory-mapped when read; a header with the payload's
// SHA-256 makes a truncated or damaged file fail to open instead of drawing garbage.
//
// Layout (little-endian, this build's struct layout; a new layout raises the version):
//   Header | features | rings | points | landmarks | text | grid cells | grid ids
#include <boost/interprocess/file_mapping.hpp>
#include <boost/interprocess/mapped_region.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/landmarks.hpp"

namespace wijkatlas::geo::detail {

inline constexpr std::uint32_t prepared_format_version = 1;

// What is prepared from one extract: everything, in the order load_osm_basemap gives it.
struct PreparedContent {
  BaseMap map;
  std::vector<Landmark> landmarks;
};

struct PreparedSource {
  std::string sha256;  // of the extract's bytes
  std::string path;    // where it was, for removing stale files of the same extract
};

// Writes the file at `path` (a temporary file; the caller renames it). Throws output_error.
void write_prepared_file(const std::filesystem::path& path, const PreparedContent& content,
                         const PreparedSource& source);

// The source a prepared file was made from, read from its header only (no checksum);
// nullopt when the file is not a prepared base map of this version.
std::optional<PreparedSource> prepared_file_source(const std::filesystem::path& path);

class PreparedFile {
 public:
  // Maps the file and checks it whole: magic, version, sizes, the payload's SHA-256 and every
  // index. Throws data_error saying what is wrong when it is not a complete, undamaged file.
  explicit PreparedFile(const std::filesystem::path& path);

  const PreparedSource& source() const { return source_; }
  const std::string& edition() const { return edition_; }
  std::size_t feature_count() const { return feature_count_; }

  // The features whose bounding box meets `extent`, in drawing order, as load_osm_basemap
  // reads them with that bbox.
  BaseMap read(const Box& extent) const;
  // The landmarks located inside `extent`.
  std::vector<Landmark> landmarks(const Box& extent) const;

 private:
  const std::byte* section(int id) const;
  std::uint64_t count(int id) const;
  void check_indices() const;

  std::filesystem::path path_;
  boost::interprocess::file_mapping file_;
  boost::interprocess::mapped_region region_;
  const std::byte* payload_ = nullptr;
  std::vector<std::uint64_t> offsets_;
  std::vector<std::uint64_t> counts_;
  PreparedSource source_;
  std::string edition_;
  std::size_t feature_count_ = 0;
  Box grid_box_;
  double cell_ = 1;
  std::uint32_t columns_ = 0;
  std::uint32_t rows_ = 0;
};

}  // namespace wijkatlas::geo::detail
