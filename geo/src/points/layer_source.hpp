#pragma once
// Points through read_layer: every format, geometry type and option it handles, in memory.
#include "points/source.hpp"

namespace wijkatlas::geo::points_detail {

std::unique_ptr<Source> read_layer_source(const std::filesystem::path& path,
                                          const ReadOptions& options, std::size_t batch_size,
                                          Reporter& reporter, SourceHeader& header);

}  // namespace wijkatlas::geo::points_detail
