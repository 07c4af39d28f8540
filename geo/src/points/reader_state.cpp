#include "points/reader_state.hpp"

#include <limits>

#include "detail/read_checks.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::geo::points_detail {

ReaderState::ReaderState(const std::filesystem::path& path, const ReadOptions& options,
                         Reporter& reporter, const PointReadOptions& read)
    : path_(path), options_(options), reporter_(reporter), read_(read) {
  read_.batch_size = std::max<std::size_t>(read_.batch_size, 1);
  if (read_.read_ahead == 0) {
    open();
    opened_ = true;
  } else {
    thread_ = std::jthread([this] { read_ahead(); });
  }
}

ReaderState::~ReaderState() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
}

void ReaderState::open() {
  const support::QuietGdalErrors quiet;
  source_ = open_source(path_, options_, read_.batch_size, reporter_, header_);
}

void ReaderState::read_ahead() {
  try {
    open();
    {
      const std::lock_guard lock(mutex_);
      opened_ = true;
    }
    changed_.notify_all();
    for (;;) {
      PointBatch batch;
      take_spare(batch);
      const bool more = read(batch);
      std::unique_lock lock(mutex_);
      if (!more) {
        done_ = true;
        break;
      }
      changed_.wait(lock, [&] { return stop_ || queue_.size() < read_.read_ahead; });
      if (stop_) return;
      queue_.push_back(std::move(batch));
      lock.unlock();
      changed_.notify_all();
    }
  } catch (...) {
    const std::lock_guard lock(mutex_);
    error_ = std::current_exception();
    done_ = true;
  }
  changed_.notify_all();
}

void ReaderState::wait_until_open() {
  if (read_.read_ahead == 0) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return opened_ || error_; });
  if (!opened_) std::rethrow_exception(error_);
}

const Layer& ReaderState::header() {
  wait_until_open();
  return header_.layer;
}

std::size_t ReaderState::size_hint() {
  wait_until_open();
  return source_->size_hint();
}

std::string_view ReaderState::method() {
  wait_until_open();
  return source_->method();
}

bool ReaderState::batches_stand_alone() {
  wait_until_open();
  return source_->batches_stand_alone();
}

bool ReaderState::typed_at_end() {
  wait_until_open();
  return source_->typed_at_end();
}

bool ReaderState::next(PointBatch& batch) {
  if (read_.read_ahead == 0) {
    // A batch given before (a new one, or the last one given back) is filled again.
    if (batch.fids_.capacity() == 0) take_spare(batch);
    return read(batch);
  }
  if (batch.fids_.capacity() > 0) recycle(std::move(batch));
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (!queue_.empty()) {
    batch = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return true;
  }
  if (error_) std::rethrow_exception(error_);
  return false;
}

void ReaderState::recycle(PointBatch&& batch) {
  // Not capped: the reader makes a new batch only when none is spare, so there are never more
  // than were in use at once (the user may hold several before it gives them back). None are
  // kept once every point has been read.
  const std::lock_guard lock(mutex_);
  if (!finished_) spare_.push_back(std::move(batch));
}

void ReaderState::take_spare(PointBatch& batch) {
  const std::lock_guard lock(mutex_);
  if (spare_.empty()) return;
  batch = std::move(spare_.back());
  spare_.pop_back();
}

Value ReaderState::final_value(std::size_t field, Value value) const {
  return source_->final_value(field, std::move(value));
}

bool ReaderState::read(PointBatch& batch) {
  const support::QuietGdalErrors quiet;
  // The batch's memory, from an earlier batch, for the source to fill; the batch is empty
  // until it is filled (also if reading ends or fails). Coordinates that need no transforming
  // are filled into the batch's own points; others into storage of their own, kept with the
  // batch for its next filling (one array of points per batch, not two, where they are not
  // transformed: ten million points pass through a few batches, and fresh memory is dear).
  const bool transformed = !source_->in_rd() && !header_.crs->to_rd.is_identity();
  RawBatch raw;
  raw.points = std::move(transformed ? batch.source_points_ : batch.points_);
  raw.points.clear();
  batch.points_.clear();
  raw.fids = std::move(batch.fids_);
  raw.fids.clear();
  raw.rows = std::move(batch.rows_);
  if (!source_->next(raw)) {
    finish();
    return false;
  }
  count_ += raw.points.size();
  batch.fids_ = std::move(raw.fids);
  batch.rows_ = std::move(raw.rows);
  batch.field_count_ = header_.layer.fields.size();
  if (!transformed) {
    batch.points_ = std::move(raw.points);
    if (!source_->in_rd()) check(batch.points_, raw.without_geometry, batch);
  } else {
    batch.points_.assign(raw.points.begin(), raw.points.end());
    header_.crs->to_rd.transform(std::span<Point>(batch.points_));
    check(raw.points, raw.without_geometry, batch);
    batch.source_points_ = std::move(raw.points);
  }
  const std::size_t expected = source_->size_hint();
  if (expected > 100000) reporter_.progress("lezen " + header_.layer.name, count_, expected);
  return true;
}

// In feature order, as read_layer checks: a missing geometry, then coordinates outside the
// Netherlands (an error when the CRS was assumed or given, a warning when the file names it).
// `raw` (the coordinates as read, for messages) may be batch.points_ itself.
void ReaderState::check(const std::vector<Point>& raw,
                        const std::vector<std::size_t>& without_geometry, PointBatch& batch) {
  const Layer& layer = header_.layer;
  auto where = [&](std::size_t i) {
    Feature f;
    f.fid = batch.fids_[i];
    return layer.source + ", " + layer.location_of(f);
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::size_t next_without = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (next_without < without_geometry.size() && without_geometry[next_without] == i) {
      ++next_without;
      if (options_.require_geometry) throw data_error(where(i), "", "the feature has no geometry");
      batch.points_[i] = Point(nan, nan);
      continue;
    }
    const Point& p = batch.points_[i];
    if (!detail::inside_rd_bounds(Box(p, p))) {
      if (!header_.crs->declared_by_source) {
        detail::throw_outside_rd_bounds(Box(raw[i], raw[i]), where(i), header_.crs->crs);
      }
      ++outside_netherlands_;
    }
  }
}

void ReaderState::finish() {
  {
    const std::lock_guard lock(mutex_);
    finished_ = true;
    spare_.clear();
  }
  if (count_ == 0 && !options_.allow_empty && !source_->in_rd()) {
    throw data_error(header_.layer.source, "",
                     "the layer has no features" +
                         (options_.where.empty() ? std::string{} : " matching " + options_.where));
  }
  if (outside_netherlands_ > 0) {
    reporter_.warn(header_.layer.source + ": " + std::to_string(outside_netherlands_) +
                   " features lie outside the Netherlands (RD New is only accurate inside)");
  }
  source_->finish(header_.layer.fields);
}

}  // namespace wijkatlas::geo::points_detail
