#include "wijkatlas/geo/join.hpp"

#include <algorithm>
#include <array>

#include "buurt_locator.hpp"
#include "join_counter.hpp"
#include "wijkatlas/geo/locator.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::geo {

Point representative_point(const Geometry& geometry) {
  return std::visit(
      [](const auto& g) -> Point {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return Point(0, 0);
        else if constexpr (std::is_same_v<T, Point>)
          return g;
        else if constexpr (std::is_same_v<T, MultiPoint>)
          return g.front();
        else if constexpr (std::is_same_v<T, MultiLineString>)
          return g.front()[g.front().size() / 2];
        else
          return point_on_surface(g);
      },
      geometry);
}

PointJoinResult join_points(const AreaHierarchy& hierarchy, const Layer& points,
                            const PointJoinOptions& options, Reporter& reporter) {
  const PolygonLocator locator =
      detail::buurt_locator(hierarchy, points.features.size(), options.threads);

  std::vector<Point> locations;
  locations.reserve(points.features.size());
  for (const auto& f : points.features) locations.push_back(representative_point(f.geometry));

  PointJoinResult result;
  result.buurt_of_point.resize(locations.size());
  locator.locate_all(locations, result.buurt_of_point, options.threads);

  const auto theme_index = options.theme_field.empty()
                               ? std::nullopt
                               : std::optional(points.require_field(options.theme_field));
  const auto value_index = options.value_field.empty()
                               ? std::nullopt
                               : std::optional(points.require_field(options.value_field));
  detail::PointCounter counter(hierarchy, theme_index.has_value());
  for (std::size_t i = 0; i < locations.size(); ++i) {
    const std::int32_t b = result.buurt_of_point[i];
    if (b < 0) result.outside.push_back(i);
    const auto& values = points.features[i].values;
    const std::string theme = theme_index ? to_text(values[*theme_index]) : std::string{};
    counter.add(b, theme, b >= 0 && value_index ? as_number(values[*value_index]) : std::nullopt);
  }
  counter.finish(
      result, [](const std::string& theme) { return theme; }, true);
  detail::warn_outside(reporter, points, result.outside, result.outside.size(), locations.size());
  return result;
}

}  // namespace wijkatlas::geo
