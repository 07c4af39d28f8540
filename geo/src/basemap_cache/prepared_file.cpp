// Reading a prepared base map: checked once when opened, then queried per extent.
#include "basemap_cache/prepared_file.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <cmath>
#include <fstream>
#include <string_view>

#include "basemap_cache/prepared_layout.hpp"
#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::detail {
namespace {
namespace bg = boost::geometry;
namespace bip = boost::interprocess;
using namespace layout;

std::optional<Header> read_header(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  Header h;
  if (!in.read(reinterpret_cast<char*>(&h), sizeof h)) return std::nullopt;
  if (h.magic != magic || h.version != prepared_format_version || h.header_bytes != sizeof(Header))
    return std::nullopt;
  return h;
}

}  // namespace

std::optional<PreparedSource> prepared_file_source(const std::filesystem::path& path) {
  const auto h = read_header(path);
  if (!h) return std::nullopt;
  // The path lies in the text section, after the header: read just that.
  const std::uint64_t at =
      h->header_bytes + h->sections[text_section].offset + h->source_path.offset;
  std::ifstream in(path, std::ios::binary);
  std::string where(h->source_path.bytes, '\0');
  if (!in.seekg(static_cast<std::streamoff>(at)) ||
      !in.read(where.data(), static_cast<std::streamsize>(where.size()))) {
    return std::nullopt;
  }
  return PreparedSource{std::string(h->source_sha256.begin(), h->source_sha256.end()), where};
}

PreparedFile::PreparedFile(const std::filesystem::path& path) : path_(path) {
  const auto damaged = [&](const std::string& what) {
    return data_error(path.string(), "", what + ": not a usable prepared base map");
  };
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw data_error(path.string(), "", "cannot read the prepared base map: " + ec.message());
  if (size < sizeof(Header))
    throw damaged("shorter than its header (" + std::to_string(size) + " bytes)");
  try {
    file_ = bip::file_mapping(path.c_str(), bip::read_only);
    region_ = bip::mapped_region(file_, bip::read_only);
  } catch (const bip::interprocess_exception& e) {
    throw data_error(path.string(), "",
                     std::string("cannot map the prepared base map: ") + e.what());
  }
  const auto* base = static_cast<const std::byte*>(region_.get_address());
  const Header h = load<Header>(base);
  if (h.magic != magic) throw damaged("wrong magic number");
  if (h.version != prepared_format_version || h.header_bytes != sizeof(Header)) {
    throw damaged("format version " + std::to_string(h.version) + ", this wijkatlas reads " +
                  std::to_string(prepared_format_version));
  }
  if (size != h.header_bytes + h.payload_bytes) {
    throw damaged("truncated or padded: " + std::to_string(size) + " bytes, the header says " +
                  std::to_string(h.header_bytes + h.payload_bytes));
  }
  payload_ = base + h.header_bytes;
  if (sha256_bytes({payload_, h.payload_bytes}) != std::string_view(h.payload_sha256.data(), 64)) {
    throw damaged("checksum mismatch (the file was changed or damaged)");
  }
  for (const SectionRecord& s : h.sections) {
    if (s.offset % 8 != 0 || s.offset > h.payload_bytes)
      throw damaged("a section lies outside the file");
    offsets_.push_back(s.offset);
    counts_.push_back(s.count);
  }
  for (int id = 0; id < section_count; ++id) {
    if (counts_[id] > (h.payload_bytes - offsets_[id]) / record_bytes[id])
      throw damaged("a section runs past the end");
  }
  grid_box_ = Box({h.grid_min_x, h.grid_min_y},
                  {h.grid_min_x + h.cell * h.columns, h.grid_min_y + h.cell * h.rows});
  cell_ = h.cell;
  columns_ = h.columns;
  rows_ = h.rows;
  feature_count_ = counts_[features_section];
  const auto text_of = [&](TextRef t) {
    if (std::uint64_t{t.offset} + t.bytes > counts_[text_section])
      throw damaged("a text lies outside the text section");
    return std::string(reinterpret_cast<const char*>(section(text_section)) + t.offset, t.bytes);
  };
  source_ = {std::string(h.source_sha256.begin(), h.source_sha256.end()), text_of(h.source_path)};
  edition_ = text_of(h.edition);
  if (!(cell_ > 0) || counts_[grid_cells_section] != std::uint64_t{columns_} * rows_ + 1)
    throw damaged("the grid index does not fit");
  check_indices();
}

const std::byte* PreparedFile::section(int id) const {
  return payload_ + offsets_[static_cast<std::size_t>(id)];
}
std::uint64_t PreparedFile::count(int id) const {
  return counts_[static_cast<std::size_t>(id)];
}

// A file with a valid checksum holds what was written; this guards against a writer bug ever
// making a read run outside the mapping.
void PreparedFile::check_indices() const {
  const auto bad = [&](const std::string& what) {
    return data_error(path_.string(), "", what + ": not a usable prepared base map");
  };
  const std::uint64_t text_bytes = count(text_section);
  for (std::uint64_t i = 0; i < count(features_section); ++i) {
    const auto f = load<FeatureRecord>(section(features_section) + i * sizeof(FeatureRecord));
    const std::size_t kinds = f.shape == Shape::area ? area_class_count : line_class_count;
    if ((f.shape != Shape::area && f.shape != Shape::line) || f.kind >= kinds ||
        std::uint64_t{f.first_ring} + f.ring_count > count(rings_section) ||
        std::uint64_t{f.name.offset} + f.name.bytes > text_bytes) {
      throw bad("feature " + std::to_string(i) + " is out of range");
    }
  }
  for (std::uint64_t i = 0; i < count(rings_section); ++i) {
    const auto r = load<RingRecord>(section(rings_section) + i * sizeof(RingRecord));
    if (std::uint64_t{r.first_point} + r.point_count > count(points_section) ||
        r.role > Role::line) {
      throw bad("ring " + std::to_string(i) + " is out of range");
    }
  }
  for (std::uint64_t i = 0; i < count(landmarks_section); ++i) {
    const auto l = load<LandmarkRecord>(section(landmarks_section) + i * sizeof(LandmarkRecord));
    if (l.kind >= landmark_kind_count || std::uint64_t{l.name.offset} + l.name.bytes > text_bytes) {
      throw bad("landmark " + std::to_string(i) + " is out of range");
    }
  }
  std::uint32_t previous = 0;
  for (std::uint64_t i = 0; i < count(grid_cells_section); ++i) {
    const auto start = load<std::uint32_t>(section(grid_cells_section) + i * 4);
    if (start < previous || start > count(grid_ids_section))
      throw bad("the grid index is out of order");
    previous = start;
  }
  if (previous != count(grid_ids_section)) throw bad("the grid index is incomplete");
  for (std::uint64_t i = 0; i < count(grid_ids_section); ++i) {
    if (load<std::uint32_t>(section(grid_ids_section) + i * 4) >= count(features_section))
      throw bad("the grid index names a missing feature");
  }
}

BaseMap PreparedFile::read(const Box& extent) const {
  BaseMap map;
  map.source = source_.path;
  map.edition = edition_;
  if (feature_count_ == 0 || !bg::intersects(extent, grid_box_)) return map;
  // Mark the features of the cells the extent meets, then take them in drawing order.
  const auto clamp_cell = [](double v, std::uint32_t n) {
    return static_cast<std::uint32_t>(std::clamp(std::floor(v), 0.0, static_cast<double>(n - 1)));
  };
  const Point& low = grid_box_.min_corner();
  const std::uint32_t c0 = clamp_cell((extent.min_corner().x() - low.x()) / cell_, columns_);
  const std::uint32_t c1 = clamp_cell((extent.max_corner().x() - low.x()) / cell_, columns_);
  const std::uint32_t r0 = clamp_cell((extent.min_corner().y() - low.y()) / cell_, rows_);
  const std::uint32_t r1 = clamp_cell((extent.max_corner().y() - low.y()) / cell_, rows_);
  std::vector<std::uint8_t> wanted(feature_count_, 0);
  for (std::uint32_t r = r0; r <= r1; ++r) {
    for (std::uint32_t c = c0; c <= c1; ++c) {
      const std::size_t cell = std::size_t{r} * columns_ + c;
      const auto begin = load<std::uint32_t>(section(grid_cells_section) + cell * 4);
      const auto end = load<std::uint32_t>(section(grid_cells_section) + (cell + 1) * 4);
      for (std::uint32_t k = begin; k < end; ++k)
        wanted[load<std::uint32_t>(section(grid_ids_section) + std::size_t{k} * 4)] = 1;
    }
  }
  const auto ring_at = [&](std::uint32_t index, auto& out) {
    const auto r =
        load<RingRecord>(section(rings_section) + std::size_t{index} * sizeof(RingRecord));
    out.reserve(r.point_count);
    const std::byte* p = section(points_section) + std::size_t{r.first_point} * 16;
    for (std::uint32_t k = 0; k < r.point_count; ++k, p += 16)
      out.emplace_back(load<double>(p), load<double>(p + 8));
    return r.role;
  };
  const char* names = reinterpret_cast<const char*>(section(text_section));
  for (std::size_t id = 0; id < feature_count_; ++id) {
    if (!wanted[id]) continue;
    const auto f = load<FeatureRecord>(section(features_section) + id * sizeof(FeatureRecord));
    if (!bg::intersects(Box({f.min_x, f.min_y}, {f.max_x, f.max_y}), extent)) continue;
    if (f.shape == Shape::area) {
      BaseArea area{static_cast<AreaClass>(f.kind), {}};
      for (std::uint32_t k = 0; k < f.ring_count; ++k) {
        Ring ring;
        if (ring_at(f.first_ring + k, ring) == Role::outer || area.geometry.empty()) {
          area.geometry.emplace_back();
          area.geometry.back().outer() = std::move(ring);
        } else {
          area.geometry.back().inners().push_back(std::move(ring));
        }
      }
      map.areas.push_back(std::move(area));
    } else {
      BaseLine line{
          static_cast<LineClass>(f.kind), std::string(names + f.name.offset, f.name.bytes), {}};
      line.geometry.resize(f.ring_count);
      for (std::uint32_t k = 0; k < f.ring_count; ++k) ring_at(f.first_ring + k, line.geometry[k]);
      map.lines.push_back(std::move(line));
    }
  }
  return map;
}

std::vector<Landmark> PreparedFile::landmarks(const Box& extent) const {
  std::vector<Landmark> out;
  const char* names = reinterpret_cast<const char*>(section(text_section));
  for (std::uint64_t i = 0; i < count(landmarks_section); ++i) {
    const auto l = load<LandmarkRecord>(section(landmarks_section) + i * sizeof(LandmarkRecord));
    const Point at(l.x, l.y);
    if (!bg::covered_by(at, extent)) continue;
    out.push_back(
        {static_cast<LandmarkKind>(l.kind), std::string(names + l.name.offset, l.name.bytes), at});
  }
  return out;
}

}  // namespace wijkatlas::geo::detail
