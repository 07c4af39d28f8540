#include "wijkatlas/project/per_area_figures.hpp"

#include <string>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::project {
namespace {

std::vector<geo::SketchArea> sketch_areas(const geo::AreaHierarchy& h, geo::Level level) {
  std::vector<geo::SketchArea> out;
  for (const geo::Area& a : h.at(level)) out.push_back({a.code, a.naam, a.geometry, a.inwoners});
  return out;
}

}  // namespace

PerAreaFigures compute_per_area(const std::vector<geo::DissolvedSheet>& dissolved,
                                const geo::AreaHierarchy& h, std::size_t min_sheets) {
  if (min_sheets > dissolved.size()) {
    throw request_error("min_sheets", std::to_string(min_sheets) + " is more than the " +
                                          std::to_string(dissolved.size()) +
                                          " sheets in the store: every buurt would be suppressed; "
                                          "lower it or collect more drawings");
  }
  geo::PerAreaOptions options;
  options.min_sheets = min_sheets;
  PerAreaFigures out;
  out.buurten = geo::sketch_per_area(dissolved, sketch_areas(h, geo::Level::buurt), options);
  out.programma = geo::sketch_per_area(dissolved, sketch_areas(h, geo::Level::programma), options);
  return out;
}

}  // namespace wijkatlas::project
