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
#include "wijkatlas/geo/kept_points.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/point_reader.hpp"
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

struct PointStreamJoinOptions {
  PointJoinOptions join;
  // Every point is kept, for a layer of the joined points, while there are at most this many;
  // beyond that only the points outside every buurt are kept, so that memory does not grow
  // with the number of points.
  std::size_t keep_all_up_to = 0;
  // Every point's fid and buurt, in 12 bytes a point: the codes of all points without a copy
  // of them (StreamedPointJoin::assignments).
  bool keep_assignments = false;
  // Every point kept as read (StreamedPointJoin::kept) rather than as a feature, at any number:
  // for the layer of every joined point. Only for a reader whose batches_stand_alone().
  bool keep_all_as_read = false;
  // Batches are located together once this many points are waiting: every polygon's edges
  // are then read from memory once for many points. (Smaller in tests, to run many rounds.)
  std::size_t located_together = std::size_t{1} << 20;
};

// Which buurt each point fell in, in reading order: the fid the point has in its source and
// the index of its buurt (PolygonLocator::not_found, -1, outside every buurt).
struct PointAssignments {
  std::vector<std::int64_t> fids;
  std::vector<std::int32_t> buurten;
};

struct StreamedPointJoin {
  // The points kept: all of them (all_kept) or only those outside every buurt; values and
  // field types as read_layer gives them. With keep_all_as_read, no features: they are in
  // `kept`.
  Layer points;
  KeptPoints kept;  // keep_all_as_read: every point
  // Counts over all points; buurt_of_point and outside refer to `points`, or to `kept`.
  PointJoinResult result;
  std::size_t point_count = 0;
  std::size_t outside_count = 0;
  bool all_kept = false;
  PointAssignments assignments;  // with keep_assignments only
};

// join_points for points read in batches, each batch located as soon as it is read: the same
// counts, the same warning. The reader's theme and value fields must exist when named.
StreamedPointJoin join_point_stream(const AreaHierarchy& hierarchy, PointReader& points,
                                    const PointStreamJoinOptions& options, Reporter& reporter);

}  // namespace wijkatlas::geo
