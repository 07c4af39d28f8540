#include "wijkatlas/project/join.hpp"

#include <future>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/join_output.hpp"

namespace wijkatlas::project {
namespace fs = std::filesystem;

JoinResult join(const JoinRequest& request, geo::Reporter& reporter) {
  geo::ReadOptions read;
  read.layer = request.points_layer;
  read.assign_crs = request.points_srs;
  const fs::path points_path = request.points.empty() ? geo::project_file("examples/initiatieven_arnhem_oost.csv")
                                                      : fs::path(request.points);
  // Areas and points are independent until the join: read the points on a second thread while
  // the areas are read, checked and dissolved (each read has its own GDAL dataset, PROJ and
  // GEOS context). An error of either is reported as if read one after the other.
  geo::SerializedReporter shared(reporter);
  auto reading_points = std::async(std::launch::async, [&] { return geo::read_layer(points_path, read, shared); });
  JoinResult result;
  try {
    result.areas = load_areas(request.source, shared);
    add_indicators(result.areas, request.indicators, !request.no_indicators, shared);
  } catch (...) {
    reading_points.wait();  // not get(): the areas' error is the one to report
    throw;
  }
  geo::Layer points = reading_points.get();
  result.points_source = points.source;
  result.theme_field_missing = !request.theme_field.empty() && !points.field_index(request.theme_field);
  geo::PointJoinOptions join_options;
  join_options.theme_field = result.theme_field_missing ? std::string{} : request.theme_field;
  join_options.value_field = request.value_field;
  join_options.threads = request.threads;
  const geo::PointJoinResult joined = geo::join_points(result.areas.hierarchy, points, join_options, reporter);
  result.points = points.features.size();
  result.outside = joined.outside.size();

  geo::JoinOutputOptions output_options;
  output_options.value_field = request.value_field;
  result.layers = geo::area_result_layers(result.areas.hierarchy, joined, output_options);
  result.table = geo::area_result_table(result.layers);
  bool all_points = request.joined_points == JoinedPoints::always;
  if (request.joined_points == JoinedPoints::automatic) {
    all_points = result.points <= request.joined_points_limit;
    result.joined_points_left_out = !all_points;
  }
  if (all_points) {
    // The points outside: a view on the joined points, not a second copy of them.
    result.layers.push_back(geo::joined_points_layer(std::move(points), result.areas.hierarchy, joined));
    result.views.push_back({"punten_buiten_gebied", "punten", "buurtcode IS NULL"});
  } else {
    result.layers.push_back(geo::outside_points_layer(points, joined));
  }
  return result;
}

void check_join_outputs(const JoinOutputs& outputs) {
  geo::format_for_path(outputs.geopackage);
}

void write_join(const JoinResult& result, const JoinOutputs& outputs, geo::Reporter& reporter) {
  geo::WriteOptions write;
  write.views = result.views;
  write.include_personal = outputs.include_personal;
  std::vector<const geo::Layer*> pointers;
  for (const auto& layer : result.layers) {
    pointers.push_back(&layer);
    if (!layer.features.empty() && !geo::gets_spatial_index(layer, write)) {
      reporter.info(outputs.geopackage + ": layer " + layer.name + " (" + std::to_string(layer.features.size()) +
                    " points) gets no spatial index, to save time; add one with: ogrinfo " + outputs.geopackage +
                    " -sql \"SELECT CreateSpatialIndex('" + layer.name + "', 'geom')\"");
    }
  }
  geo::write_layers(outputs.geopackage, pointers, write);
  if (!outputs.csv.empty()) geo::write_csv(outputs.csv, result.table);
}

}  // namespace wijkatlas::project
