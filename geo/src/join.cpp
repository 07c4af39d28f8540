#include "wijkatlas/geo/join.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "wijkatlas/geo/locator.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::geo {

Point representative_point(const Geometry& geometry) {
  return std::visit(
      [](const auto& g) -> Point {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>) return Point(0, 0);
        else if constexpr (std::is_same_v<T, Point>) return g;
        else if constexpr (std::is_same_v<T, MultiPoint>) return g.front();
        else if constexpr (std::is_same_v<T, MultiLineString>) return g.front()[g.front().size() / 2];
        else return point_on_surface(g);
      },
      geometry);
}

PointJoinResult join_points(const AreaHierarchy& hierarchy, const Layer& points,
                            const PointJoinOptions& options, Reporter& reporter) {
  const auto& buurten = hierarchy.at(Level::buurt);
  std::vector<MultiPolygon> polygons;
  polygons.reserve(buurten.size());
  for (const auto& b : buurten) polygons.push_back(b.geometry);
  const PolygonLocator locator(polygons);

  std::vector<Point> locations;
  locations.reserve(points.features.size());
  for (const auto& f : points.features) locations.push_back(representative_point(f.geometry));

  PointJoinResult result;
  result.buurt_of_point.resize(locations.size());
  locator.locate_all(locations, result.buurt_of_point, options.threads);

  const auto theme_index = options.theme_field.empty() ? std::nullopt : std::optional(points.require_field(options.theme_field));
  const auto value_index = options.value_field.empty() ? std::nullopt : std::optional(points.require_field(options.value_field));
  for (std::size_t l = 0; l < 4; ++l) result.per_level[l].resize(hierarchy.levels[l].size());

  // Themes as small numbers first, so that the counting loop does no string work.
  std::vector<std::uint32_t> theme_of_point;
  std::unordered_map<std::string, std::uint32_t> theme_ids;
  if (theme_index) {
    theme_of_point.resize(locations.size());
    for (std::size_t i = 0; i < locations.size(); ++i) {
      std::string theme = to_text(points.features[i].values[*theme_index]);
      if (theme.empty()) theme = "onbekend";
      theme_of_point[i] = theme_ids.try_emplace(std::move(theme), static_cast<std::uint32_t>(theme_ids.size())).first->second;
    }
  }
  const std::size_t theme_count = theme_ids.size();
  std::array<std::vector<std::int64_t>, 4> theme_counts;  // [level][area * theme_count + theme]
  for (std::size_t l = 0; l < 4; ++l) theme_counts[l].assign(result.per_level[l].size() * theme_count, 0);

  for (std::size_t i = 0; i < locations.size(); ++i) {
    const std::int32_t b = result.buurt_of_point[i];
    if (b < 0) {
      result.outside.push_back(i);
      continue;
    }
    const auto value = value_index ? as_number(points.features[i].values[*value_index]) : std::nullopt;
    const auto& buurt = buurten[static_cast<std::size_t>(b)];
    for (std::size_t l = 0; l < 4; ++l) {
      const std::int32_t area = l == 0 ? b : buurt.parent[l];
      if (area < 0 || static_cast<std::size_t>(area) >= result.per_level[l].size()) continue;
      AreaAggregate& agg = result.per_level[l][static_cast<std::size_t>(area)];
      ++agg.count;
      if (theme_index) ++theme_counts[l][static_cast<std::size_t>(area) * theme_count + theme_of_point[i]];
      if (value) {
        agg.value_sum += *value;
        ++agg.value_count;
      }
    }
  }
  std::vector<const std::string*> theme_names(theme_count);
  for (const auto& [name, id] : theme_ids) theme_names[id] = &name;
  for (std::size_t l = 0; l < 4; ++l) {
    for (std::size_t a = 0; a < result.per_level[l].size(); ++a) {
      for (std::size_t t = 0; t < theme_count; ++t) {
        if (const auto n = theme_counts[l][a * theme_count + t]; n > 0) result.per_level[l][a].per_theme[*theme_names[t]] = n;
      }
    }
  }
  for (const auto* name : theme_names) result.themes.push_back(*name);
  std::sort(result.themes.begin(), result.themes.end());
  if (!result.outside.empty()) {
    std::string examples;
    for (std::size_t k = 0; k < std::min<std::size_t>(5, result.outside.size()); ++k) {
      examples += (k ? ", " : "") + points.location_of(points.features[result.outside[k]]);
    }
    reporter.warn(points.source + ": " + std::to_string(result.outside.size()) + " of " +
                  std::to_string(locations.size()) + " points lie outside every buurt (" +
                  examples + (result.outside.size() > 5 ? ", ..." : "") + "); they are listed in the "
                  "output layer punten_buiten_gebied");
  }
  return result;
}

}  // namespace wijkatlas::geo
