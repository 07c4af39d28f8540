#pragma once
// The landmarks of a drawing sheet: from the OSM extract that gives its base map, or, without
// one (Arnhem offline), from the asset points in the data directory.
#include <filesystem>
#include <optional>
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"

namespace wijkatlas::app {

// `ground`: the RD New box the sheet shows, with some room around it. The data directory
// (--data-dir) is looked up only when there is no OSM extract.
render::SheetLandmarks sheet_landmarks(const std::optional<std::filesystem::path>& osm, const geo::Box& ground,
                                       const std::string& data_dir_option, geo::Reporter& reporter);

}  // namespace wijkatlas::app
