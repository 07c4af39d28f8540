#include "wijkatlas/project/join.hpp"

#include <limits>
#include <optional>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/join_output.hpp"
#include "wijkatlas/geo/point_reader.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {
namespace fs = std::filesystem;

namespace {

// join_point_stream's result for points already in memory (the store's initiatives): every
// point kept up to the limit, else only those outside every buurt.
geo::StreamedPointJoin join_layer(const geo::AreaHierarchy& hierarchy, geo::Layer points,
                                  const geo::PointStreamJoinOptions& options,
                                  geo::Reporter& reporter) {
  geo::StreamedPointJoin out;
  out.result = geo::join_points(hierarchy, points, options.join, reporter);
  out.point_count = points.features.size();
  if (options.keep_assignments) {
    for (const geo::Feature& f : points.features) out.assignments.fids.push_back(f.fid);
    out.assignments.buurten = out.result.buurt_of_point;
  }
  out.outside_count = out.result.outside.size();
  // As the streamed join: a limit of 0 keeps none, not even when there are no points.
  out.all_kept = options.keep_all_up_to > 0 && out.point_count <= options.keep_all_up_to;
  if (!out.all_kept) {
    std::vector<geo::Feature> outside;
    for (const std::size_t i : out.result.outside) outside.push_back(std::move(points.features[i]));
    points.features = std::move(outside);
    out.result.buurt_of_point.assign(points.features.size(), -1);
    for (std::size_t i = 0; i < points.features.size(); ++i) out.result.outside[i] = i;
  }
  out.points = std::move(points);
  return out;
}

// A point layer written without a spatial index, and how to add one.
std::string no_index_hint(const std::string& geopackage, const std::string& layer,
                          std::size_t points) {
  return geopackage + ": layer " + layer + " (" + std::to_string(points) +
         " points) gets no spatial index, to save time; add one with: ogrinfo " + geopackage +
         " -sql \"SELECT CreateSpatialIndex('" + layer + "', 'geom')\"";
}

}  // namespace

JoinResult join(const JoinRequest& request, geo::Reporter& reporter) {
  std::optional<store::ProjectStore> project_store;
  std::optional<geo::Layer> stored_points;
  if (!request.store.empty()) {
    project_store.emplace(store::ProjectStore::open(request.store));
    if (request.points.empty()) stored_points = project_store->initiatives();
  }
  geo::PointStreamJoinOptions join_options;
  join_options.join.value_field = request.value_field;
  join_options.join.threads = request.threads;
  switch (request.joined_points) {
    case JoinedPoints::always:
      join_options.keep_all_up_to = std::numeric_limits<std::size_t>::max();
      break;
    case JoinedPoints::never:
      join_options.keep_all_up_to = 0;
      break;
    case JoinedPoints::codes:
      join_options.keep_all_up_to = 0;
      join_options.keep_assignments = true;
      break;
    case JoinedPoints::automatic:
      join_options.keep_all_up_to = request.joined_points_limit;
      break;
  }
  JoinResult result;
  geo::StreamedPointJoin joined;
  const auto theme_field_of = [&](const geo::Layer& header) {
    result.theme_field_missing =
        !request.theme_field.empty() && !header.field_index(request.theme_field);
    join_options.join.theme_field =
        result.theme_field_missing ? std::string{} : request.theme_field;
  };
  if (stored_points) {
    reporter.info("points: the initiatives of the project store " + request.store + " (" +
                  std::to_string(stored_points->features.size()) + ")");
    result.areas = load_areas(*project_store, request.source, reporter);
    add_indicators(result.areas, request.indicators, !request.no_indicators, reporter);
    result.points_source = stored_points->source;
    theme_field_of(*stored_points);
    joined = join_layer(result.areas.hierarchy, std::move(*stored_points), join_options, reporter);
  } else {
    geo::ReadOptions read;
    read.layer = request.points_layer;
    read.assign_crs = request.points_srs;
    const fs::path points_path = request.points.empty()
                                     ? geo::project_file("examples/initiatieven_arnhem_oost.csv")
                                     : fs::path(request.points);
    // Areas and points are independent until the join: the points are read in batches on a
    // thread of their own, starting while the areas are read, checked and dissolved (each read
    // has its own GDAL dataset, PROJ and GEOS context), and joined as they come, so that memory
    // does not grow with their number. An error of either is reported as if read one after the
    // other.
    geo::SerializedReporter shared(reporter);
    geo::PointReadOptions streaming;
    streaming.read_ahead = 2;
    geo::PointReader points(points_path, read, shared, streaming);
    result.areas = project_store ? load_areas(*project_store, request.source, shared)
                                 : load_areas(request.source, shared);
    add_indicators(result.areas, request.indicators, !request.no_indicators, shared);
    const geo::Layer& header = points.header();
    result.points_source = header.source;
    theme_field_of(header);
    // Every point asked for: kept as read, not as features (ten million features took 4.1 GB
    // and most of the time). Not for a layer read whole (its batches refer to it), nor for
    // one with a field named as the GeoPackage's fid column, whose values GDAL writes as fids.
    join_options.keep_all_as_read = request.joined_points == JoinedPoints::always &&
                                    points.batches_stand_alone() && !header.field_index("fid");
    joined = geo::join_point_stream(result.areas.hierarchy, points, join_options, shared);
  }
  result.points = joined.point_count;
  result.outside = joined.outside_count;
  if (join_options.keep_assignments) result.point_codes = std::move(joined.assignments);

  geo::JoinOutputOptions output_options;
  output_options.value_field = request.value_field;
  // The polygons are needed only in the layers, to be written.
  result.layers = geo::area_result_layers_taking_geometry(result.areas.hierarchy, joined.result,
                                                          output_options);
  result.table = geo::area_result_table(result.layers);
  result.joined_points_left_out =
      request.joined_points == JoinedPoints::automatic && !joined.all_kept;
  if (join_options.keep_all_as_read ||
      (joined.all_kept && request.joined_points != JoinedPoints::never)) {
    if (join_options.keep_all_as_read) {
      result.all_points =
          PointsAsRead{std::move(joined.kept), std::move(joined.result.buurt_of_point)};
    } else {
      result.layers.push_back(geo::joined_points_layer(std::move(joined.points),
                                                       result.areas.hierarchy, joined.result));
    }
    // The points outside: a view on the joined points, not a second copy of them.
    result.views.push_back({"punten_buiten_gebied", "punten", "buurtcode IS NULL"});
  } else {
    // Only the points outside were kept: they are the layer, without a copy.
    geo::Layer outside = std::move(joined.points);
    outside.name = "punten_buiten_gebied";
    result.layers.push_back(std::move(outside));
  }
  return result;
}

void check_join_outputs(const JoinRequest& request, const JoinOutputs& outputs) {
  geo::format_for_path(outputs.geopackage);
  std::vector<NamedPath> inputs = inputs_of(request.source);
  inputs.push_back({"points", request.points});
  inputs.push_back({"store", request.store});
  for (const auto& table : request.indicators) inputs.push_back({"indicators", table});
  check_outputs_apart({{"output", outputs.geopackage}, {"csv", outputs.csv}}, inputs);
}

void write_join(const JoinResult& result, const JoinOutputs& outputs, geo::Reporter& reporter) {
  geo::WriteOptions write;
  write.views = result.views;
  write.include_personal = outputs.include_personal;
  std::vector<const geo::Layer*> pointers;
  for (const auto& layer : result.layers) {
    pointers.push_back(&layer);
    if (!layer.features.empty() && !geo::gets_spatial_index(layer, write))
      reporter.info(no_index_hint(outputs.geopackage, layer.name, layer.features.size()));
  }
  if (result.all_points) {
    write.tables.push_back(geo::joined_points_table(
        result.all_points->points, result.areas.hierarchy, result.all_points->buurten));
    if (result.all_points->points.size() > 0 &&
        !geo::gets_spatial_index(write.tables.back(), write))
      reporter.info(no_index_hint(outputs.geopackage, "punten", result.all_points->points.size()));
  }
  if (result.point_codes)
    write.tables.push_back(geo::point_codes_table(result.areas.hierarchy, *result.point_codes));
  geo::write_layers(outputs.geopackage, pointers, write);
  if (!outputs.csv.empty()) geo::write_csv(outputs.csv, result.table);
}

}  // namespace wijkatlas::project
