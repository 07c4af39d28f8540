#pragma once
// The result of `wijkatlas join` as layers (one per level, with counts, rates and indicators)
// and as one table over all levels.
#include <vector>

#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"

namespace wijkatlas::geo {

struct JoinOutputOptions {
  bool with_counts = true;  // false: the areas and their figures only (`wijkatlas areas`)
  std::string value_field;  // the field summed and averaged, for the column names
};

// Layers "buurten", "wijken", "programmawijken", "gemeenten" (levels with areas only). Fields:
// code, naam, niveau, wijkcode, programmawijk, gemeentecode, oppervlakte_km2, land_km2,
// inwoners, n_punten, n_<thema>..., per_1000_inwoners, per_km2, som_/gem_<value_field>, then
// the joined indicators as published.
std::vector<Layer> area_result_layers(const AreaHierarchy& hierarchy, const PointJoinResult& join,
                                      const JoinOutputOptions& options);
// The same, with every area's geometry moved into its feature instead of copied (the hierarchy
// keeps everything else): for a caller that needs the polygons only in the layers. Fourteen
// thousand buurten are tens of megabytes.
std::vector<Layer> area_result_layers_taking_geometry(AreaHierarchy& hierarchy,
                                                      const PointJoinResult& join,
                                                      const JoinOutputOptions& options);

// The points with the codes of their buurt, wijk, programme wijk and gemeente added. Takes the
// points by value: move them in when they are no longer needed (a million points is a lot to copy).
Layer joined_points_layer(Layer points, const AreaHierarchy& hierarchy,
                          const PointJoinResult& join);

// The same as a point layer made as it is written, from the points a streamed join kept as read
// (keep_all_as_read): no feature per point. `points` and `buurten` must outlive the writing.
// `buurten`: the buurt of each point (PointJoinResult::buurt_of_point).
WriteOptions::GeneratedTable joined_points_table(const KeptPoints& points,
                                                 const AreaHierarchy& hierarchy,
                                                 const std::vector<std::int32_t>& buurten);

// The table `punten_codes`: for every point its fid in the source (bron_fid) and the codes of
// its buurt, wijk, programme wijk and gemeente, without the point itself; rows are made as they
// are written. `assignments` must outlive the writing (the codes are copied).
WriteOptions::GeneratedTable point_codes_table(const AreaHierarchy& hierarchy,
                                               const PointAssignments& assignments);

// The points outside every buurt, so none is dropped silently.
Layer outside_points_layer(const Layer& points, const PointJoinResult& join);

// All area layers as one table (the union of their columns; geometry left out).
Table area_result_table(const std::vector<Layer>& area_layers);

// "Speeltuin & Sport" -> "speeltuin_sport": a theme as part of a field name.
std::string field_name_part(std::string_view text);

}  // namespace wijkatlas::geo
