#include "overlap/merge_faces.hpp"

#include <boost/geometry.hpp>
#include <map>
#include <utility>

#include "overlap/geos_context.hpp"
#include "overlap/parallel.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/geos_convert.hpp"

namespace wijkatlas::geo::overlap_detail {

std::vector<OverlapFace> merge_equal_faces(std::vector<OverlapFace> faces,
                                           const OverlapOptions& options) {
  std::map<std::pair<std::int32_t, std::int32_t>, MultiPolygon> groups;
  for (auto& f : faces) groups[{f.n, f.N}].push_back(std::move(f.geometry));
  faces.clear();
  std::vector<std::pair<std::pair<std::int32_t, std::int32_t>, MultiPolygon>> list(
      std::make_move_iterator(groups.begin()), std::make_move_iterator(groups.end()));
  std::vector<MultiPolygon> merged(list.size());
  parallel_for(list.size(), options.threads, [&](std::size_t i) {
    support::GeosContext& ctx = geos_context();
    auto g = support::to_geos(ctx, list[i].second);
    // Tile pieces share edges but not always vertices (each tile noded its own outlines), so a
    // coverage union does not apply; the overlay union on the same grid does.
    auto u = support::take_geos(ctx,
                                options.precision_m > 0
                                    ? GEOSUnaryUnionPrec_r(ctx.get(), g.get(), options.precision_m)
                                    : GEOSUnaryUnion_r(ctx.get(), g.get()),
                                "merging overlap faces");
    merged[i] = support::polygons_from_geos(ctx, u.get());
  });
  for (std::size_t i = 0; i < list.size(); ++i) {
    for (auto& polygon : merged[i]) {
      OverlapFace& f = faces.emplace_back();
      f.n = list[i].first.first;
      f.N = list[i].first.second;
      f.area = boost::geometry::area(polygon);
      f.geometry = std::move(polygon);
    }
  }
  return faces;
}

}  // namespace wijkatlas::geo::overlap_detail
