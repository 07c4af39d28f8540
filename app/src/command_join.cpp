// `wijkatlas join`: points + areas + indicators -> per-area layers and a table.
#include <iomanip>
#include <limits>

#include "area_source.hpp"
#include "indicator_sources.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join_output.hpp"
#include "wijkatlas/geo/point_reader.hpp"

namespace wijkatlas::app {
namespace {
namespace fs = std::filesystem;

void print_summary(const geo::AreaHierarchy& h, const std::vector<geo::Layer>& layers,
                   const JoinSummary& summary, std::ostream& out) {
  out << summary.points << " punten gekoppeld";
  if (summary.outside > 0) out << ", " << summary.outside << " buiten alle buurten";
  out << "\n";
  // The programme wijken first: that is what a planner asks for.
  for (const auto& layer : layers) {
    if (layer.name != "programmawijken") continue;
    const auto naam = *layer.field_index("naam");
    const auto inwoners = *layer.field_index("inwoners");
    const auto n = *layer.field_index("n_punten");
    const auto rate = *layer.field_index("per_1000_inwoners");
    out << "\n" << std::left << std::setw(18) << "programmawijk" << std::right << std::setw(10)
        << "inwoners" << std::setw(8) << "punten" << std::setw(14) << "per 1000 inw" << "\n";
    for (const auto& f : layer.features) {
      out << std::left << std::setw(18) << geo::to_text(f.values[naam]) << std::right << std::setw(10)
          << std::fixed << std::setprecision(0) << geo::as_number(f.values[inwoners]).value_or(0)
          << std::setw(8) << geo::to_text(f.values[n]) << std::setw(14) << std::setprecision(2)
          << geo::as_number(f.values[rate]).value_or(0) << "\n";
    }
    out << std::defaultfloat;
  }
  out << "\n" << h.at(geo::Level::buurt).size() << " buurten, " << h.at(geo::Level::wijk).size()
      << " wijken, " << h.at(geo::Level::programma).size() << " programmawijken, "
      << h.at(geo::Level::gemeente).size() << " gemeente(n) -> " << summary.output
      << " en " << summary.csv << "\n";
}

bool writes_joined_points(const JoinOptions& options, std::size_t points, geo::Reporter& reporter) {
  switch (options.joined_points) {
    case JoinedPoints::always: return true;
    case JoinedPoints::never: return false;
    case JoinedPoints::automatic: break;
  }
  if (points <= options.joined_points_limit) return true;
  reporter.info(options.output + ": " + std::to_string(points) + " points: no layer 'punten' with every point and its codes (more than " +
                std::to_string(options.joined_points_limit) + "; writing it takes longer than the join). Add it with --joined-points always");
  return false;
}

}  // namespace

JoinSummary run_join(const JoinOptions& options, geo::Reporter& reporter, std::ostream& out) {
  // Check the outputs can be written before the work starts.
  JoinSummary summary;
  summary.output = options.output;
  geo::format_for_path(options.output);
  summary.csv = options.csv.empty() ? fs::path(options.output).replace_extension(".csv").string() : options.csv;

  geo::ReadOptions read;
  read.layer = options.points_layer;
  read.assign_crs = options.points_srs;
  const fs::path points_path = options.points.empty() ? geo::project_file("examples/initiatieven_arnhem_oost.csv")
                                                      : fs::path(options.points);
  // Areas and points are independent until the join: the points are read in batches on a
  // thread of their own, starting while the areas are read, checked and dissolved (each read
  // has its own GDAL dataset, PROJ and GEOS context), and joined as they come, so that memory
  // does not grow with their number. An error of either is reported as if read one after the
  // other.
  geo::SerializedReporter shared(reporter);
  geo::PointReadOptions streaming;
  streaming.read_ahead = 2;
  geo::PointReader points(points_path, read, shared, streaming);
  LoadedAreas loaded = load_areas(options.source, shared);
  join_indicator_files(loaded, options.indicators, !options.no_indicators, shared);
  const geo::Layer& header = points.header();
  if (!options.theme_field.empty() && !header.field_index(options.theme_field)) {
    shared.info(header.source + ": no field '" + options.theme_field + "'; no counts per theme");
  }
  geo::PointStreamJoinOptions join_options;
  join_options.join.theme_field = header.field_index(options.theme_field) ? options.theme_field : std::string{};
  join_options.join.value_field = options.value_field;
  join_options.join.threads = options.threads;
  join_options.keep_all_up_to = options.joined_points == JoinedPoints::always  ? std::numeric_limits<std::size_t>::max()
                                : options.joined_points == JoinedPoints::never ? 0
                                                                               : options.joined_points_limit;
  geo::StreamedPointJoin streamed = geo::join_point_stream(loaded.hierarchy, points, join_options, shared);
  const geo::PointJoinResult& join = streamed.result;
  summary.points = streamed.point_count;
  summary.outside = streamed.outside_count;

  geo::JoinOutputOptions output_options;
  output_options.value_field = options.value_field;
  std::vector<geo::Layer> layers = geo::area_result_layers(loaded.hierarchy, join, output_options);
  const geo::Table table = geo::area_result_table(layers);
  geo::WriteOptions write;
  if (writes_joined_points(options, streamed.point_count, reporter)) {
    // The points outside: a view on the joined points, not a second copy of them.
    layers.push_back(geo::joined_points_layer(std::move(streamed.points), loaded.hierarchy, join));
    write.views.push_back({"punten_buiten_gebied", "punten", "buurtcode IS NULL"});
  } else {
    layers.push_back(geo::outside_points_layer(streamed.points, join));
  }
  std::vector<const geo::Layer*> pointers;
  for (const auto& l : layers) pointers.push_back(&l);
  write.include_personal = options.include_personal;
  for (const auto& layer : layers) {
    if (!layer.features.empty() && !geo::gets_spatial_index(layer, write)) {
      reporter.info(options.output + ": layer " + layer.name + " (" + std::to_string(layer.features.size()) +
                    " points) gets no spatial index, to save time; add one with: ogrinfo " + options.output +
                    " -sql \"SELECT CreateSpatialIndex('" + layer.name + "', 'geom')\"");
    }
  }
  geo::write_layers(options.output, pointers, write);
  geo::write_csv(summary.csv, table);
  print_summary(loaded.hierarchy, layers, summary, out);
  return summary;
}

}  // namespace wijkatlas::app
