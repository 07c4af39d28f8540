#pragma once
// What PointReader does for every source: transform to RD New, the checks read_layer makes
// (no geometry, outside the Netherlands, an empty layer), and reading ahead on a thread.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "points/source.hpp"
#include "wijkatlas/geo/point_reader.hpp"

namespace wijkatlas::geo::points_detail {

class ReaderState {
 public:
  ReaderState(const std::filesystem::path& path, const ReadOptions& options, Reporter& reporter,
              const PointReadOptions& read);
  ~ReaderState();

  const Layer& header();
  std::size_t size_hint();
  std::string_view method();
  bool next(PointBatch& batch);
  void recycle(PointBatch&& batch);
  Value final_value(std::size_t field, Value value) const;
  std::function<Value(std::size_t, Value)> final_typing() const { return source_->final_typing(); }
  bool typed_at_end();
  bool batches_stand_alone();
  bool reads_ahead() const { return read_.read_ahead > 0; }

 private:
  void open();
  bool read(PointBatch& batch);  // one checked batch; false at the end
  void check(const std::vector<Point>& raw, const std::vector<std::size_t>& without_geometry,
             PointBatch& batch);
  void finish();
  void read_ahead();  // the reading thread
  void wait_until_open();
  void take_spare(PointBatch& batch);  // a batch given back, if any, into `batch`

  std::filesystem::path path_;
  ReadOptions options_;
  Reporter& reporter_;
  PointReadOptions read_;
  SourceHeader header_;
  std::unique_ptr<Source> source_;
  std::size_t count_ = 0, outside_netherlands_ = 0;

  // Reading ahead: the queue, guarded by mutex_.
  std::mutex mutex_;
  std::condition_variable changed_;
  bool opened_ = false, done_ = false, stop_ = false, finished_ = false;
  std::exception_ptr error_;
  std::deque<PointBatch> queue_;
  std::vector<PointBatch> spare_;  // given back by the reader's user, for reuse
  std::jthread thread_;            // last: joined before the rest is destroyed
};

}  // namespace wijkatlas::geo::points_detail
