#include "wijkatlas/geo/layer.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {

bool is_null(const Value& v) {
  return std::holds_alternative<std::monostate>(v);
}

std::optional<double> as_number(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d)) return *d;
  }
  return std::nullopt;
}

std::string to_text(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, std::int64_t>)
          return std::to_string(x);
        else if constexpr (std::is_same_v<T, double>) {
          char buffer[64];
          std::snprintf(buffer, sizeof buffer, "%.15g", x);
          return buffer;
        } else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else {
          char buffer[16];
          std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", x.year, x.month, x.day);
          return buffer;
        }
      },
      v);
}

std::string to_string(FieldType type) {
  switch (type) {
    case FieldType::integer:
      return "integer";
    case FieldType::real:
      return "real";
    case FieldType::text:
      return "text";
    case FieldType::date:
      return "date";
  }
  return "unknown";
}

bool is_personal_field_name(std::string_view name) {
  const std::string lower = support::to_lower_ascii(name);
  return lower.starts_with("contact_") || lower.starts_with("prive_");
}

std::optional<std::size_t> Layer::field_index(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return i;
  }
  // GeoPackage and Shapefile field names are case-insensitive; so are we, after an exact match.
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (support::equal_ignoring_case(fields[i].name, field_name)) return i;
  }
  return std::nullopt;
}

std::size_t Layer::require_field(std::string_view field_name) const {
  if (auto index = field_index(field_name)) return *index;
  std::string known;
  for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f.name;
  throw data_error(source, "",
                   "no field '" + std::string(field_name) + "' (fields: " + known + ")");
}

std::string Layer::location_of(const Feature& feature) const {
  return fids_are_csv_rows ? "line " + std::to_string(feature.fid + 1)
                           : "feature " + std::to_string(feature.fid);
}

std::size_t Layer::add_field(Field field) {
  fields.push_back(std::move(field));
  for (auto& feature : features) feature.values.emplace_back();
  return fields.size() - 1;
}

}  // namespace wijkatlas::geo
