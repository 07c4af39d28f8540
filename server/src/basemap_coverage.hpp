#pragma once
// The ground the base map has data for. The OSM extract is cut along meridians and parallels
// (the bundled one at lon 5.80-6.00, lat 51.93-52.08); east of its edge every tile is empty
// paper, which on the start view looked like a strip of tiles not drawn. The page keeps its
// view inside this box, so what the room sees is always drawn map.
#include <filesystem>
#include <optional>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::server {

// The largest RD New rectangle inside the extract's bounding box (its header's, or its first
// layer's extent when that is quick to get); nullopt when the extract names none.
std::optional<geo::Box> basemap_coverage(const std::filesystem::path& extract);

}  // namespace wijkatlas::server
