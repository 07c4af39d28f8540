#pragma once
// The data model: a layer of features with typed attributes and a geometry in RD New.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::geo {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

enum class FieldType { integer, real, text, date };

// An attribute value; std::monostate is null.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Date>;

bool is_null(const Value& v);
std::optional<double> as_number(const Value& v);
std::string to_text(const Value& v);  // "" for null; ISO for dates
std::string to_string(FieldType type);

struct Field {
  std::string name;
  FieldType type = FieldType::text;
  // Personal data (contact details) never leaves the program unless the user asks for it.
  bool personal = false;
};

// Personal fields are named contact_* or prive_* (docs/registry.md).
bool is_personal_field_name(std::string_view name);

struct Feature {
  std::int64_t fid = 0;
  std::vector<Value> values;  // parallel to Layer::fields
  Geometry geometry;
};

struct Layer {
  std::string name;
  std::string source;      // file (and layer) it was read from, for messages
  std::string source_crs;  // e.g. "EPSG:4326"; geometry is always RD New after reading
  std::vector<Field> fields;
  std::vector<Feature> features;
  bool fids_are_csv_rows = false;  // read from CSV: feature fid N is on line N + 1

  // "line 7" or "feature 6": where a feature is in its source, for messages.
  std::string location_of(const Feature& feature) const;

  // Exact name first, then ignoring ASCII case (as GeoPackage does).
  std::optional<std::size_t> field_index(std::string_view field_name) const;
  // Index of the field or a data_error naming the layer and the fields that do exist.
  std::size_t require_field(std::string_view field_name) const;
  // Adds a field (null for existing features) and returns its index.
  std::size_t add_field(Field field);
};

}  // namespace wijkatlas::geo
