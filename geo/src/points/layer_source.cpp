#include "points/layer_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "wijkatlas/geo/join.hpp"

namespace wijkatlas::geo::points_detail {
namespace {

class LayerRows final : public BatchRows {
 public:
  LayerRows(const Layer& layer, std::size_t first) : layer_(layer), first_(first) {}
  Value value(std::size_t field, std::size_t row) const override {
    return layer_.features[first_ + row].values[field];
  }
  std::optional<std::string_view> text(std::size_t field, std::size_t row) const override {
    if (const auto* s = std::get_if<std::string>(&layer_.features[first_ + row].values[field])) {
      return std::string_view(*s);
    }
    return std::nullopt;
  }
  Geometry geometry(std::size_t row, const Point&) const override {
    return layer_.features[first_ + row].geometry;
  }

 private:
  const Layer& layer_;
  std::size_t first_;
};

class LayerSource final : public Source {
 public:
  LayerSource(Layer layer, std::size_t batch_size)
      : layer_(std::move(layer)), batch_size_(batch_size) {}
  std::string_view method() const override { return "read_layer"; }
  bool in_rd() const override { return true; }
  // Its rows are the features of the layer it read, which may be lines or polygons.
  bool batches_stand_alone() const override { return false; }
  std::size_t size_hint() const override { return layer_.features.size(); }

  bool next(RawBatch& batch) override {
    if (next_ >= layer_.features.size()) return false;
    const std::size_t end = std::min(layer_.features.size(), next_ + batch_size_);
    for (std::size_t i = next_; i < end; ++i) {
      const Feature& f = layer_.features[i];
      batch.fids.push_back(f.fid);
      if (is_empty(f.geometry)) {
        batch.without_geometry.push_back(i - next_);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        batch.points.emplace_back(nan, nan);
      } else {
        batch.points.push_back(representative_point(f.geometry));
      }
    }
    batch.rows = std::make_unique<LayerRows>(layer_, next_);
    next_ = end;
    return true;
  }

 private:
  Layer layer_;
  std::size_t batch_size_;
  std::size_t next_ = 0;
};

}  // namespace

std::unique_ptr<Source> read_layer_source(const std::filesystem::path& path,
                                          const ReadOptions& options, std::size_t batch_size,
                                          Reporter& reporter, SourceHeader& header) {
  Layer layer = read_layer(path, options, reporter);
  header.layer.name = layer.name;
  header.layer.source = layer.source;
  header.layer.source_crs = layer.source_crs;
  header.layer.fields = layer.fields;
  header.layer.fids_are_csv_rows = layer.fids_are_csv_rows;
  header.crs.reset();
  return std::make_unique<LayerSource>(std::move(layer), batch_size);
}

}  // namespace wijkatlas::geo::points_detail
