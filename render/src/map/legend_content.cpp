#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::render::detail {
namespace {

std::string with_count(const std::string& text, std::size_t count) {
  return text + " (" + std::to_string(count) + ")";
}

// A fill drawn with some opacity looks lighter on the map; its swatch shows it as it looks over
// the white paper, not the full colour the map never shows.
Rgb seen_over_white(Rgb colour, double opacity) {
  const auto mix = [&](std::uint8_t c) {
    return static_cast<std::uint8_t>(std::lround(255.0 - (255.0 - c) * opacity));
  };
  return {mix(colour.r), mix(colour.g), mix(colour.b)};
}

void choropleth_entries(const AreaLayer& layer, const Classification& classes,
                        const geo::Box& extent, Language language, std::vector<LegendEntry>& out) {
  const Choropleth& ch = *layer.choropleth;
  std::vector<std::size_t> counts(classes.class_count(), 0);
  std::size_t no_data = 0;
  for (std::size_t i = 0; i < layer.shapes.size(); ++i) {
    if (!boxes_meet(envelope_of(layer.shapes[i]), extent)) continue;
    const double value =
        i < ch.values.size() ? ch.values[i] : std::numeric_limits<double>::quiet_NaN();
    if (const auto c = classes.class_of(value))
      ++counts[*c];
    else
      ++no_data;
  }
  const std::vector<Rgb> colours = class_colours(ch.palette, classes.class_count());
  out.push_back({SwatchKind::heading, layer.legend_title});
  for (std::size_t c = 0; c < counts.size(); ++c) {
    if (counts[c] == 0) continue;  // only classes present on this page
    const std::string range = format_number(classes.breaks[c], ch.decimals, language) + " – " +
                              format_number(classes.breaks[c + 1], ch.decimals, language);
    out.push_back({SwatchKind::fill, with_count(range, counts[c]),
                   seen_over_white(colours[c], layer.fill_opacity), layer.outline});
  }
  if (no_data > 0) {
    out.push_back({SwatchKind::fill, with_count(word(language, "no_data"), no_data),
                   seen_over_white(ch.no_data, layer.fill_opacity), layer.outline});
  }
}

// The kinds of landmark with a pictogram on this page, in their order of importance.
void landmark_entries(const MapPlan& plan, Language language, std::vector<LegendEntry>& out) {
  std::set<geo::LandmarkKind> kinds;
  for (const LandmarkSymbol& s : plan.landmarks) kinds.insert(s.kind);
  if (kinds.empty()) return;
  out.push_back({SwatchKind::heading, word(language, "landmarks")});
  for (const geo::LandmarkKind kind : kinds) {
    LegendEntry e{SwatchKind::landmark, landmark_kind_name(kind, language)};
    e.landmark = kind;
    out.push_back(std::move(e));
  }
}

void point_entries(const PointLayer& layer, const std::map<std::string, SymbolStyle>& symbols,
                   const geo::Box& extent, std::vector<LegendEntry>& out) {
  std::map<std::string, std::size_t> present;
  for (std::size_t i = 0; i < layer.points.size(); ++i) {
    if (!contains(extent, layer.points[i])) continue;
    ++present[i < layer.categories.size() ? layer.categories[i] : std::string{}];
  }
  if (present.empty()) return;
  if (layer.categories.empty()) {
    out.push_back({SwatchKind::symbol,
                   with_count(layer.legend_title, present.begin()->second),
                   {},
                   {},
                   symbols.begin()->second});
    return;
  }
  out.push_back({SwatchKind::heading, layer.legend_title});
  for (const auto& [category, count] : present) {
    LegendEntry e{SwatchKind::symbol, with_count(category.empty() ? "–" : category, count)};
    e.symbol = symbols.at(category);
    out.push_back(e);
  }
}

bool shows_areas(const AreaLayer& layer, const geo::Box& extent) {
  return std::any_of(layer.shapes.begin(), layer.shapes.end(),
                     [&](const auto& s) { return boxes_meet(envelope_of(s), extent); });
}

bool shows_lines(const AreaLayer& layer, const geo::Box& extent) {
  return std::any_of(layer.lines.begin(), layer.lines.end(),
                     [&](const auto& l) { return boxes_meet(envelope_of(l), extent); });
}

}  // namespace

std::map<std::string, SymbolStyle> assign_symbols(const PointLayer& layer) {
  std::set<std::string> names(layer.categories.begin(), layer.categories.end());
  if (names.empty()) names.insert(std::string{});
  std::map<std::string, SymbolStyle> out;
  std::size_t index = 0;
  for (const auto& name : names) {
    const auto fixed = layer.symbols.find(name);
    out[name] = fixed != layer.symbols.end() ? fixed->second : category_symbol(index++);
  }
  return out;
}

std::vector<LegendEntry> legend_entries(const MapSpec& spec, const MapPlan& plan) {
  const geo::Box extent = plan.frame.world_extent();
  std::vector<LegendEntry> out;
  // Top layer first, as the eye reads the map.
  for (std::size_t i = spec.layers.size(); i-- > 0;) {
    if (const auto* areas = std::get_if<AreaLayer>(&spec.layers[i])) {
      if (areas->legend_title.empty()) continue;
      if (areas->choropleth && plan.classes[i]) {
        choropleth_entries(*areas, *plan.classes[i], extent, spec.language, out);
      } else {
        if (shows_areas(*areas, extent)) {
          out.push_back(
              {SwatchKind::fill, areas->legend_title,
               seen_over_white(areas->fill.value_or(Rgb{255, 255, 255}), areas->fill_opacity),
               areas->outline});
        } else if (shows_lines(*areas, extent)) {
          out.push_back({SwatchKind::line, areas->legend_title, {}, areas->outline});
        }
      }
    } else if (const auto* points = std::get_if<PointLayer>(&spec.layers[i])) {
      if (!points->legend_title.empty()) point_entries(*points, plan.symbols[i], extent, out);
    }
  }
  landmark_entries(plan, spec.language, out);  // under the layers: they only help to find one's way
  return out;
}

std::string attribution_text(const MapSpec& spec, const geo::Box& extent) {
  std::vector<std::string> sources;
  bool osm = false;
  bool simplified = false;
  std::string edition;
  const auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(sources.begin(), sources.end(), s) == sources.end())
      sources.push_back(s);
  };
  for (const MapLayer& layer : spec.layers) {
    if (const auto* base = std::get_if<BaseMapLayer>(&layer)) {
      if (!base->map.areas.empty() || !base->map.lines.empty()) {
        if (!osm) edition = base->map.edition;
        osm = true;
      }
    } else if (const auto* areas = std::get_if<AreaLayer>(&layer)) {
      if (shows_areas(*areas, extent) || shows_lines(*areas, extent)) {
        add(areas->attribution);
        simplified = simplified || areas->simplified_boundaries;
      }
    } else if (const auto* points = std::get_if<PointLayer>(&layer)) {
      if (std::any_of(points->points.begin(), points->points.end(),
                      [&](const auto& p) { return contains(extent, p); })) {
        add(points->attribution);
      }
    }
  }
  std::string text;
  if (!sources.empty()) {
    text = word(spec.language, "source") + ": ";
    for (std::size_t i = 0; i < sources.size(); ++i) text += (i ? ", " : "") + sources[i];
  }
  if (osm) text += (text.empty() ? "" : " · ") + osm_credit(spec.language, edition);
  if (simplified)
    text += (text.empty() ? "" : " · ") + word(spec.language, "simplified_boundaries");
  return text;
}

std::string osm_credit(Language language, std::string_view edition) {
  return word(language, "osm") + (edition.empty() ? "" : " (" + std::string(edition) + ")");
}

std::string landmark_kind_name(geo::LandmarkKind kind, Language language) {
  using K = geo::LandmarkKind;
  if (language == Language::nl) {
    std::string name = geo::to_string(kind);  // lower-case ASCII
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
  }
  switch (kind) {
    case K::station:
      return "Station";
    case K::school:
      return "School";
    case K::church:
      return "Church";
    case K::mosque:
      return "Mosque";
    case K::worship:
      return "Place of worship";
    case K::town_hall:
      return "Town hall";
    case K::library:
      return "Library";
    case K::community_centre:
      return "Community centre";
    case K::supermarket:
      return "Supermarket";
    case K::doctor:
      return "General practitioner";
    case K::pharmacy:
      return "Pharmacy";
    case K::culture:
      return "Culture";
    case K::sports:
      return "Sports";
    case K::playground:
      return "Playground";
    case K::park:
      return "Park";
  }
  return geo::to_string(kind);
}

std::string word(Language language, std::string_view key) {
  const bool nl = language == Language::nl;
  if (key == "no_data") return nl ? "Geen gegevens" : "No data";
  if (key == "source") return nl ? "Bron" : "Source";
  if (key == "landmarks") return nl ? "Herkenningspunten" : "Landmarks";
  if (key == "osm") return nl ? "© OpenStreetMap-bijdragers" : "© OpenStreetMap contributors";
  if (key == "simplified_boundaries") {
    return nl ? "CBS-grenzen vereenvoudigd; afwijking tot ~300 m"
              : "CBS boundaries simplified; off by up to ~300 m";
  }
  if (key == "scale") return nl ? "Schaal" : "Scale";
  if (key == "north") return nl ? "N" : "N";
  return std::string(key);
}

}  // namespace wijkatlas::render::detail
