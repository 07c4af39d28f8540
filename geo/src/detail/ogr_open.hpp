#pragma once
// Opening a dataset and choosing a layer, with messages that name the file and what exists.
#include <filesystem>
#include <string>

#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::geo::detail {

// Opens a vector dataset read-only. Throws io_error for a missing file or an unknown format.
support::GdalDataset open_vector(const std::filesystem::path& path);

struct OpenedLayer {
  support::GdalDataset dataset;
  OGRLayer* layer = nullptr;  // owned by dataset
  std::string label;          // "file.gpkg (layer 'buurten')" for messages
  std::string default_crs;    // CRS implied by the format when the data names none
  bool is_csv = false;
  bool is_osm = false;
};

// Opens `path` and picks `layer_name`, or the only layer when the name is empty.
OpenedLayer open_layer(const std::filesystem::path& path, const std::string& layer_name);

// Next feature of the chosen layer. OSM PBF files must be read through the dataset (the
// driver interleaves layers), other formats through the layer.
support::OgrFeature next_feature(OpenedLayer& opened);

}  // namespace wijkatlas::geo::detail
