#include "wijkatlas/geo/areas.hpp"

#include <array>
#include <unordered_map>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {

std::string find_field(const Layer& layer, std::initializer_list<std::string_view> candidates) {
  for (auto candidate : candidates) {
    for (const auto& f : layer.fields) {
      if (support::to_lower_ascii(f.name) == candidate) return f.name;
    }
  }
  return {};
}

std::string text_of(const Layer& layer, const Feature& f, const std::string& field) {
  if (field.empty()) return {};
  return to_text(f.values[*layer.field_index(field)]);
}

// Groups buurten by a key and dissolves each group into one area.
struct Group {
  std::string code, naam;
  std::vector<std::size_t> buurten;
};

void dissolve_into(AreaHierarchy& h, Level level, std::vector<Group>& groups,
                   const HierarchyOptions& options, Reporter& reporter) {
  auto& buurten = h.at(Level::buurt);
  auto& out = h.at(level);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    reporter.progress("gebieden samenvoegen (" + to_string(level) + ")", g, groups.size());
    Area area;
    area.level = level;
    area.code = groups[g].code;
    area.naam = groups[g].naam;
    area.buurten = groups[g].buurten;
    std::vector<const MultiPolygon*> parts;
    for (std::size_t b : area.buurten) {
      parts.push_back(&buurten[b].geometry);
      buurten[b].parent[static_cast<std::size_t>(level)] = static_cast<std::int32_t>(out.size());
    }
    area.geometry =
        remove_slivers(union_polygons(parts), options.max_hole_area_m2, options.min_part_area_m2);
    area.area_m2 = area.geometry.empty() ? 0 : geo::area(area.geometry);
    out.push_back(std::move(area));
  }
  reporter.progress("gebieden samenvoegen (" + to_string(level) + ")", groups.size(),
                    groups.size());
}

std::vector<Group> group_by(const std::vector<Area>& buurten, const std::vector<std::string>& keys,
                            const std::vector<std::string>& names) {
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t b = 0; b < buurten.size(); ++b) {
    if (keys[b].empty()) continue;
    auto [it, inserted] = index.emplace(keys[b], groups.size());
    if (inserted) groups.push_back(Group{keys[b], names[b], {}});
    groups[it->second].buurten.push_back(b);
  }
  return groups;
}

std::string key_of(const CodeKey& key, Level level) {
  return to_string(level) + ":" + key.digits;
}

}  // namespace

std::optional<std::size_t> AreaHierarchy::find(Level level, std::string_view code) const {
  const auto& areas = at(level);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (areas[i].code == code) return i;
  }
  return std::nullopt;
}

BuurtFields detect_buurt_fields(const Layer& layer) {
  BuurtFields f;
  f.code = find_field(layer, {"buurtcode", "statcode", "bu_code", "code"});
  if (f.code.empty()) {
    throw data_error(layer.source, "",
                     "no buurt code field (expected buurtcode, statcode or BU_CODE)");
  }
  f.naam = find_field(layer, {"buurtnaam", "statnaam", "bu_naam", "naam"});
  f.wijkcode = find_field(layer, {"wijkcode", "wk_code"});
  f.wijknaam = find_field(layer, {"wijknaam", "wk_naam"});
  f.gemeentecode = find_field(layer, {"gemeentecode", "gm_code"});
  f.gemeentenaam = find_field(layer, {"gemeentenaam", "gm_naam"});
  return f;
}

AreaHierarchy build_hierarchy(Layer layer, const Programme* programme,
                              const HierarchyOptions& options, Reporter& reporter) {
  const BuurtFields fields = detect_buurt_fields(layer);
  AreaHierarchy h;
  auto& buurten = h.at(Level::buurt);
  std::vector<std::string> wijkcodes, wijknamen, gemeentecodes, gemeentenamen;
  std::unordered_map<std::string, std::int64_t> seen;  // code -> fid
  for (auto& feature : layer.features) {
    auto* polygons = std::get_if<MultiPolygon>(&feature.geometry);
    const std::string where = layer.source + ", feature " + std::to_string(feature.fid);
    if (polygons == nullptr)
      throw data_error(where, "",
                       "a buurt must be a polygon, not " + to_string(kind_of(feature.geometry)));
    Area area;
    area.code = text_of(layer, feature, fields.code);
    if (area.code.empty())
      throw data_error(where, "", "empty buurt code in field '" + fields.code + "'");
    if (auto [it, inserted] = seen.emplace(area.code, feature.fid); !inserted) {
      throw data_error(where, "",
                       "duplicate buurt code " + area.code + " (also feature " +
                           std::to_string(it->second) + ")");
    }
    area.naam = text_of(layer, feature, fields.naam);
    area.geometry = std::move(*polygons);
    area.area_m2 = geo::area(area.geometry);
    std::string wijkcode = text_of(layer, feature, fields.wijkcode);
    if (wijkcode.empty()) wijkcode = wijkcode_of_buurt(area.code);
    std::string wijknaam = text_of(layer, feature, fields.wijknaam);
    if (auto it = options.wijk_names.find(wijkcode);
        wijknaam.empty() && it != options.wijk_names.end()) {
      wijknaam = it->second;
    }
    std::string gemeentecode = text_of(layer, feature, fields.gemeentecode);
    if (gemeentecode.empty()) gemeentecode = gemeentecode_of(area.code);
    wijkcodes.push_back(wijkcode);
    wijknamen.push_back(wijknaam.empty() ? wijkcode : wijknaam);
    gemeentecodes.push_back(gemeentecode);
    gemeentenamen.push_back(text_of(layer, feature, fields.gemeentenaam));
    buurten.push_back(std::move(area));
  }

  if (options.build_level[static_cast<std::size_t>(Level::wijk)]) {
    auto groups = group_by(buurten, wijkcodes, wijknamen);
    dissolve_into(h, Level::wijk, groups, options, reporter);
  }
  if (programme != nullptr && options.build_level[static_cast<std::size_t>(Level::programma)]) {
    std::vector<Group> groups;
    for (const auto& pw : programme->wijken) {
      Group g{pw.code, pw.naam, {}};
      for (const auto& code : pw.buurten) {
        auto index = h.find(Level::buurt, code);
        if (!index) {
          throw config_error(programme->source, "wijk." + pw.code + ".buurten",
                             "buurt " + code + " is not in " + layer.source, pw.line);
        }
        g.buurten.push_back(*index);
      }
      groups.push_back(std::move(g));
    }
    dissolve_into(h, Level::programma, groups, options, reporter);
  }
  if (options.build_level[static_cast<std::size_t>(Level::gemeente)]) {
    auto groups = group_by(buurten, gemeentecodes, gemeentenamen);
    dissolve_into(h, Level::gemeente, groups, options, reporter);
  }
  return h;
}

IndicatorJoinReport join_indicators(AreaHierarchy& h, const IndicatorTable& table) {
  IndicatorJoinReport report;
  report.source = table.source;
  std::unordered_map<std::string, std::pair<Level, std::size_t>> by_key;
  for (Level level : {Level::buurt, Level::wijk, Level::gemeente}) {
    const auto& areas = h.at(level);
    for (std::size_t i = 0; i < areas.size(); ++i) {
      if (auto key = parse_cbs_code(areas[i].code))
        by_key.emplace(key_of(*key, level), std::pair{level, i});
    }
  }
  std::array<bool, 4> level_used{};
  for (const auto& row : table.rows) {
    auto key = parse_cbs_code(row.code);
    const std::pair<Level, std::size_t>* hit = nullptr;
    if (key) {
      for (Level level : {Level::buurt, Level::wijk, Level::gemeente}) {
        if (key->level && *key->level != level) continue;
        auto it = by_key.find(key_of(*key, level));
        if (it != by_key.end()) {
          hit = &it->second;
          break;
        }
      }
    }
    if (hit == nullptr) {
      report.unmatched.push_back(row.location + ": " + row.code);
      continue;
    }
    ++report.matched;
    Area& area = h.at(hit->first)[hit->second];
    // Only numbers are indicators; text columns (names, region types, codes) repeat what the
    // hierarchy already knows.
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (table.numeric[c]) area.indicators[table.columns[c]] = row.values[c];
    }
    level_used[static_cast<std::size_t>(hit->first)] = true;
  }
  for (std::size_t l = 0; l < 4; ++l) {
    if (!level_used[l]) continue;
    auto& columns = h.indicator_columns[l];
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto& name = table.columns[c];
      if (table.numeric[c] && std::find(columns.begin(), columns.end(), name) == columns.end()) {
        columns.push_back(name);
      }
    }
  }
  return report;
}

}  // namespace wijkatlas::geo
