#pragma once
// The indicator tables a command joins: the user's, or by default the CBS key figures in the
// data directory.
#include "area_source.hpp"

namespace wijkatlas::app {

void join_indicator_files(LoadedAreas& loaded, const std::vector<std::string>& files,
                          bool use_defaults, geo::Reporter& reporter);

}  // namespace wijkatlas::app
