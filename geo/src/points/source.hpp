#pragma once
// The sources a PointReader reads from. Each yields batches of points in its own CRS, with the
// rows they came from; PointReader transforms and checks them the same way for all.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "detail/read_checks.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo::points_detail {

// The rows of one batch, as the source holds them.
class BatchRows {
 public:
  virtual ~BatchRows() = default;
  virtual Value value(std::size_t field, std::size_t row) const = 0;
  virtual std::optional<std::string_view> text(std::size_t /*field*/, std::size_t /*row*/) const {
    return std::nullopt;
  }
  // The feature's geometry in RD New, given its point in RD New (NaN: none).
  virtual Geometry geometry(std::size_t /*row*/, const Point& rd) const {
    return std::isnan(rd.x()) ? Geometry{} : Geometry{rd};
  }
};

struct RawBatch {
  std::vector<Point> points;  // in the source's CRS (RD New for a source that is in_rd())
  std::vector<std::int64_t> fids;
  std::vector<std::size_t> without_geometry;  // rows whose feature has no geometry, ascending
  std::unique_ptr<BatchRows> rows;
};

class Source {
 public:
  virtual ~Source() = default;
  virtual std::string_view method() const = 0;
  // The next points (at most the batch size the source was opened with); false at the end.
  virtual bool next(RawBatch& batch) = 0;
  // Whether a batch holds its features whole (each one's geometry is its point) and needs
  // neither the source nor other batches, so that it may outlive the source.
  virtual bool batches_stand_alone() const { return true; }
  // Whether the points are in RD New and checked already (read_layer did it).
  virtual bool in_rd() const { return false; }
  virtual std::size_t size_hint() const { return 0; }
  // Whether field values are text until the last row has been seen (CSV).
  virtual bool typed_at_end() const { return false; }
  // After the last batch: the final field types, and values in them.
  virtual void finish(std::vector<Field>& /*fields*/) {}
  virtual Value final_value(std::size_t /*field*/, Value value) const { return value; }
  // final_value as a function that outlives the source (empty: values are final as read).
  virtual std::function<Value(std::size_t, Value)> final_typing() const { return {}; }
};

// The header a source fills in: name, source label, fields, fids_are_csv_rows; source_crs
// and the transformation to RD New unless the source is in_rd().
struct SourceHeader {
  Layer layer;
  std::optional<detail::SourceCrs> crs;
};

// The fastest source the layer allows; read_layer's answer for anything the fast ones do not
// read exactly as it does.
std::unique_ptr<Source> open_source(const std::filesystem::path& path, const ReadOptions& options,
                                    std::size_t batch_size, Reporter& reporter,
                                    SourceHeader& header);

}  // namespace wijkatlas::geo::points_detail
