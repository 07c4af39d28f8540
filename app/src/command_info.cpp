// `wijkatlas info`: layers, CRS, extent and counts of a dataset.
#include <iomanip>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs

void run_info(const InfoOptions& options, std::ostream& out) {
  const geo::DatasetSummary summary = geo::describe_dataset(options.path);
  out << summary.path << " (" << summary.driver << ", " << summary.layers.size() << " layer"
      << (summary.layers.size() == 1 ? "" : "s") << ")\n";
  for (const auto& layer : summary.layers) {
    out << "\nlayer " << layer.name << "\n";
    out << "  geometry: " << layer.geometry_type << "\n";
    out << "  features: "
        << (layer.feature_count < 0 ? std::string("unknown (read to count)")
                                    : std::to_string(layer.feature_count))
        << "\n";
    out << "  crs:      " << (layer.crs.empty() ? std::string("none declared") : layer.crs) << "\n";
    if (layer.extent) {
      out << std::fixed << std::setprecision(6) << "  extent:   " << layer.extent->min_corner().x()
          << ", " << layer.extent->min_corner().y() << " - " << layer.extent->max_corner().x()
          << ", " << layer.extent->max_corner().y() << "\n"
          << std::defaultfloat;
    }
    out << "  fields:   " << layer.fields.size() << "\n";
    for (const auto& f : layer.fields) {
      out << "    " << f.name << " (" << geo::to_string(f.type)
          << (f.personal ? ", persoonsgegeven" : "") << ")\n";
    }
  }
}

}  // namespace wijkatlas::app
