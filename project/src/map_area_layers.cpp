#include "wijkatlas/project/map_area_layers.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <cmath>
#include <limits>

#include "wijkatlas/geo/cbs_measures.hpp"
#include "wijkatlas/geo/codes.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::project {
namespace {

constexpr double no_data = std::numeric_limits<double>::quiet_NaN();
constexpr const char* cbs_attribution = "CBS, Kadaster";
const std::vector<std::string> derived_fields{"naam", "code", "inwoners", "oppervlakte_km2",
                                              "dichtheid"};

std::string joined(const std::vector<std::string>& names, std::size_t max = 12) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += ", ...";
  return out;
}

// Defaults per layer type, overridden by what the definition gives.
render::AreaLayer styled_area_layer(const render::LayerDefinition& l) {
  render::AreaLayer layer;
  layer.legend_title = l.legend;
  const bool choropleth = l.type == render::LayerType::choropleth;
  layer.fill = l.fill_given ? l.fill : std::nullopt;
  layer.fill_opacity = l.fill_opacity;
  layer.outline = {l.outline.value_or(choropleth ? render::Rgb{0x80, 0x80, 0x80}
                                                 : render::Rgb{0x4d, 0x4d, 0x4d}),
                   l.outline_width_mm.value_or(choropleth ? 0.2 : 0.35)};
  if (l.label_size_pt) layer.label_style.size_pt = *l.label_size_pt;
  if (choropleth) {
    layer.choropleth = render::Choropleth{{}, l.method, l.classes, l.palette, l.decimals};
    // A CBS column without a legend of its own: its title and unit, not its column name.
    if (layer.legend_title.empty()) {
      if (const geo::CbsMeasure* m = geo::cbs_measures().find(l.value_field)) {
        layer.legend_title = geo::cbs_measures().label(m->code);
      }
    }
  }
  return layer;
}

std::optional<double> area_value(const geo::Area& a, const std::string& field) {
  if (field == "inwoners") return a.inwoners;
  const double land = a.land_m2.value_or(a.area_m2);
  if (field == "oppervlakte_km2") return land / 1e6;
  if (field == "dichtheid") {
    if (!a.inwoners || land <= 0) return std::nullopt;
    return *a.inwoners / (land / 1e6);
  }
  for (const auto& [name, value] : a.indicators) {
    if (support::equal_ignoring_case(name, field)) return geo::as_number(value);
  }
  return std::nullopt;
}

bool area_has_field(const geo::AreaHierarchy& h, geo::Level level, const std::string& field) {
  if (std::find(derived_fields.begin(), derived_fields.end(), field) != derived_fields.end())
    return true;
  for (const auto& column : h.indicator_columns[static_cast<std::size_t>(level)]) {
    if (support::equal_ignoring_case(column, field)) return true;
  }
  return std::any_of(h.at(level).begin(), h.at(level).end(), [&](const geo::Area& a) {
    return std::any_of(a.indicators.begin(), a.indicators.end(), [&](const auto& kv) {
      return support::equal_ignoring_case(kv.first, field);
    });
  });
}

void require_area_field(const geo::AreaHierarchy& h, geo::Level level, const std::string& key,
                        const std::string& field, const FailAt& fail) {
  if (field.empty() || area_has_field(h, level, field)) return;
  std::vector<std::string> known = derived_fields;
  const auto& columns = h.indicator_columns[static_cast<std::size_t>(level)];
  known.insert(known.end(), columns.begin(), columns.end());
  fail(key, "no field '" + field + "' for the " + geo::to_string(level) +
                " areas (fields: " + joined(known, 20) + ")");
}

}  // namespace

geo::Level parse_map_level(const std::string& text, const std::string& key, const FailAt& fail) {
  if (text == "buurt") return geo::Level::buurt;
  if (text == "wijk") return geo::Level::wijk;
  if (text == "programma" || text == "programmawijk") return geo::Level::programma;
  if (text == "gemeente") return geo::Level::gemeente;
  fail(key, "'" + text + "' is not a level (buurt, wijk, programma, gemeente)");
  return geo::Level::buurt;
}

geo::Box fit_areas(const geo::AreaHierarchy& hierarchy, const std::string& level_name,
                   const std::string& area, const FailAt& fail) {
  const geo::Level level = parse_map_level(level_name, "level", fail);
  std::optional<geo::Box> box;
  std::vector<std::string> known;
  for (const geo::Area& a : hierarchy.at(level)) {
    known.push_back(a.naam.empty() ? a.code : a.naam);
    if (!area.empty() && !support::equal_ignoring_case(a.code, area) &&
        !support::equal_ignoring_case(a.naam, area))
      continue;
    geo::Box b;
    boost::geometry::envelope(a.geometry, b);
    if (box)
      boost::geometry::expand(*box, b);
    else
      box = b;
  }
  if (!box) {
    fail("area",
         "'" + area + "' matches no " + geo::to_string(level) + " (known: " + joined(known) + ")");
  }
  return *box;
}

render::MapLayer area_layer_from_hierarchy(const geo::AreaHierarchy& hierarchy,
                                           const render::LayerDefinition& l, const FailAt& fail) {
  const geo::Level level = parse_map_level(l.level, "level", fail);
  require_area_field(hierarchy, level, "label", l.label_field, fail);
  require_area_field(hierarchy, level, "field", l.value_field, fail);
  if (!l.category_field.empty()) fail("category", "only points layers have categories");
  render::AreaLayer layer = styled_area_layer(l);
  layer.attribution = l.attribution.value_or(cbs_attribution);
  layer.simplified_boundaries = hierarchy.simplified_boundaries;
  std::vector<std::string> known;
  for (const geo::Area& a : hierarchy.at(level)) {
    known.push_back(a.naam.empty() ? a.code : a.naam);
    if (!l.area.empty() && !support::equal_ignoring_case(a.code, l.area) &&
        !support::equal_ignoring_case(a.naam, l.area))
      continue;
    layer.shapes.push_back(a.geometry);
    if (l.label_field == "naam")
      layer.names.push_back(a.naam);
    else if (l.label_field == "code")
      layer.names.push_back(a.code);
    else if (!l.label_field.empty()) {
      const auto v = area_value(a, l.label_field);
      layer.names.push_back(v ? render::format_number(*v, 0, render::Language::nl) : "");
    }
    if (layer.choropleth)
      layer.choropleth->values.push_back(area_value(a, l.value_field).value_or(no_data));
  }
  if (!l.area.empty() && layer.shapes.empty())
    fail("area", "'" + l.area + "' matches no " + geo::to_string(level) +
                     " (known: " + joined(known) + ")");
  return layer;
}

render::MapLayer layer_from_features(const geo::Layer& data, const render::LayerDefinition& l,
                                     bool is_cbs, const FailAt& fail) {
  const auto field = [&](const std::string& key,
                         const std::string& name) -> std::optional<std::size_t> {
    if (name.empty()) return std::nullopt;
    if (auto index = data.field_index(name)) return index;
    std::vector<std::string> names;
    for (const auto& f : data.fields) names.push_back(f.name);
    fail(key, "no field '" + name + "' in " + data.source + " (fields: " + joined(names, 20) + ")");
    return std::nullopt;
  };
  const auto label = field("label", l.label_field);
  if (l.type == render::LayerType::points) {
    const auto category = field("category", l.category_field);
    render::PointLayer layer;
    layer.legend_title = l.legend;
    layer.attribution = l.attribution.value_or("");
    layer.symbol_mm = l.symbol_mm;
    if (l.label_size_pt) layer.label_style.size_pt = *l.label_size_pt;
    for (const geo::Feature& f : data.features) {
      const auto add = [&](const geo::Point& p) {
        layer.points.push_back(p);
        if (category) layer.categories.push_back(geo::to_text(f.values[*category]));
        if (label) layer.labels.push_back(geo::to_text(f.values[*label]));
      };
      if (const auto* p = std::get_if<geo::Point>(&f.geometry))
        add(*p);
      else if (const auto* mp = std::get_if<geo::MultiPoint>(&f.geometry))
        for (const auto& q : *mp) add(q);
    }
    if (layer.points.empty()) fail("source", data.source + " has no point features");
    return layer;
  }
  const auto value = field("field", l.value_field);
  render::AreaLayer layer = styled_area_layer(l);
  layer.attribution = l.attribution.value_or(is_cbs ? cbs_attribution : "");
  for (const geo::Feature& f : data.features) {
    // Lines (what residents drew as lines) are stroked with the outline; never classed.
    if (const auto* lines = std::get_if<geo::MultiLineString>(&f.geometry)) {
      if (!layer.choropleth) layer.lines.push_back(*lines);
      continue;
    }
    const auto* polygons = std::get_if<geo::MultiPolygon>(&f.geometry);
    if (polygons == nullptr) continue;
    layer.shapes.push_back(*polygons);
    if (label) layer.names.push_back(geo::to_text(f.values[*label]));
    if (layer.choropleth) {
      // CBS products mark missing figures with -99999997..-99999999.
      const double v = geo::as_number(f.values[*value]).value_or(no_data);
      layer.choropleth->values.push_back(v <= -99999990 ? no_data : v);
    }
  }
  if (layer.shapes.empty() && layer.lines.empty())
    fail("source", data.source + " has no polygons or lines");
  return layer;
}

}  // namespace wijkatlas::project
