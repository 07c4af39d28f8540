#pragma once
// Residents' drawings summed up per area (issue 5, "per buurt"): how many sheets marked
// something in a buurt, how much of it, in how many separate spots, and per 1,000
// inhabitants; with small-number protection for published tables. Pure geometry on dissolved
// sheets (overlap.hpp), no store, so it is tested on synthetic sketches.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {

struct SketchArea {
  std::string code;  // CBS buurt code or programme wijk slug
  std::string naam;
  MultiPolygon geometry;
  std::optional<double> inwoners;
};

struct SketchAreaStats {
  std::string code;
  std::string naam;
  std::size_t sheets_marked = 0;    // sheets whose marked area overlaps the area (> min_overlap_m2)
  std::size_t sheets_covering = 0;  // sheets whose coverage overlaps the area
  double area_m2 = 0;
  double marked_m2 = 0;            // area marked by at least one sheet
  double marked_share = 0;         // marked_m2 / area_m2
  std::size_t spots = 0;           // separate parts of the marked area inside the area
  std::optional<double> per_1000;  // sheets_marked per 1,000 inhabitants (none without inwoners)
  // Small-number protection: fewer than min_sheets sheets marked here. Published outputs show
  // no values for such an area (see suppressed_value).
  bool suppressed = false;
};

struct PerAreaOptions {
  std::size_t min_sheets = 3;   // k of the small-number rule (CBS-like secrecy)
  double min_overlap_m2 = 1.0;  // a mark touching a buurt border by less does not count there
};

// Per area, in the order given. Throws usage_error when min_sheets is 0.
std::vector<SketchAreaStats> sketch_per_area(std::span<const DissolvedSheet> sheets,
                                             std::span<const SketchArea> areas,
                                             const PerAreaOptions& options = {});

}  // namespace wijkatlas::geo
