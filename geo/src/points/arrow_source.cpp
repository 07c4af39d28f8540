#include "points/arrow_source.hpp"

#include <ogr_recordbatch.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include "points/arrow_column.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/arrow_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::geo::points_detail {
namespace {

// The Arrow format GDAL gives each OGR field type we convert; nullptr for the others.
const char* arrow_format(const OGRFieldDefn& field) {
  switch (field.GetType()) {
    case OFTInteger:
      if (field.GetSubType() == OFSTBoolean) return "b";
      if (field.GetSubType() == OFSTInt16) return "s";
      return field.GetSubType() == OFSTNone ? "i" : nullptr;
    case OFTInteger64:
      return "l";
    case OFTReal:
      return field.GetSubType() == OFSTNone ? "g" : nullptr;
    case OFTString:
      return "u";
    case OFTDate:
      return "tdD";
    default:
      return nullptr;
  }
}

// Frees one column of a batch before the rest of it. The C data interface lets a consumer move
// a child array out (a bitwise copy) and release it on its own; the emptied child is left a
// release that does nothing, so that the batch's own release still frees the child's struct
// (GDAL frees it only if it is not marked released).
void release_column(ArrowArray& child) {
  if (child.release == nullptr) return;
  ArrowArray moved = child;
  child.release = [](ArrowArray* emptied) { emptied->release = nullptr; };
  moved.release(&moved);
}

// GDAL says a batch should not be used once its layer is gone (GDAL 3.6's own batches do not
// depend on it, but a driver's could): a batch shares the dataset, so that it may outlive the
// reader (KeptPoints).
class ArrowRows final : public BatchRows {
 public:
  ArrowRows(support::ArrowArrayHandle batch, const std::vector<std::string>& formats,
            std::shared_ptr<const detail::OpenedLayer> opened)
      : opened_(std::move(opened)), batch_(std::move(batch)) {
    // The columns are the batch's children, which the producer allocated: moving the batch
    // (its top struct) leaves them where they are.
    for (std::size_t c = 0; c < formats.size(); ++c) {
      columns_.emplace_back(*batch_->children[c + 1], formats[c]);
    }
  }
  Value value(std::size_t field, std::size_t row) const override {
    return columns_[field].value(static_cast<std::int64_t>(row));
  }
  std::optional<std::string_view> text(std::size_t field, std::size_t row) const override {
    return columns_[field].text(static_cast<std::int64_t>(row));
  }
  const std::vector<ArrowColumn>& columns() const { return columns_; }

 private:
  std::shared_ptr<const detail::OpenedLayer> opened_;  // first: released last
  support::ArrowArrayHandle batch_;
  std::vector<ArrowColumn> columns_;
};

// A WKB point (ISO or extended, 2D to 4D); nullopt for any other geometry type.
std::optional<Point> wkb_point(const std::uint8_t* wkb, std::size_t size) {
  if (size < 21) return std::nullopt;
  const bool little = wkb[0] == 1;
  auto read = [&](std::size_t at, auto value) {
    std::memcpy(&value, wkb + at, sizeof value);
    if (little != (std::endian::native == std::endian::little)) {
      auto* bytes = reinterpret_cast<unsigned char*>(&value);
      for (std::size_t i = 0; i < sizeof value / 2; ++i)
        std::swap(bytes[i], bytes[sizeof value - 1 - i]);
    }
    return value;
  };
  const std::uint32_t type = read(1, std::uint32_t{0});
  if ((type & 0x0fffffffu) % 1000 != 1) return std::nullopt;
  return Point(read(5, 0.0), read(13, 0.0));
}

class ArrowSource final : public Source {
 public:
  ArrowSource(detail::OpenedLayer opened, support::ArrowStreamHandle stream, std::string source,
              std::vector<std::string> fields, std::vector<std::string> formats,
              std::string geometry_format, std::size_t size_hint)
      : opened_(std::make_shared<const detail::OpenedLayer>(std::move(opened))),
        stream_(std::move(stream)),
        source_(std::move(source)),
        fields_(std::move(fields)),
        formats_(std::move(formats)),
        geometry_format_(std::move(geometry_format)),
        size_hint_(size_hint) {}
  std::string_view method() const override { return "arrow"; }
  std::size_t size_hint() const override { return size_hint_; }

  bool next(RawBatch& batch) override {
    support::ArrowArrayHandle owner;
    if (stream_->get_next(stream_.get(), owner.get()) != 0) {
      const char* error = stream_->get_last_error(stream_.get());
      throw io_error(source_,
                     std::string("reading failed: ") +
                         (error != nullptr ? error : "GDAL's Arrow stream gave no reason"));
    }
    if (owner.released()) return false;
    ArrowArray& array = *owner;
    const auto rows = static_cast<std::size_t>(array.length);
    const ArrowArray& fid = *array.children[0];
    const auto* fids = static_cast<const std::int64_t*>(fid.buffers[1]) + fid.offset;
    batch.fids.assign(fids, fids + rows);
    read_points(*array.children[array.n_children - 1], rows, batch);
    // The fids and points are copied: their columns (the geometries are most of a batch) go
    // back now, not when the batch is done with; a batch may be kept to the end
    // (KeptPoints), and GDAL's next batch reuses the memory.
    release_column(*array.children[0]);
    release_column(*array.children[array.n_children - 1]);
    auto arrow_rows = std::make_unique<ArrowRows>(std::move(owner), formats_, opened_);
    // read_layer checks every text value is UTF-8 as it reads; so does this.
    for (std::size_t c = 0; c < arrow_rows->columns().size(); ++c) {
      if (const auto bad = arrow_rows->columns()[c].first_invalid_utf8()) {
        throw data_error(
            source_ + ", feature " + std::to_string(batch.fids[static_cast<std::size_t>(*bad)]), "",
            "field '" + fields_[c] + "' is not valid UTF-8 text (save the file as UTF-8)");
      }
    }
    batch.rows = std::move(arrow_rows);
    return true;
  }

 private:
  void read_points(const ArrowArray& geometry, std::size_t rows, RawBatch& batch) const {
    const ArrowColumn column(geometry, geometry_format_);
    batch.points.resize(rows);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < rows; ++i) {
      const auto wkb = column.bytes(static_cast<std::int64_t>(i));
      std::optional<Point> point;
      if (wkb) {
        point = wkb_point(wkb->data(), wkb->size());
        if (!point) point = other_geometry(*wkb, batch.fids[i]);
      }
      // An empty point is NaN in WKB: no geometry, as read_layer sees it.
      if (!point || std::isnan(point->x()) || std::isnan(point->y())) {
        batch.without_geometry.push_back(i);
        point = Point(nan, nan);
      }
      batch.points[i] = *point;
    }
  }

  // A point layer may still hold another geometry type (the type is not enforced by every
  // format): its first point, as read_layer's caller would take it.
  std::optional<Point> other_geometry(std::span<const std::uint8_t> wkb, std::int64_t fid) const {
    OGRGeometry* parsed = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &parsed, wkb.size()) !=
        OGRERR_NONE) {
      throw data_error(source_ + ", feature " + std::to_string(fid), "", "unreadable geometry");
    }
    support::OgrGeometryPtr owned(parsed);
    Geometry g;
    try {
      g = support::from_ogr(owned.get());
    } catch (const std::invalid_argument& e) {
      throw data_error(source_ + ", feature " + std::to_string(fid), "", e.what());
    }
    if (const auto* multi = std::get_if<MultiPoint>(&g); multi && !multi->empty())
      return multi->front();
    throw data_error(source_ + ", feature " + std::to_string(fid), "",
                     "a " + to_string(kind_of(g)) + " in a point layer");
  }

  std::shared_ptr<const detail::OpenedLayer> opened_;  // shared with the batches
  support::ArrowStreamHandle stream_;
  std::string source_;
  std::vector<std::string> fields_, formats_;
  std::string geometry_format_;
  std::size_t size_hint_;
};

}  // namespace

std::unique_ptr<Source> open_arrow_source(detail::OpenedLayer& opened, const ReadOptions& options,
                                          std::size_t batch_size, SourceHeader& header) {
  OGRLayer* layer = opened.layer;
  if (!options.where.empty() || opened.is_csv || opened.is_osm) return nullptr;
  if (wkbFlatten(layer->GetGeomType()) != wkbPoint ||
      layer->GetLayerDefn()->GetGeomFieldCount() != 1) {
    return nullptr;
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<const char*> ignored;
  std::vector<std::string> formats, names;
  Layer& out = header.layer;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    OGRFieldDefn* fd = defn->GetFieldDefn(i);
    const bool keep = options.fields.empty() ||
                      std::find(options.fields.begin(), options.fields.end(), fd->GetNameRef()) !=
                          options.fields.end();
    if (!keep) {
      ignored.push_back(fd->GetNameRef());
      continue;
    }
    const char* format = arrow_format(*fd);
    if (format == nullptr) return nullptr;
    formats.emplace_back(format);
    names.emplace_back(fd->GetNameRef());
    out.fields.push_back(Field{fd->GetNameRef(), support::field_type_of(fd->GetType()),
                               is_personal_field_name(fd->GetNameRef())});
  }
  ignored.push_back(nullptr);
  header.crs =
      detail::resolve_source_crs(out.source, options.assign_crs,
                                 detail::declared_crs(layer->GetSpatialRef()), opened.default_crs);
  out.source_crs = header.crs->crs;
  layer->SetIgnoredFields(ignored.data());
  const std::string max_batch = "MAX_FEATURES_IN_BATCH=" + std::to_string(batch_size);
  const char* stream_options[] = {"INCLUDE_FID=YES", max_batch.c_str(), nullptr};
  support::ArrowStreamHandle stream;
  if (!OGR_L_GetArrowStream(OGRLayer::ToHandle(layer), stream.get(),
                            const_cast<char**>(stream_options))) {
    return nullptr;
  }
  // The columns must be the FID, the kept fields in order, then the geometry.
  support::ArrowSchemaHandle schema;
  std::string geometry_format;
  bool as_expected = stream->get_schema(stream.get(), schema.get()) == 0;
  if (as_expected) {
    as_expected = schema->n_children == static_cast<std::int64_t>(formats.size()) + 2 &&
                  std::strcmp(schema->children[0]->format, "l") == 0;
    for (std::size_t c = 0; as_expected && c < formats.size(); ++c) {
      as_expected = schema->children[c + 1]->format == formats[c];
    }
    geometry_format = as_expected ? schema->children[schema->n_children - 1]->format : "";
    as_expected = as_expected && (geometry_format == "z" || geometry_format == "Z");
  }
  if (!as_expected) return nullptr;
  const auto count = static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount(FALSE)));
  return std::make_unique<ArrowSource>(std::move(opened), std::move(stream), out.source,
                                       std::move(names), std::move(formats),
                                       std::move(geometry_format), count);
}

}  // namespace wijkatlas::geo::points_detail
