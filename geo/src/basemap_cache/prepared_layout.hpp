#pragma once
// The byte layout of a prepared base map file (prepared_file.hpp): shared by its writer and
// reader only. Any change to these structs raises prepared_format_version.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace wijkatlas::geo::detail::layout {

static_assert(std::endian::native == std::endian::little, "prepared base maps are little-endian");

enum SectionId : int {
  features_section,
  rings_section,
  points_section,
  landmarks_section,
  text_section,
  grid_cells_section,
  grid_ids_section,
  section_count
};

struct SectionRecord {
  std::uint64_t offset;  // from the start of the payload, a multiple of 8
  std::uint64_t count;   // records
};

struct TextRef {
  std::uint32_t offset;
  std::uint32_t bytes;
};

inline constexpr std::array<char, 8> magic{'W', 'J', 'K', 'B', 'M', 'A', 'P', '\0'};

struct Header {
  std::array<char, 8> magic;
  std::uint32_t version;
  std::uint32_t header_bytes;
  std::uint64_t payload_bytes;
  std::array<char, 64> payload_sha256;
  std::array<char, 64> source_sha256;
  TextRef source_path;
  TextRef edition;
  double grid_min_x, grid_min_y, cell;
  std::uint32_t columns, rows;
  std::array<SectionRecord, section_count> sections;
};

enum class Shape : std::uint8_t { area, line };
enum class Role : std::uint32_t { outer, inner, line };

struct FeatureRecord {
  double min_x, min_y, max_x, max_y;
  std::uint32_t first_ring, ring_count;
  TextRef name;
  Shape shape;
  std::uint8_t kind;  // AreaClass or LineClass
  std::array<std::uint8_t, 6> padding;
};

struct RingRecord {
  std::uint32_t first_point, point_count;
  Role role;
};

struct LandmarkRecord {
  double x, y;
  TextRef name;
  std::uint32_t kind;
  std::uint32_t padding;
};

inline constexpr std::array<std::size_t, section_count> record_bytes{
    sizeof(FeatureRecord), sizeof(RingRecord),   2 * sizeof(double), sizeof(LandmarkRecord), 1,
    sizeof(std::uint32_t), sizeof(std::uint32_t)};

static_assert(std::is_trivially_copyable_v<Header> && std::is_trivially_copyable_v<FeatureRecord> &&
              std::is_trivially_copyable_v<RingRecord> &&
              std::is_trivially_copyable_v<LandmarkRecord>);

inline constexpr std::size_t area_class_count = 3;
inline constexpr std::size_t line_class_count = 5;

inline std::size_t padded(std::size_t bytes) {
  return (bytes + 7) / 8 * 8;
}

template <class T>
T load(const std::byte* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

}  // namespace wijkatlas::geo::detail::layout
