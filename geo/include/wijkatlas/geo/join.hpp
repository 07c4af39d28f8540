#pragma once
// Spatial join of points (initiatives, assets, addresses) to buurten, rolled up the hierarchy,
// and aggregation per area.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

struct PointJoinOptions {
  std::string theme_field;  // count per value of this field (e.g. "thema"); empty: none
  std::string value_field;  // sum and mean of this numeric field; empty: none
  unsigned threads = 0;     // 0: all cores
};

struct AreaAggregate {
  std::int64_t count = 0;
  std::map<std::string, std::int64_t> per_theme;
  double value_sum = 0;
  std::int64_t value_count = 0;  // points with a numeric value
};

struct PointJoinResult {
  std::vector<std::int32_t> buurt_of_point;  // per feature of the points layer; -1 = outside
  std::vector<std::size_t> outside;          // features outside every buurt
  std::vector<std::string> themes;           // distinct theme values, sorted
  std::array<std::vector<AreaAggregate>, 4> per_level;  // parallel to AreaHierarchy::levels
};

// The representative location of a feature: the point itself, the first point of a
// multipoint, a point on the surface of a polygon, the middle vertex of a line.
Point representative_point(const Geometry& geometry);

// Each point goes to the buurt that owns it under the boundary rule of PolygonLocator, then
// to that buurt's wijk, programme wijk and gemeente. Points outside all buurten are listed in
// `outside` and reported as a warning, never dropped silently.
PointJoinResult join_points(const AreaHierarchy& hierarchy, const Layer& points,
                            const PointJoinOptions& options, Reporter& reporter);

}  // namespace wijkatlas::geo
