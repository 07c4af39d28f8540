#pragma once
// Reads a sketch set written by bench_overlap_gen back into sheets (coverage + marks).
#include <filesystem>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::bench {

std::vector<geo::SketchSheet> load_sketch_set(const std::filesystem::path& gpkg);

}  // namespace wijkatlas::bench
