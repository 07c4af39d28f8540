// Writing a prepared base map: features, rings and points in drawing order, names interned,
// and a uniform grid index; the payload's SHA-256 goes into the header.
#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <cmath>
#include <fstream>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "basemap_cache/prepared_file.hpp"
#include "basemap_cache/prepared_layout.hpp"
#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::geo::detail {
namespace {
namespace bg = boost::geometry;
using namespace layout;

// Collects the records in memory; the file is written in one go.
class Writer {
 public:
  void add(const BaseArea& area) {
    FeatureRecord f = feature(Shape::area, static_cast<std::uint8_t>(area.kind), {}, area.geometry);
    for (const Polygon& polygon : area.geometry) {
      add_ring(polygon.outer(), Role::outer);
      for (const Ring& inner : polygon.inners()) add_ring(inner, Role::inner);
    }
    finish(f);
  }
  void add(const BaseLine& line) {
    FeatureRecord f =
        feature(Shape::line, static_cast<std::uint8_t>(line.kind), line.name, line.geometry);
    for (const LineString& part : line.geometry) add_ring(part, Role::line);
    finish(f);
  }
  void add(const Landmark& l) {
    landmarks_.push_back(
        {l.location.x(), l.location.y(), intern(l.name), static_cast<std::uint32_t>(l.kind), 0});
  }
  TextRef intern(std::string_view s) {
    auto [it, added] = interned_.try_emplace(
        std::string(s),
        TextRef{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())});
    if (added) text_ += s;
    return it->second;
  }

  void write(const std::filesystem::path& path, const PreparedSource& source,
             const std::string& edition) {
    Header h{};
    h.magic = magic;
    h.version = prepared_format_version;
    h.header_bytes = sizeof(Header);
    h.source_path = intern(source.path);
    h.edition = intern(edition);
    std::copy_n(source.sha256.begin(), std::min<std::size_t>(64, source.sha256.size()),
                h.source_sha256.begin());
    const auto [cells, ids] = grid(h);
    std::vector<std::byte> payload;
    const auto put = [&](SectionId id, const void* data, std::size_t count) {
      h.sections[id] = {payload.size(), count};
      const auto* bytes = static_cast<const std::byte*>(data);
      payload.insert(payload.end(), bytes, bytes + count * record_bytes[id]);
      payload.resize(padded(payload.size()));
    };
    put(features_section, features_.data(), features_.size());
    put(rings_section, rings_.data(), rings_.size());
    put(points_section, points_.data(), points_.size() / 2);
    put(landmarks_section, landmarks_.data(), landmarks_.size());
    put(text_section, text_.data(), text_.size());
    put(grid_cells_section, cells.data(), cells.size());
    put(grid_ids_section, ids.data(), ids.size());
    h.payload_bytes = payload.size();
    const std::string hash = sha256_bytes(payload);
    std::copy_n(hash.begin(), 64, h.payload_sha256.begin());

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    out.write(reinterpret_cast<const char*>(payload.data()),
              static_cast<std::streamsize>(payload.size()));
    out.close();
    if (!out) throw output_error(path.string(), "cannot write the prepared base map (disk full?)");
  }

 private:
  template <class Geometry>
  FeatureRecord feature(Shape shape, std::uint8_t kind, std::string_view name, const Geometry& g) {
    Box box;
    bg::envelope(g, box);
    return {box.min_corner().x(),
            box.min_corner().y(),
            box.max_corner().x(),
            box.max_corner().y(),
            static_cast<std::uint32_t>(rings_.size()),
            0,
            intern(name),
            shape,
            kind,
            {}};
  }
  template <class Range>
  void add_ring(const Range& ring, Role role) {
    rings_.push_back({static_cast<std::uint32_t>(points_.size() / 2),
                      static_cast<std::uint32_t>(ring.size()), role});
    for (const Point& p : ring) {
      points_.push_back(p.x());
      points_.push_back(p.y());
    }
  }
  void finish(FeatureRecord& f) {
    f.ring_count = static_cast<std::uint32_t>(rings_.size()) - f.first_ring;
    features_.push_back(f);
  }

  // Cells of a uniform grid over all features, at most 64 on a side; each lists the features
  // meeting it, in drawing order.
  std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> grid(Header& h) const {
    // An empty geometry has an inverted envelope: it meets no extent and lies in no cell.
    const auto indexed = [](const FeatureRecord& f) {
      return std::isfinite(f.min_x) && std::isfinite(f.max_x) && std::isfinite(f.min_y) &&
             std::isfinite(f.max_y) && f.min_x <= f.max_x && f.min_y <= f.max_y;
    };
    std::optional<Box> extent;
    for (const FeatureRecord& f : features_) {
      if (!indexed(f)) continue;
      const Box box({f.min_x, f.min_y}, {f.max_x, f.max_y});
      if (extent)
        bg::expand(*extent, box);
      else
        extent = box;
    }
    const Box all = extent.value_or(Box({0, 0}, {1, 1}));
    const double width = all.max_corner().x() - all.min_corner().x();
    const double height = all.max_corner().y() - all.min_corner().y();
    h.grid_min_x = all.min_corner().x();
    h.grid_min_y = all.min_corner().y();
    h.cell = std::max(1.0, std::max(width, height) / 64);
    h.columns = static_cast<std::uint32_t>(std::floor(width / h.cell)) + 1;
    h.rows = static_cast<std::uint32_t>(std::floor(height / h.cell)) + 1;
    std::vector<std::uint32_t> cells(std::size_t{h.columns} * h.rows + 1, 0);
    const auto each_cell = [&](const FeatureRecord& f, auto&& visit) {
      if (!indexed(f)) return;
      const auto column = [&](double x) {
        return static_cast<std::uint32_t>(std::floor((x - h.grid_min_x) / h.cell));
      };
      const auto row = [&](double y) {
        return static_cast<std::uint32_t>(std::floor((y - h.grid_min_y) / h.cell));
      };
      for (std::uint32_t r = row(f.min_y); r <= std::min(row(f.max_y), h.rows - 1); ++r) {
        for (std::uint32_t c = column(f.min_x); c <= std::min(column(f.max_x), h.columns - 1);
             ++c) {
          visit(std::size_t{r} * h.columns + c);
        }
      }
    };
    for (const FeatureRecord& f : features_)
      each_cell(f, [&](std::size_t cell) { ++cells[cell + 1]; });
    for (std::size_t i = 1; i < cells.size(); ++i) cells[i] += cells[i - 1];
    std::vector<std::uint32_t> ids(cells.back());
    std::vector<std::uint32_t> next(cells.begin(), cells.end() - 1);
    for (std::uint32_t id = 0; id < features_.size(); ++id) {
      each_cell(features_[id], [&](std::size_t cell) { ids[next[cell]++] = id; });
    }
    return {std::move(cells), std::move(ids)};
  }

  std::vector<FeatureRecord> features_;
  std::vector<RingRecord> rings_;
  std::vector<double> points_;
  std::vector<LandmarkRecord> landmarks_;
  std::string text_;
  std::unordered_map<std::string, TextRef> interned_;
};

}  // namespace

void write_prepared_file(const std::filesystem::path& path, const PreparedContent& content,
                         const PreparedSource& source) {
  Writer writer;
  for (const BaseArea& a : content.map.areas) writer.add(a);
  for (const BaseLine& l : content.map.lines) writer.add(l);
  for (const Landmark& l : content.landmarks) writer.add(l);
  writer.write(path, source, content.map.edition);
}

}  // namespace wijkatlas::geo::detail
