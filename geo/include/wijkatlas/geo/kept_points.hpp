#pragma once
// The points of a streamed join kept as they were read, batch by batch: the layer of every
// joined point (`--joined-points always`) at any size. Ten million points kept as features took
// 4.1 GB and most of the command's time; kept as read, each point costs what its batch holds of
// it (its coordinates, fid and the source's row).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/point_reader.hpp"

namespace wijkatlas::geo {

class KeptPoints {
 public:
  void add(PointBatch&& batch);
  // Once every batch is in: the layer they came from without its features (name, source,
  // final field types) and the reader's final_value, which must not need the reader.
  void finish(const Layer& header, PointReader::FinalTyping typing);

  std::size_t size() const { return ends_.empty() ? 0 : ends_.back(); }
  const Layer& header() const { return header_; }
  // Point i, in reading order: in RD New (NaN: no geometry), its fid in the source, and the
  // value of field `field` as read_layer gives it.
  const Point& point(std::size_t i) const;
  std::int64_t fid(std::size_t i) const;
  Value value(std::size_t field, std::size_t i) const;
  // Every field's value of point i, into the first header().fields.size() of `values`.
  void values(std::size_t i, std::span<Value> values) const;
  Feature feature(std::size_t i) const;

 private:
  std::pair<const PointBatch*, std::size_t> locate(std::size_t i) const;

  std::vector<PointBatch> batches_;
  std::vector<std::size_t> ends_;  // one past each batch's last point
  Layer header_;
  PointReader::FinalTyping typing_;
};

}  // namespace wijkatlas::geo
