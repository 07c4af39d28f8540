#include "wijkatlas/geo/point_reader.hpp"

#include "points/reader_state.hpp"
#include "points/source.hpp"

namespace wijkatlas::geo {

PointBatch::PointBatch() = default;
PointBatch::~PointBatch() = default;
PointBatch::PointBatch(PointBatch&&) noexcept = default;
PointBatch& PointBatch::operator=(PointBatch&&) noexcept = default;

Value PointBatch::value(std::size_t field, std::size_t i) const {
  return rows_->value(field, i);
}

std::optional<std::string_view> PointBatch::text(std::size_t field, std::size_t i) const {
  return rows_->text(field, i);
}

Feature PointBatch::feature(std::size_t i) const {
  Feature f;
  f.fid = fids_[i];
  f.values.reserve(field_count_);
  for (std::size_t k = 0; k < field_count_; ++k) f.values.push_back(rows_->value(k, i));
  f.geometry = rows_->geometry(i, points_[i]);
  return f;
}

PointReader::PointReader(const std::filesystem::path& path, const ReadOptions& options,
                         Reporter& reporter, const PointReadOptions& read)
    : state_(std::make_unique<points_detail::ReaderState>(path, options, reporter, read)) {}

PointReader::~PointReader() = default;

const Layer& PointReader::header() {
  return state_->header();
}
std::size_t PointReader::size_hint() {
  return state_->size_hint();
}
bool PointReader::batches_stand_alone() {
  return state_->batches_stand_alone();
}

std::string_view PointReader::method() {
  return state_->method();
}
bool PointReader::reads_ahead() const {
  return state_->reads_ahead();
}
bool PointReader::typed_at_end() {
  return state_->typed_at_end();
}
bool PointReader::next(PointBatch& batch) {
  return state_->next(batch);
}
void PointReader::recycle(PointBatch&& batch) {
  state_->recycle(std::move(batch));
}

Value PointReader::final_value(std::size_t field, Value value) const {
  return state_->final_value(field, std::move(value));
}

PointReader::FinalTyping PointReader::final_typing() const {
  return state_->final_typing();
}

}  // namespace wijkatlas::geo
