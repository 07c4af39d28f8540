#pragma once
// Sketch figures per buurt and per programme wijk, shared by `overlap --per-buurt` and `compare`.
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/sketch_per_area.hpp"

namespace wijkatlas::project {

struct PerAreaFigures {
  std::vector<geo::SketchAreaStats> buurten;    // in the hierarchy's buurt order
  std::vector<geo::SketchAreaStats> programma;  // in the hierarchy's programme wijk order
};

// Throws usage_error when min_sheets exceeds the number of sheets (everything would be
// suppressed) or is 0.
PerAreaFigures compute_per_area(const std::vector<geo::DissolvedSheet>& dissolved,
                                const geo::AreaHierarchy& h, std::size_t min_sheets);

}  // namespace wijkatlas::project
