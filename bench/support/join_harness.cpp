#include "join_harness.hpp"

#include <stdexcept>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/point_reader.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::bench {
namespace {

geo::Layer read(const std::string& path, const std::string& layer) {
  geo::ReadOptions options;
  options.layer = layer;
  geo::CollectingReporter reporter;
  return geo::read_layer(path, options, reporter);
}

}  // namespace

void add_join_options(CLI::App& app, JoinArgs& args) {
  app.add_option("--polygons", args.polygons, "GeoPackage (any OGR source) with the polygons")
      ->required();
  app.add_option("--polygons-layer", args.polygons_layer, "polygon layer")->capture_default_str();
  app.add_option("--points", args.points, "OGR source with the points")->required();
  app.add_option("--points-layer", args.points_layer, "point layer")->capture_default_str();
}

JoinInputs read_join_inputs(const JoinArgs& args) {
  JoinInputs inputs;
  geo::Layer polygons = read(args.polygons, args.polygons_layer);
  inputs.polygons.reserve(polygons.features.size());
  for (geo::Feature& f : polygons.features) {
    auto* polygon = std::get_if<geo::MultiPolygon>(&f.geometry);
    if (polygon == nullptr) {
      throw wijkatlas::data_error(polygons.source, "feature " + std::to_string(f.fid),
                                  "not a polygon");
    }
    inputs.polygons.push_back(std::move(*polygon));
  }
  // The points as wijkatlas join reads them: 10^7 of them fit in memory this way.
  geo::CollectingReporter reporter;
  geo::ReadOptions options;
  options.layer = args.points_layer;
  geo::PointReader points(args.points, options, reporter);
  inputs.points.reserve(points.size_hint());
  geo::PointBatch batch;
  while (points.next(batch))
    inputs.points.insert(inputs.points.end(), batch.points().begin(), batch.points().end());
  return inputs;
}

JoinSummary summarize(std::span<const std::int32_t> assignment, std::size_t polygon_count) {
  JoinSummary summary;
  for (const std::int32_t polygon : assignment) {
    if (polygon < 0) continue;
    if (static_cast<std::size_t>(polygon) >= polygon_count) {
      throw std::logic_error("join assigned a point to a polygon index out of range");
    }
    ++summary.matched;
    summary.checksum += static_cast<std::uint64_t>(polygon) + 1;
  }
  return summary;
}

}  // namespace wijkatlas::bench
