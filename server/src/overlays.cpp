#include "overlays.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "geojson.hpp"
#include "wijkatlas/render/style.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

// Paper widths of the printed maps at the OGC screen pixel (0.28 mm), never under one pixel.
double px(double mm) {
  return std::max(1.0, std::round(mm / 0.28 * 10) / 10);
}

json field(const std::string& name, const std::string& label) {
  return {{"naam", name}, {"label", label}};
}

struct AreaStyle {
  const char* id;
  const char* title;
  const char* fill;  // "" for none
  double fill_opacity;
  const char* stroke;
  double stroke_mm;
  bool visible;
};

// The colours of examples/maps/atlas_wijk.toml and arnhem_oost_overzicht.toml.
AreaStyle style_of(geo::Level level) {
  switch (level) {
    case geo::Level::programma:
      return {"programmawijken", "Programmawijken", "#7fb3d5", 0.25, "#1f4e79", 0.8, true};
    case geo::Level::wijk:
      return {"wijken", "CBS-wijken", "", 0, "#6b6b6b", 0.5, false};
    case geo::Level::buurt:
      return {"buurten", "CBS-buurten", "#f3f0e8", 0.35, "#9a9a9a", 0.25, false};
    case geo::Level::gemeente:
      break;
  }
  return {"gemeente", "Gemeente", "", 0, "#333333", 0.6, false};
}

json parent_name(const geo::AreaHierarchy& h, const geo::Area& a, geo::Level level) {
  const auto i = a.parent[static_cast<std::size_t>(level)];
  if (i < 0) return nullptr;
  return h.at(level)[static_cast<std::size_t>(i)].naam;
}

json number_or_null(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

}  // namespace

Overlay area_overlay(const geo::AreaHierarchy& hierarchy, geo::Level level) {
  const AreaStyle s = style_of(level);
  json features = json::array();
  for (const geo::Area& a : hierarchy.at(level)) {
    json props = {{"code", a.code},
                  {"naam", a.naam},
                  {"inwoners", number_or_null(a.inwoners)},
                  {"oppervlakte_ha", std::round(a.area_m2 / 100) / 100}};
    if (level == geo::Level::buurt) {
      props["wijk"] = parent_name(hierarchy, a, geo::Level::wijk);
      props["programmawijk"] = parent_name(hierarchy, a, geo::Level::programma);
    } else if (level == geo::Level::wijk) {
      props["programmawijk"] = parent_name(hierarchy, a, geo::Level::programma);
    }
    features.push_back({{"type", "Feature"},
                        {"id", a.code},
                        {"properties", std::move(props)},
                        {"geometry", to_geojson(a.geometry)}});
  }
  json style = {{"lijn", s.stroke}, {"lijndikte_px", px(s.stroke_mm)}};
  if (*s.fill) {
    style["vulling"] = s.fill;
    style["dekking"] = s.fill_opacity;
  }
  json fields = json::array({field("naam", "Naam"), field("code", "Code")});
  if (level == geo::Level::buurt) fields.push_back(field("wijk", "CBS-wijk"));
  if (level != geo::Level::programma) fields.push_back(field("programmawijk", "Programmawijk"));
  fields.push_back(field("inwoners", "Inwoners (CBS 2024)"));
  fields.push_back(field("oppervlakte_ha", "Oppervlakte (ha, gegeneraliseerd)"));
  json entry = {
      {"id", s.id},         {"titel", s.title},
      {"soort", "vlakken"}, {"zichtbaar", s.visible},
      {"stijl", style},     {"legenda", json::array({{{"label", s.title}, {"stijl", style}}})},
      {"velden", fields},   {"bron", "CBS, Kadaster (wijk- en buurtkaart 2024)"}};
  return {s.id, std::move(entry), feature_collection(std::move(features))};
}

std::vector<std::string> initiative_fields() {
  return {"id", "naam", "thema", "omschrijving", "status", "startdatum", "illustratief"};
}

Overlay initiative_overlay(const geo::Layer& registry) {
  std::vector<std::pair<std::string, std::size_t>> present;  // public fields the file has
  for (const std::string& name : initiative_fields()) {
    if (const auto i = registry.field_index(name); i && !geo::is_personal_field_name(name))
      present.emplace_back(name, *i);
  }
  const auto theme_field = registry.field_index("thema");
  std::set<std::string> themes;
  for (const geo::Feature& f : registry.features)
    themes.insert(theme_field ? geo::to_text(f.values[*theme_field]) : "");

  json features = json::array();
  std::map<std::string, std::size_t> counts;
  for (const geo::Feature& f : registry.features) {
    if (!std::holds_alternative<geo::Point>(f.geometry)) continue;
    json props = json::object();
    for (const auto& [name, i] : present) props[name] = geo::to_text(f.values[i]);
    const std::string theme = theme_field ? geo::to_text(f.values[*theme_field]) : "";
    ++counts[theme];
    json feature = {{"type", "Feature"},
                    {"properties", std::move(props)},
                    {"geometry", to_geojson(f.geometry)}};
    if (const auto id = registry.field_index("id")) feature["id"] = geo::to_text(f.values[*id]);
    features.push_back(std::move(feature));
  }

  // As render::detail::assign_symbols does for a printed map: the sorted names, one symbol each.
  static constexpr const char* shapes[] = {
      "cirkel", "vierkant", "driehoek", "ruit", "omgekeerde_driehoek", "ster", "zeshoek", "kruis"};
  json legend = json::array();
  json by_theme = json::object();
  std::size_t index = 0;
  for (const std::string& theme : themes) {
    const render::SymbolStyle symbol = render::category_symbol(index++);
    // The outline itself (diameter 1, y down; none for a circle): the page draws exactly the
    // printed symbol.
    json outline = json::array();
    for (const auto& [x, y] : render::symbol_outline(symbol.shape)) outline.push_back({x, y});
    json style = {{"vorm", shapes[static_cast<std::size_t>(symbol.shape)]},
                  {"omtrek", outline},
                  {"kleur", render::to_hex(symbol.colour)},
                  {"diameter_px", px(3.4)}};
    by_theme[theme] = style;
    legend.push_back({{"label", theme.empty() ? "(geen thema)" : theme},
                      {"waarde", theme},
                      {"aantal", counts[theme]},
                      {"stijl", style}});
  }
  static const std::map<std::string, std::string> labels = {{"id", "Kenmerk"},
                                                            {"naam", "Naam"},
                                                            {"thema", "Thema"},
                                                            {"omschrijving", "Omschrijving"},
                                                            {"status", "Status"},
                                                            {"startdatum", "Startdatum"},
                                                            {"illustratief", "Fictief voorbeeld"}};
  json fields = json::array();
  for (const auto& [name, i] : present) fields.push_back(field(name, labels.at(name)));
  json entry = {{"id", "initiatieven"},
                {"titel", "Initiatieven per thema"},
                {"soort", "punten"},
                {"zichtbaar", true},
                {"categorie_veld", "thema"},
                {"stijl_per_categorie", by_theme},
                {"legenda", legend},
                {"velden", fields},
                {"bron", "voorbeeldregister NPAO (fictief)"}};
  return {"initiatieven", std::move(entry), feature_collection(std::move(features))};
}

Overlay landmark_overlay(const std::vector<geo::Landmark>& landmarks, const std::string& source) {
  json features = json::array();
  for (const geo::Landmark& l : landmarks)
    features.push_back({{"type", "Feature"},
                        {"properties", {{"naam", l.name}, {"soort", geo::to_string(l.kind)}}},
                        {"geometry", to_geojson(geo::Geometry(l.location))}});
  // A quiet grey dot on a white rim, as the printed pictograms are grey on a white disc; the
  // print draws the pictograms themselves (a map definition's landmarks layer).
  const json style = {{"vorm", "cirkel"},
                      {"omtrek", json::array()},
                      {"kleur", "#6b6b6b"},
                      {"diameter_px", px(2.2)}};
  json entry = {{"id", "herkenningspunten"},
                {"titel", "Herkenningspunten"},
                {"soort", "punten"},
                {"zichtbaar", false},
                {"categorie_veld", "groep"},
                {"stijl_per_categorie", {{"", style}}},
                {"legenda", json::array({{{"label", "school, kerk, station, winkel, ..."},
                                          {"waarde", ""},
                                          {"aantal", landmarks.size()},
                                          {"stijl", style}}})},
                {"velden", json::array({field("naam", "Naam"), field("soort", "Soort")})},
                {"bron", source}};
  return {"herkenningspunten", std::move(entry), feature_collection(std::move(features))};
}

}  // namespace wijkatlas::server
