#include "wijkatlas/geo/join_output.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <memory>
#include <span>

namespace wijkatlas::geo {
namespace {

const char* layer_name(Level level) {
  switch (level) {
    case Level::buurt:
      return "buurten";
    case Level::wijk:
      return "wijken";
    case Level::programma:
      return "programmawijken";
    case Level::gemeente:
      return "gemeenten";
  }
  return "?";
}

std::string parent_code(const AreaHierarchy& h, const Area& area, Level parent_level) {
  if (area.level == parent_level) return area.code;
  const auto& buurten = h.at(Level::buurt);
  const auto& parents = h.at(parent_level);
  auto parent_of = [&](std::size_t b) {
    return buurten[b].parent[static_cast<std::size_t>(parent_level)];
  };
  std::int32_t common = -1;
  if (area.level == Level::buurt) {
    common = area.parent[static_cast<std::size_t>(parent_level)];
  } else {
    // A wijk belongs to a programme wijk only when all of its buurten do.
    for (std::size_t i = 0; i < area.buurten.size(); ++i) {
      const std::int32_t p = parent_of(area.buurten[i]);
      if (i == 0)
        common = p;
      else if (p != common)
        return {};
    }
  }
  return common >= 0 && static_cast<std::size_t>(common) < parents.size()
             ? parents[static_cast<std::size_t>(common)].code
             : std::string{};
}

Value optional_value(const std::optional<double>& v) {
  return v ? Value{*v} : Value{};
}

}  // namespace

std::string field_name_part(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "leeg" : out;
}

namespace {

// `Hierarchy` const: the areas' geometries are copied into the features; otherwise moved.
template <typename Hierarchy>
std::vector<Layer> build_area_layers(Hierarchy& h, const PointJoinResult& join,
                                     const JoinOutputOptions& options) {
  std::vector<Layer> layers;
  for (Level level : all_levels) {
    const auto l = static_cast<std::size_t>(level);
    auto& areas = h.levels[l];  // const when Hierarchy is
    if (areas.empty()) continue;
    Layer layer;
    layer.name = layer_name(level);
    layer.source = "wijkatlas join";
    layer.source_crs = "EPSG:28992";
    auto add = [&](std::string name, FieldType type) {
      layer.fields.push_back(Field{std::move(name), type, false});
    };
    add("code", FieldType::text);
    add("naam", FieldType::text);
    add("niveau", FieldType::text);
    add("wijkcode", FieldType::text);
    add("programmawijk", FieldType::text);
    add("gemeentecode", FieldType::text);
    add("oppervlakte_km2", FieldType::real);
    add("land_km2", FieldType::real);
    add("inwoners", FieldType::real);
    const bool with_counts = options.with_counts;
    if (with_counts) {
      add("n_punten", FieldType::integer);
      for (const auto& theme : join.themes) add("n_" + field_name_part(theme), FieldType::integer);
      add("per_1000_inwoners", FieldType::real);
      add("per_km2", FieldType::real);
    }
    const bool with_value = with_counts && !options.value_field.empty();
    if (with_value) {
      add("som_" + field_name_part(options.value_field), FieldType::real);
      add("gem_" + field_name_part(options.value_field), FieldType::real);
    }
    // An indicator named like one of our own fields keeps its values under "cbs_<name>".
    for (const auto& column : h.indicator_columns[l]) {
      const bool taken = layer.field_index(column).has_value();
      add(taken ? "cbs_" + column : column, FieldType::real);
    }
    for (std::size_t i = 0; i < areas.size(); ++i) {
      auto& a = areas[i];
      const AreaAggregate agg = with_counts ? join.per_level[l][i] : AreaAggregate{};
      Feature f;
      f.fid = static_cast<std::int64_t>(i + 1);
      auto& v = f.values;
      v = {a.code,
           a.naam,
           to_string(level),
           parent_code(h, a, Level::wijk),
           parent_code(h, a, Level::programma),
           parent_code(h, a, Level::gemeente),
           a.area_m2 / 1e6,
           a.land_m2 ? Value{*a.land_m2 / 1e6} : Value{},
           optional_value(a.inwoners)};
      if (with_counts) {
        v.emplace_back(agg.count);
        for (const auto& theme : join.themes) {
          auto it = agg.per_theme.find(theme);
          v.emplace_back(it == agg.per_theme.end() ? std::int64_t{0} : it->second);
        }
        const auto count = static_cast<double>(agg.count);
        v.push_back(a.inwoners && *a.inwoners > 0 ? Value{count * 1000.0 / *a.inwoners} : Value{});
        // Per km² of land where CBS gives the land area (water excluded), else of the whole area.
        const double km2 = (a.land_m2 ? *a.land_m2 : a.area_m2) / 1e6;
        v.push_back(km2 > 0 ? Value{count / km2} : Value{});
      }
      if (with_value) {
        v.emplace_back(agg.value_sum);
        v.push_back(agg.value_count > 0
                        ? Value{agg.value_sum / static_cast<double>(agg.value_count)}
                        : Value{});
      }
      for (const auto& column : h.indicator_columns[l]) {
        auto it = a.indicators.find(column);
        v.push_back(it == a.indicators.end() ? Value{} : it->second);
      }
      if constexpr (std::is_const_v<Hierarchy>)
        f.geometry = a.geometry;
      else
        f.geometry = std::move(a.geometry);
      layer.features.push_back(std::move(f));
    }
    // Indicator columns holding text (names, codes) are text fields.
    for (std::size_t c = 0; c < layer.fields.size(); ++c) {
      if (layer.fields[c].type != FieldType::real) continue;
      const bool any_text = std::any_of(
          layer.features.begin(), layer.features.end(),
          [&](const Feature& f) { return std::holds_alternative<std::string>(f.values[c]); });
      if (any_text) {
        layer.fields[c].type = FieldType::text;
        for (auto& f : layer.features) {
          if (!is_null(f.values[c])) f.values[c] = to_text(f.values[c]);
        }
      }
    }
    layers.push_back(std::move(layer));
  }
  return layers;
}

}  // namespace

std::vector<Layer> area_result_layers(const AreaHierarchy& h, const PointJoinResult& join,
                                      const JoinOutputOptions& options) {
  return build_area_layers(h, join, options);
}

std::vector<Layer> area_result_layers_taking_geometry(AreaHierarchy& h, const PointJoinResult& join,
                                                      const JoinOutputOptions& options) {
  return build_area_layers(h, join, options);
}

namespace {

// The codes a joined point gets, in this order, and where to find them for a point in buurt b
// (-1: outside every buurt, no codes): made once per buurt, not per point.
constexpr std::array<const char*, 4> code_fields{"buurtcode", "wijkcode", "programmawijk",
                                                 "gemeentecode"};

class BuurtCodes {
 public:
  explicit BuurtCodes(const AreaHierarchy& h) {
    for (const Area& buurt : h.at(Level::buurt)) {
      codes_.push_back({buurt.code, parent_code(h, buurt, Level::wijk),
                        parent_code(h, buurt, Level::programma),
                        parent_code(h, buurt, Level::gemeente)});
    }
  }
  Value code(std::int32_t buurt, std::size_t k) const {
    if (buurt < 0) return {};
    const std::string& code = codes_[static_cast<std::size_t>(buurt)][k];
    return code.empty() ? Value{} : Value{code};
  }

 private:
  std::vector<std::array<std::string, 4>> codes_;
};

// The points' fields with the code fields added, and where each code goes. A field of the
// input with one of their names (a registry that already had a buurtcode) is replaced by the
// joined value: two fields of one name cannot be written.
std::array<std::size_t, 4> add_code_fields(Layer& points) {
  std::array<std::size_t, 4> index{};
  for (std::size_t k = 0; k < code_fields.size(); ++k) {
    const Field code{code_fields[k], FieldType::text, false};
    const auto existing = points.field_index(code.name);
    index[k] = existing ? *existing : points.fields.size();
    if (existing)
      points.fields[*existing] = code;
    else
      points.fields.push_back(code);
  }
  return index;
}

}  // namespace

Layer joined_points_layer(Layer points, const AreaHierarchy& h, const PointJoinResult& join) {
  Layer out = std::move(points);
  out.name = "punten";
  const std::array<std::size_t, 4> index = add_code_fields(out);
  const std::size_t width = out.fields.size();
  const BuurtCodes codes(h);
  for (std::size_t i = 0; i < out.features.size(); ++i) {
    auto& v = out.features[i].values;
    v.resize(width);
    for (std::size_t k = 0; k < code_fields.size(); ++k)
      v[index[k]] = codes.code(join.buurt_of_point[i], k);
  }
  return out;
}

WriteOptions::GeneratedTable joined_points_table(const KeptPoints& points,
                                                 const AreaHierarchy& hierarchy,
                                                 const std::vector<std::int32_t>& buurten) {
  Layer header = points.header();
  const std::size_t read_fields = header.fields.size();
  const std::array<std::size_t, 4> index = add_code_fields(header);
  WriteOptions::GeneratedTable table;
  table.name = "punten";
  table.fields = std::move(header.fields);
  table.narrow_integers = true;  // as the layer of the same points would be written
  table.rows = points.size();
  table.row = [&points, &buurten, index, read_fields,
               codes = std::make_shared<const BuurtCodes>(hierarchy)](std::size_t row,
                                                                      std::vector<Value>& values) {
    points.values(row, std::span(values).first(read_fields));
    for (std::size_t k = 0; k < code_fields.size(); ++k)
      values[index[k]] = codes->code(buurten[row], k);
  };
  table.point = [&points](std::size_t row) -> std::optional<Point> {
    const Point& p = points.point(row);
    if (std::isnan(p.x())) return std::nullopt;
    return p;
  };
  return table;
}

WriteOptions::GeneratedTable point_codes_table(const AreaHierarchy& hierarchy,
                                               const PointAssignments& assignments) {
  WriteOptions::GeneratedTable table;
  table.name = "punten_codes";
  table.fields.push_back(Field{"bron_fid", FieldType::integer, false});
  for (const char* name : code_fields) table.fields.push_back(Field{name, FieldType::text, false});
  table.rows = assignments.fids.size();
  table.row = [codes = std::make_shared<const BuurtCodes>(hierarchy), &assignments](
                  std::size_t row, std::vector<Value>& values) {
    values[0] = assignments.fids[row];
    for (std::size_t k = 0; k < code_fields.size(); ++k)
      values[k + 1] = codes->code(assignments.buurten[row], k);
  };
  return table;
}

Layer outside_points_layer(const Layer& points, const PointJoinResult& join) {
  Layer out;
  out.name = "punten_buiten_gebied";
  out.source = points.source;
  out.source_crs = points.source_crs;
  out.fields = points.fields;
  for (std::size_t i : join.outside) out.features.push_back(points.features[i]);
  return out;
}

Table area_result_table(const std::vector<Layer>& area_layers) {
  Table table;
  for (const auto& layer : area_layers) {
    for (const auto& f : layer.fields) {
      if (std::find(table.columns.begin(), table.columns.end(), f.name) == table.columns.end()) {
        table.columns.push_back(f.name);
      }
    }
  }
  for (const auto& layer : area_layers) {
    for (const auto& feature : layer.features) {
      std::vector<Value> row(table.columns.size());
      for (std::size_t c = 0; c < layer.fields.size(); ++c) {
        const auto column =
            std::find(table.columns.begin(), table.columns.end(), layer.fields[c].name) -
            table.columns.begin();
        row[static_cast<std::size_t>(column)] = feature.values[c];
      }
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace wijkatlas::geo
