#include "detail/ogr_open.hpp"

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/input_file.hpp"

namespace wijkatlas::geo::detail {

support::GdalDataset open_vector(const std::filesystem::path& path) {
  support::ensure_gdal_registered();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw io_error(path.string(), "file not found");
  if (std::filesystem::is_directory(path, ec) && path.extension() != ".gdb") {
    throw io_error(path.string(), "is a directory, not a dataset");
  }
  // GDAL would open a FIFO and wait for a writer for ever, or read a device without end.
  if (const std::string kind = support::special_file_kind(path); !kind.empty()) {
    throw io_error(path.string(), "is " + kind + ", not a dataset");
  }
  // CSV: every column as text; wijkatlas finds location columns and types itself so that it
  // can name the line of a bad value.
  const char* open_options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES",
                                "EMPTY_STRING_AS_NULL=NO", nullptr};
  CPLErrorReset();
  GDALDatasetH handle =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr);
  if (handle == nullptr) {
    throw io_error(path.string(), "not a vector format GDAL can read (" +
                                      support::last_gdal_error("no driver recognised it") + ")");
  }
  return support::GdalDataset(GDALDataset::FromHandle(handle));
}

OpenedLayer open_layer(const std::filesystem::path& path, const std::string& layer_name) {
  OpenedLayer opened;
  opened.dataset = open_vector(path);
  const std::string driver = opened.dataset->GetDriver()->GetDescription();
  opened.is_csv = driver == "CSV";
  opened.is_osm = driver == "OSM";
  // RFC 7946 GeoJSON is WGS84 when it names no CRS; OSM is always WGS84.
  if (driver == "GeoJSON" || opened.is_osm) opened.default_crs = "EPSG:4326";

  GDALDataset& ds = *opened.dataset;
  std::string names;
  for (auto* layer : ds.GetLayers())
    names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
  if (layer_name.empty()) {
    if (ds.GetLayerCount() == 0) throw io_error(path.string(), "the dataset has no layers");
    if (ds.GetLayerCount() > 1 && !opened.is_osm) {
      throw io_error(path.string(), "has several layers (" + names + "); name the one to use");
    }
    opened.layer = ds.GetLayer(0);
  } else {
    opened.layer = ds.GetLayerByName(layer_name.c_str());
    if (opened.layer == nullptr) {
      throw io_error(path.string(), "no layer '" + layer_name + "' (layers: " + names + ")");
    }
  }
  opened.label = path.string() + " (layer '" + opened.layer->GetName() + "')";
  if (opened.is_csv) opened.label = path.string();
  opened.layer->ResetReading();
  return opened;
}

support::OgrFeature next_feature(OpenedLayer& opened) {
  if (!opened.is_osm) return support::OgrFeature(opened.layer->GetNextFeature());
  for (;;) {
    OGRLayer* from = nullptr;
    support::OgrFeature f(opened.dataset->GetNextFeature(&from, nullptr, nullptr, nullptr));
    if (!f || from == opened.layer) return f;
  }
}

}  // namespace wijkatlas::geo::detail
