#pragma once
// Reading a point layer in batches, for point sets of any size in bounded memory: every
// address of the country, a year of reports. Where the format allows, without one OGR feature
// per point: GDAL's Arrow stream (GeoPackage, GeoJSON, FlatGeobuf, ...) or a CSV's x/y or
// lon/lat columns parsed directly. Anything else (WKT columns, OSM, lines and polygons, exotic
// field types) goes through read_layer, so the points are always the ones read_layer gives:
// the same feature ids, the same coordinates in RD New, the same checks and messages.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

namespace points_detail {
class BatchRows;
class ReaderState;
}  // namespace points_detail

// Up to PointReadOptions::batch_size points and the source rows they came from; valid until
// the next call of PointReader::next with it.
class PointBatch {
 public:
  PointBatch();
  ~PointBatch();
  PointBatch(PointBatch&&) noexcept;
  PointBatch& operator=(PointBatch&&) noexcept;

  std::size_t size() const { return points_.size(); }
  // RD New; the representative point (join.hpp) of other geometries; NaN for a feature
  // without geometry (read with ReadOptions::require_geometry off).
  std::span<const Point> points() const { return points_; }
  std::span<const std::int64_t> fids() const { return fids_; }

  // Value of field `field` (index into PointReader::fields()) of point i, as read: a CSV's
  // columns are text until every row has been seen (PointReader::final_value types them).
  Value value(std::size_t field, std::size_t i) const;
  // The same as text without a copy, when the source holds it as text; otherwise nullopt.
  std::optional<std::string_view> text(std::size_t field, std::size_t i) const;
  // The whole feature, values as read, geometry in RD New.
  Feature feature(std::size_t i) const;
  // Frees what the batch holds only to be filled again (the source's coordinates, when they
  // were transformed): for a batch that is kept rather than given back.
  void drop_refill_storage() { source_points_ = {}; }

 private:
  friend class points_detail::ReaderState;
  std::vector<Point> points_;
  std::vector<Point> source_points_;  // the source's coordinates, when transformed: kept for reuse
  std::vector<std::int64_t> fids_;
  std::size_t field_count_ = 0;
  std::unique_ptr<points_detail::BatchRows> rows_;
};

struct PointReadOptions {
  std::size_t batch_size = std::size_t{1} << 18;
  // Batches read ahead on a thread of the reader's own (0: read on the caller's thread). The
  // file is then opened on that thread too, so that reading starts at once.
  std::size_t read_ahead = 0;
};

class PointReader {
 public:
  // `options` as for read_layer; `where` and `bbox` send the layer through read_layer.
  // Errors (cannot open, unknown CRS, a bad row) are thrown by the constructor, by header()
  // or by next(), as read_layer would throw them.
  PointReader(const std::filesystem::path& path, const ReadOptions& options, Reporter& reporter,
              const PointReadOptions& read = {});
  ~PointReader();
  PointReader(const PointReader&) = delete;
  PointReader& operator=(const PointReader&) = delete;

  // The layer without its features: name, source, CRS, fields (a CSV's field types are final
  // once next() has returned false).
  const Layer& header();
  // The number of points if the source knows it without reading them, else 0.
  std::size_t size_hint();
  // How the points are read: "arrow", "csv" or "read_layer". For tests and the benchmark.
  std::string_view method();
  // Whether batches are read ahead on a thread of the reader's own (PointReadOptions).
  bool reads_ahead() const;
  // Whether values are text until the last batch (a CSV's columns), so that final_value must
  // type them.
  bool typed_at_end();
  // Whether a batch holds its features whole (each one's geometry is its point) and may
  // outlive the reader: what KeptPoints keeps. False for layers read through read_layer (lines,
  // polygons, OSM, WKT columns), whose batches refer to the layer the reader holds.
  bool batches_stand_alone();

  // The next batch into `batch`; false when every point has been read (then the field types
  // are final, and a layer without points has thrown unless ReadOptions::allow_empty).
  bool next(PointBatch& batch);
  // Gives a batch that is no longer needed back, so that its memory holds a later batch:
  // ten million points come in forty batches, and fresh memory for each cost more than the
  // join. next() reuses the batch it is given as well.
  void recycle(PointBatch&& batch);

  // `value` of field `field` as read_layer would give it (CSV: typed by the whole column).
  // Only once next() has returned false.
  Value final_value(std::size_t field, Value value) const;
  // final_value as a function that no longer needs the reader (empty: values are final as
  // read). Only once next() has returned false.
  using FinalTyping = std::function<Value(std::size_t field, Value value)>;
  FinalTyping final_typing() const;

 private:
  std::unique_ptr<points_detail::ReaderState> state_;
};

}  // namespace wijkatlas::geo
