#include "wijkatlas/geo/error.hpp"

#include <utility>

namespace wijkatlas {
namespace {
std::string join_location(const std::string& path, const std::string& layer) {
  return layer.empty() ? path : path + " (layer '" + layer + "')";
}
}  // namespace

io_error::io_error(std::string path, std::string what_went_wrong, std::string layer)
    : error(join_location(path, layer) + ": " + what_went_wrong),
      path_(std::move(path)),
      layer_(std::move(layer)) {}

data_error::data_error(std::string path, std::string location, std::string what_went_wrong)
    : error(path + (location.empty() ? "" : ", " + location) + ": " + what_went_wrong),
      path_(std::move(path)),
      location_(std::move(location)) {}

geometry_error::geometry_error(std::string feature, std::string what_went_wrong)
    : error(feature + ": " + what_went_wrong), feature_(std::move(feature)) {}

config_error::config_error(std::string path, std::string key, std::string what_went_wrong,
                           std::optional<std::int64_t> line)
    : error(path + (line ? ":" + std::to_string(*line) : std::string{}) +
            (key.empty() ? "" : ": key '" + key + "'") + ": " + what_went_wrong),
      path_(std::move(path)),
      key_(std::move(key)),
      line_(line) {}

}  // namespace wijkatlas
