#pragma once
// Deterministic, realistic sketch sets for the overlap benchmark (issue 5): residents' marks in
// the Arnhem extent, hand-drawn-like irregular blobs, heavily overlapping around shared
// hotspots, grouped into sheets of 3-10 marks whose coverage is the sheet's printed map extent.
#include <cstdint>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::bench {

struct SketchSetSpec {
  std::int64_t sketches = 1000;
  std::uint64_t seed = 5;
  // RD New extent of the programme area (Arnhem-Oost and surroundings).
  double x_min = 187000, y_min = 440000, x_max = 198000, y_max = 447000;
  int hotspots = 10;
};

// Sheets with their coverage and polygon marks; the number of marks adds up to spec.sketches.
std::vector<geo::SketchSheet> generate_sketch_set(const SketchSetSpec& spec);

}  // namespace wijkatlas::bench
