// bench_gdal_arrow_read: GDAL's own Arrow stream over a point layer and nothing else, with the
// columns chosen, so that GDAL's share of reading the points (bench_read_points) can be told from
// ours. Every geometry is checked to be a WKB point: GDAL 3.6.2 gives empty geometries when the
// fid and every field are left out, which once passed for a geometry read at half the cost.
// Prints one line:
//   gdal_arrow_read rows=.. read_s=.. cpu_s=.. columns=.. checksum=..
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/stopwatch.hpp"
#include "wijkatlas/support/arrow_handles.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace bench = wijkatlas::bench;
namespace support = wijkatlas::support;

namespace {

// The sum of the x coordinates of a batch's geometry column (Arrow binary, WKB points).
double sum_of_x(const ArrowArray& column) {
  const auto* offsets = static_cast<const std::int32_t*>(column.buffers[1]) + column.offset;
  const auto* bytes = static_cast<const unsigned char*>(column.buffers[2]);
  double sum = 0;
  for (std::int64_t i = 0; i < column.length; ++i) {
    if (offsets[i + 1] - offsets[i] < 21)
      throw std::runtime_error("row " + std::to_string(i) + " of a batch: no WKB point");
    double x = 0;
    std::memcpy(&x, bytes + offsets[i] + 5, sizeof x);
    sum += x;
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Read a point layer through GDAL's Arrow stream and nothing else (benchmark)"};
  std::string points, layer_name = "punten";
  bool with_fid = true;
  std::vector<std::string> fields;
  std::size_t batch_size = 262144;  // as geo::PointReadOptions
  app.add_option("--points", points, "GeoPackage (or other OGR source) with the points")
      ->required();
  app.add_option("--points-layer", layer_name, "point layer");
  app.add_option("--fid", with_fid, "include the fid column (true/false)");
  app.add_option("--field", fields, "a field to read (repeatable; none: geometry only)");
  app.add_option("--batch", batch_size, "rows per batch");
  CLI11_PARSE(app, argc, argv);
  try {
    const bench::Stopwatch clock;
    support::ensure_gdal_registered();
    support::GdalDataset dataset(
        GDALDataset::Open(points.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) throw std::runtime_error(points + ": cannot open");
    OGRLayer* layer = dataset->GetLayerByName(layer_name.c_str());
    if (layer == nullptr) throw std::runtime_error(points + ": no layer " + layer_name);
    std::vector<std::string> ignored;
    const OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
      const std::string name = definition->GetFieldDefn(i)->GetNameRef();
      if (std::find(fields.begin(), fields.end(), name) == fields.end()) ignored.push_back(name);
    }
    std::vector<const char*> ignored_names;
    for (const auto& name : ignored) ignored_names.push_back(name.c_str());
    ignored_names.push_back(nullptr);
    layer->SetIgnoredFields(ignored_names.data());
    const std::string fid_option = std::string("INCLUDE_FID=") + (with_fid ? "YES" : "NO");
    const std::string batch_option = "MAX_FEATURES_IN_BATCH=" + std::to_string(batch_size);
    const char* options[] = {fid_option.c_str(), batch_option.c_str(), nullptr};
    support::ArrowStreamHandle stream;
    if (!layer->GetArrowStream(stream.get(), options))
      throw std::runtime_error(points + ": GDAL gave no Arrow stream");
    std::size_t rows = 0;
    std::int64_t columns = 0;
    double sum = 0;
    for (;;) {
      support::ArrowArrayHandle batch;
      if (stream->get_next(stream.get(), batch.get()) != 0)
        throw std::runtime_error(points + ": reading failed");
      if (batch.released()) break;
      columns = batch->n_children;
      sum += sum_of_x(*batch->children[batch->n_children - 1]);
      rows += static_cast<std::size_t>(batch->length);
    }
    std::cout << std::fixed << std::setprecision(4) << "gdal_arrow_read rows=" << rows
              << " read_s=" << clock.seconds() << " cpu_s=" << clock.cpu_seconds()
              << " columns=" << columns << " checksum=" << std::setprecision(0)
              << std::fmod(sum, 1e9) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "bench_gdal_arrow_read: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
