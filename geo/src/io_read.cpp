// read_layer: any OGR source into a Layer in RD New, with every problem named by feature.
#include <boost/geometry.hpp>
#include <exception>
#include <filesystem>
#include <functional>

#include "detail/csv_columns.hpp"
#include "detail/csv_types.hpp"
#include "detail/ogr_open.hpp"
#include "detail/read_checks.hpp"
#include "overlap/parallel.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {
namespace bg = boost::geometry;
using namespace detail;
using namespace support;

// Typed value of one OGR field; text is checked to be UTF-8.
// `where` names the feature for an error message.
template <typename Where>
Value read_value(OGRFeature& f, int index, FieldType type, const Where& where) {
  if (!f.IsFieldSetAndNotNull(index)) return {};
  switch (type) {
    case FieldType::integer:
      return static_cast<std::int64_t>(f.GetFieldAsInteger64(index));
    case FieldType::real:
      return f.GetFieldAsDouble(index);
    case FieldType::date: {
      int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      f.GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz);
      return Date{y, m, d};
    }
    case FieldType::text: {
      std::string text = f.GetFieldAsString(index);
      if (!is_valid_utf8(text)) {
        throw data_error(where(), "",
                         "field '" + std::string(f.GetFieldDefnRef(index)->GetNameRef()) +
                             "' is not valid UTF-8 text (save the file as UTF-8)");
      }
      return text;
    }
  }
  return {};
}

class LayerReader {
 public:
  // With a `sink`, the features go to it in batches of at most `batch` (each checked,
  // transformed and repaired), and read() returns the layer without features.
  LayerReader(const std::filesystem::path& path, const ReadOptions& options, Reporter& reporter,
              std::size_t batch = 0, const std::function<void(Layer&)>* sink = nullptr)
      : path_(path),
        options_(options),
        reporter_(reporter),
        opened_(open_layer(path, options.layer)),
        batch_(batch),
        sink_(sink) {
    out_.name = opened_.layer->GetName();
    out_.source = opened_.label;
    out_.fids_are_csv_rows = opened_.is_csv;
  }

  Layer read() {
    if (opened_.is_csv)
      read_csv();
    else
      read_ogr();
    if (read_ + out_.features.size() == 0 && !options_.allow_empty) {
      throw data_error(
          out_.source, "",
          "the layer has no features" +
              (options_.where.empty() ? std::string{} : " matching " + options_.where));
    }
    finish_geometries();
    if (sink_ && !out_.features.empty()) hand_over();
    if (outside_netherlands_ > 0) {
      reporter_.warn(out_.source + ": " + std::to_string(outside_netherlands_) +
                     " features lie outside the Netherlands (RD New is only accurate inside)");
    }
    if (repaired_ > 0 && options_.repairs == RepairReport::summary) {
      reporter_.warn(out_.source + ": " + std::to_string(repaired_) +
                     " invalid polygons repaired with GEOS MakeValid (the first: " + first_repair_ +
                     ")");
    }
    return std::move(out_);
  }

 private:
  bool keep_field(const std::string& name) const {
    if (options_.fields.empty()) return true;
    for (const auto& f : options_.fields) {
      if (f == name) return true;
    }
    return false;
  }

  void set_filter() {
    if (options_.where.empty()) return;
    if (opened_.layer->SetAttributeFilter(options_.where.c_str()) != OGRERR_NONE) {
      throw io_error(path_.string(),
                     "invalid attribute filter '" + options_.where +
                         "': " + last_gdal_error("OGR rejected it"),
                     out_.name);
    }
  }

  // The RD box in the layer's own CRS: the envelope of its densified outline.
  void set_spatial_filter() {
    if (!options_.bbox) return;
    const Box& b = *options_.bbox;
    MultiPoint outline;
    constexpr int steps = 8;
    for (int i = 0; i <= steps; ++i) {
      const double t = static_cast<double>(i) / steps;
      const double x = b.min_corner().x() + t * (b.max_corner().x() - b.min_corner().x());
      const double y = b.min_corner().y() + t * (b.max_corner().y() - b.min_corner().y());
      outline.insert(outline.end(), {Point(x, b.min_corner().y()), Point(x, b.max_corner().y()),
                                     Point(b.min_corner().x(), y), Point(b.max_corner().x(), y)});
    }
    Transformer(rd_new, out_.source_crs).transform(std::span<Point>(outline));
    Box filter;
    bg::envelope(outline, filter);
    opened_.layer->SetSpatialFilterRect(filter.min_corner().x(), filter.min_corner().y(),
                                        filter.max_corner().x(), filter.max_corner().y());
  }

  void resolve_crs(const std::string& declared, const std::string& fallback) {
    SourceCrs resolved = resolve_source_crs(out_.source, options_.assign_crs, declared, fallback);
    crs_declared_by_source_ = resolved.declared_by_source;
    out_.source_crs = std::move(resolved.crs);
    transformer_.emplace(std::move(resolved.to_rd));
  }

  void read_ogr() {
    OGRLayer* layer = opened_.layer;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<int> source_index;
    std::vector<const char*> ignored;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      OGRFieldDefn* fd = defn->GetFieldDefn(i);
      if (!keep_field(fd->GetNameRef())) {
        ignored.push_back(fd->GetNameRef());
        continue;
      }
      source_index.push_back(i);
      out_.fields.push_back(Field{fd->GetNameRef(), field_type_of(fd->GetType()),
                                  is_personal_field_name(fd->GetNameRef())});
    }
    ignored.push_back(nullptr);
    layer->SetIgnoredFields(ignored.data());
    set_filter();
    if (layer->GetGeomType() != wkbNone) {
      resolve_crs(declared_crs(layer->GetSpatialRef()), opened_.default_crs);
      set_spatial_filter();
    }

    const bool count_known = !opened_.is_osm;
    const auto total =
        count_known ? static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount(FALSE)))
                    : 0;
    out_.features.reserve(total);
    for (OgrFeature f = next_feature(opened_); f; f = next_feature(opened_)) {
      Feature feature;
      feature.fid = f->GetFID();
      // Only built when something is wrong: a string per feature costs seconds per million.
      auto where = [&] { return out_.source + ", feature " + std::to_string(feature.fid); };
      feature.values.reserve(source_index.size());
      for (std::size_t k = 0; k < source_index.size(); ++k) {
        feature.values.push_back(read_value(*f, source_index[k], out_.fields[k].type, where));
      }
      try {
        feature.geometry = from_ogr(f->GetGeometryRef());
      } catch (const std::invalid_argument& e) {
        throw data_error(where(), "", e.what());
      }
      out_.features.push_back(std::move(feature));
      if (total > 100000 && out_.features.size() % 100000 == 0) {
        reporter_.progress("lezen " + out_.name, out_.features.size(), total);
      }
      if (sink_ && out_.features.size() >= batch_) {
        finish_geometries();
        hand_over();
      }
    }
  }

  // The batch read so far to the sink; the next batch starts empty.
  void hand_over() {
    read_ += out_.features.size();
    (*sink_)(out_);
    out_.features.clear();
  }

  void read_csv() {
    OGRLayer* layer = opened_.layer;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> header;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      header.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    const auto location = find_location_columns(header);
    if (!location && options_.require_geometry) {
      throw data_error(out_.source, "line 1",
                       "no location columns: expected lon/lat (WGS84), x/y or x_rd/y_rd (RD New), "
                       "or a WKT column");
    }
    set_filter();
    if (location) resolve_crs({}, location->default_crs);

    std::vector<int> kept;  // source column indices of attribute fields
    for (int i = 0; i < static_cast<int>(header.size()); ++i) {
      const bool is_location =
          location && (i == location->x || i == location->y || i == location->wkt);
      if (!is_location && keep_field(header[static_cast<std::size_t>(i)])) kept.push_back(i);
    }
    std::vector<std::vector<std::string>> raw;  // per feature, kept columns as text
    for (OgrFeature f = next_feature(opened_); f; f = next_feature(opened_)) {
      Feature feature;
      feature.fid = f->GetFID();
      // The CSV driver numbers data rows from 1; the header is line 1.
      const std::string where = out_.source + ", " + out_.location_of(feature);
      std::vector<std::string> row;
      for (int i : kept) {
        std::string text = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
        if (!is_valid_utf8(text)) {
          throw data_error(where, "",
                           "column '" + header[static_cast<std::size_t>(i)] +
                               "' is not valid UTF-8 text (save the file as UTF-8)");
        }
        row.push_back(std::move(text));
      }
      if (location) feature.geometry = csv_geometry(*f, *location, where);
      raw.push_back(std::move(row));
      out_.features.push_back(std::move(feature));
    }
    for (std::size_t k = 0; k < kept.size(); ++k) {
      const std::string& name = header[static_cast<std::size_t>(kept[k])];
      ColumnType column;
      if (options_.infer_types) {
        for (const auto& row : raw) column.see(row[k]);
      }
      const FieldType type = options_.infer_types ? column.type() : FieldType::text;
      out_.fields.push_back(Field{name, type, is_personal_field_name(name)});
    }
    for (std::size_t row = 0; row < raw.size(); ++row) {
      auto& values = out_.features[row].values;
      for (std::size_t k = 0; k < kept.size(); ++k)
        values.push_back(typed_cell(raw[row][k], out_.fields[k].type));
    }
  }

  Geometry csv_geometry(OGRFeature& f, const CsvLocation& loc, const std::string& where) {
    if (loc.kind == CsvLocation::Kind::wkt) {
      std::string wkt = f.GetFieldAsString(loc.wkt);
      if (trim(wkt).empty()) return {};
      OGRGeometry* parsed = nullptr;
      if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &parsed) != OGRERR_NONE) {
        throw data_error(where, "", "cannot parse WKT geometry '" + wkt.substr(0, 60) + "'");
      }
      OgrGeometryPtr owned(parsed);
      return from_ogr(owned.get());
    }
    const std::string xs = f.GetFieldAsString(loc.x);
    const std::string ys = f.GetFieldAsString(loc.y);
    if (trim(xs).empty() && trim(ys).empty()) return {};
    const auto x = parse_number(xs);
    const auto y = parse_number(ys);
    const auto& defn = *f.GetDefnRef();
    if (!x)
      throw data_error(
          where, "",
          "'" + xs + "' in column " + defn.GetFieldDefn(loc.x)->GetNameRef() + " is not a number");
    if (!y)
      throw data_error(
          where, "",
          "'" + ys + "' in column " + defn.GetFieldDefn(loc.y)->GetNameRef() + " is not a number");
    return Point(*x, *y);
  }

  std::string feature_label(const Feature& f) const {
    return out_.source + ", " + out_.location_of(f);
  }

  // Transform to RD New, check the coordinates are plausible, repair invalid polygons.
  // Moves `feature` to slot `kept` (never onto itself: a self-move empties a vector).
  void keep(Feature& feature, std::size_t& kept) {
    if (&out_.features[kept] != &feature) out_.features[kept] = std::move(feature);
    ++kept;
  }

  // Transform to RD New, check the coordinates are plausible, repair invalid polygons. The
  // validity checks (GEOS, the costly part for thousands of buurten) run on all cores; the
  // outcome, warnings and the first error are as if each feature were handled in turn.
  void finish_geometries() {
    const std::size_t count = out_.features.size();
    std::vector<bool> dropped(count, false);  // outside ReadOptions::bbox
    std::size_t first_error = count;
    std::exception_ptr error;
    bool any_polygons = false;
    for (std::size_t i = 0; i < count; ++i) {
      Feature& feature = out_.features[i];
      try {
        if (is_empty(feature.geometry)) {
          if (options_.require_geometry)
            throw data_error(feature_label(feature), "", "the feature has no geometry");
          continue;
        }
        const Box original = envelope(feature.geometry);
        transformer_->transform(feature.geometry);
        if (options_.bbox && !bg::intersects(envelope(feature.geometry), *options_.bbox)) {
          dropped[i] = true;
          continue;
        }
        if (!inside_rd_bounds(envelope(feature.geometry))) {
          // A CRS we assumed (CSV) or the user named is probably wrong; one the file declares
          // is trusted: data elsewhere in the world (the OSM test extract) is allowed.
          if (!crs_declared_by_source_)
            throw_outside_rd_bounds(original, feature_label(feature), out_.source_crs);
          ++outside_netherlands_;
        }
        any_polygons = any_polygons || std::holds_alternative<MultiPolygon>(feature.geometry);
      } catch (...) {
        first_error = i;
        error = std::current_exception();
        break;
      }
    }
    std::vector<std::optional<std::string>> invalid(any_polygons ? first_error : 0);
    constexpr std::size_t per_job = 64;
    overlap_detail::parallel_for((invalid.size() + per_job - 1) / per_job, 0, [&](std::size_t job) {
      for (std::size_t i = job * per_job; i < std::min(invalid.size(), (job + 1) * per_job); ++i) {
        const Geometry& g = out_.features[i].geometry;
        if (!dropped[i] && std::holds_alternative<MultiPolygon>(g)) invalid[i] = invalid_reason(g);
      }
    });
    // Compacts in place: features that are dropped are overwritten by the ones after them.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < first_error; ++i) {
      Feature& feature = out_.features[i];
      if (dropped[i]) continue;
      if (i < invalid.size() && invalid[i]) {
        auto& polygons = std::get<MultiPolygon>(feature.geometry);
        const std::string where = feature_label(feature);
        if (!options_.repair_invalid)
          throw geometry_error(where, "invalid polygon: " + *invalid[i]);
        polygons = make_valid(polygons);
        if (options_.repairs == RepairReport::each) {
          reporter_.warn(where + ": invalid polygon (" + *invalid[i] +
                         ") repaired with GEOS MakeValid");
        } else if (repaired_++ == 0) {
          first_repair_ = out_.location_of(feature) + ": " + *invalid[i];
        }
        if (polygons.empty()) {
          reporter_.warn(where + ": nothing left after repair; feature skipped");
          continue;
        }
      }
      keep(feature, kept);
    }
    if (error) std::rethrow_exception(error);
    out_.features.resize(kept);
  }

  std::filesystem::path path_;
  const ReadOptions& options_;
  Reporter& reporter_;
  OpenedLayer opened_;
  Layer out_;
  std::optional<Transformer> transformer_;
  bool crs_declared_by_source_ = false;
  std::size_t batch_ = 0;
  const std::function<void(Layer&)>* sink_ = nullptr;
  std::size_t read_ = 0;  // features handed to the sink
  std::size_t outside_netherlands_ = 0;
  std::size_t repaired_ = 0;  // RepairReport::summary
  std::string first_repair_;
};

}  // namespace

Layer read_layer(const std::filesystem::path& path, const ReadOptions& options,
                 Reporter& reporter) {
  QuietGdalErrors quiet;
  return LayerReader(path, options, reporter).read();
}

Layer read_layer_batches(const std::filesystem::path& path, const ReadOptions& options,
                         Reporter& reporter, std::size_t batch,
                         const std::function<void(Layer&)>& sink) {
  QuietGdalErrors quiet;
  return LayerReader(path, options, reporter, std::max<std::size_t>(batch, 1), &sink).read();
}

}  // namespace wijkatlas::geo
