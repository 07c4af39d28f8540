// Reading the imported initiative registry back as the point layer `store import` read: the
// registry's own columns first, then its extra columns (kept as JSON in the store), so that
// maps, the join and the viewer draw the team's registry as they would draw the file.
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "rows.hpp"
#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;
namespace col = schema::initiatives;

// The registry's own columns (docs/registry.md), as the file names them.
constexpr std::array own_columns{col::id,     col::name,       col::theme,       col::description,
                                 col::status, col::start_date, col::illustrative};

geo::Value own_value(const OGRFeature& f, const char* column) {
  if (is_null(f, column)) return std::monostate{};
  if (std::string_view(column) == col::start_date) {
    int y = 0, m = 0, d = 0, hour = 0, minute = 0, zone = 0;
    float second = 0;
    f.GetFieldAsDateTime(f.GetFieldIndex(column), &y, &m, &d, &hour, &minute, &second, &zone);
    return geo::Date{y, m, d};
  }
  if (std::string_view(column) == col::illustrative)
    return std::string(integer(f, column) != 0 ? "ja" : "nee");
  return text(f, column);
}

geo::Value json_value(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return std::monostate{};
  return v.dump();
}

geo::FieldType type_of(const geo::Value& v) {
  if (std::holds_alternative<std::int64_t>(v)) return geo::FieldType::integer;
  if (std::holds_alternative<double>(v)) return geo::FieldType::real;
  return geo::FieldType::text;
}

}  // namespace

std::optional<geo::Layer> ProjectStore::initiatives() {
  const support::QuietGdalErrors quiet;
  Backend& b = *impl_->backend;
  if (!holds_table(b, col::table)) return std::nullopt;
  geo::Layer layer;
  layer.name = col::table;
  layer.source = b.location() + " (" + col::table + ")";
  layer.source_crs = "EPSG:28992";
  for (const char* c : own_columns)
    layer.fields.push_back(
        {c, std::string_view(c) == col::start_date ? geo::FieldType::date : geo::FieldType::text});
  // Rows in the order they were imported (the file's order), whatever order the backend
  // returns them in; the extra columns in the order they are first met.
  struct Read {
    GIntBig fid;
    geo::Feature feature;
    std::vector<std::pair<std::string, geo::Value>> extra;
  };
  std::vector<Read> read;
  Rows table(b, col::table);
  table.each("", [&](OGRFeature& f) {
    Read r{f.GetFID(), {}, {}};
    for (const char* c : own_columns) r.feature.values.push_back(own_value(f, c));
    r.feature.geometry = geometry_of(f, b.location());
    const std::string attributes = text(f, col::attributes);
    if (!attributes.empty()) {
      const nlohmann::json j = nlohmann::json::parse(attributes, nullptr, false);
      if (j.is_object())
        for (const auto& [key, value] : j.items()) r.extra.emplace_back(key, json_value(value));
    }
    read.push_back(std::move(r));
  });
  if (read.empty()) return std::nullopt;
  std::sort(read.begin(), read.end(), [](const Read& x, const Read& y) { return x.fid < y.fid; });
  std::map<std::string, std::size_t> extra_index;
  for (const Read& r : read) {
    for (const auto& [key, value] : r.extra) {
      const auto [it, added] = extra_index.try_emplace(key, layer.fields.size());
      if (added) {
        layer.fields.push_back({key, type_of(value), geo::is_personal_field_name(key)});
      } else if (!geo::is_null(value) && layer.fields[it->second].type != type_of(value)) {
        layer.fields[it->second].type = geo::FieldType::text;
      }
    }
  }
  for (Read& r : read) {
    geo::Feature& f = r.feature;
    f.fid = static_cast<std::int64_t>(layer.features.size());
    f.values.resize(layer.fields.size());
    for (auto& [key, value] : r.extra) f.values[extra_index.at(key)] = std::move(value);
    for (std::size_t i = own_columns.size(); i < layer.fields.size(); ++i) {
      // A field turned text because another row held text there: this row's number as text.
      if (layer.fields[i].type == geo::FieldType::text && !geo::is_null(f.values[i]))
        f.values[i] = geo::to_text(f.values[i]);
    }
    layer.features.push_back(std::move(f));
  }
  return layer;
}

}  // namespace wijkatlas::store
