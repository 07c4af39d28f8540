#include "wijkatlas/geo/kept_points.hpp"

#include <algorithm>

namespace wijkatlas::geo {

void KeptPoints::add(PointBatch&& batch) {
  if (batch.size() == 0) return;
  batch.drop_refill_storage();
  ends_.push_back(size() + batch.size());
  batches_.push_back(std::move(batch));
}

void KeptPoints::finish(const Layer& header, PointReader::FinalTyping typing) {
  header_.name = header.name;
  header_.source = header.source;
  header_.source_crs = header.source_crs;
  header_.fields = header.fields;
  header_.fids_are_csv_rows = header.fids_are_csv_rows;
  typing_ = std::move(typing);
}

std::pair<const PointBatch*, std::size_t> KeptPoints::locate(std::size_t i) const {
  const auto batch =
      static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), i) - ends_.begin());
  return {&batches_.at(batch), i - (batch == 0 ? 0 : ends_[batch - 1])};
}

const Point& KeptPoints::point(std::size_t i) const {
  const auto [batch, row] = locate(i);
  return batch->points()[row];
}

std::int64_t KeptPoints::fid(std::size_t i) const {
  const auto [batch, row] = locate(i);
  return batch->fids()[row];
}

Value KeptPoints::value(std::size_t field, std::size_t i) const {
  const auto [batch, row] = locate(i);
  Value v = batch->value(field, row);
  return typing_ ? typing_(field, std::move(v)) : v;
}

void KeptPoints::values(std::size_t i, std::span<Value> values) const {
  const auto [batch, row] = locate(i);
  for (std::size_t k = 0; k < header_.fields.size(); ++k) {
    values[k] = batch->value(k, row);
    if (typing_) values[k] = typing_(k, std::move(values[k]));
  }
}

Feature KeptPoints::feature(std::size_t i) const {
  const auto [batch, row] = locate(i);
  Feature f = batch->feature(row);
  if (typing_) {
    for (std::size_t k = 0; k < f.values.size(); ++k)
      f.values[k] = typing_(k, std::move(f.values[k]));
  }
  return f;
}

}  // namespace wijkatlas::geo
