#pragma once
// The area hierarchy: buurt -> CBS wijk -> programme wijk -> gemeente. Every level above the
// buurt is dissolved from its buurten with GEOS, so the levels always agree with each other.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/codes.hpp"
#include "wijkatlas/geo/indicators.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/programme.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

struct Area {
  Level level = Level::buurt;
  std::string code;  // CBS code, or the programme wijk's slug
  std::string naam;
  MultiPolygon geometry;
  double area_m2 = 0;
  std::optional<double> inwoners;  // inhabitants, from the indicators
  std::optional<double> land_m2;   // land area, from the indicators (CBS gives hectares)
  // For buurten: index of the containing area per level (-1: none, e.g. outside the programme).
  std::array<std::int32_t, 4> parent{-1, -1, -1, -1};
  std::vector<std::size_t> buurten;  // for higher levels: indices of member buurten
  std::map<std::string, Value> indicators;
};

struct AreaHierarchy {
  std::array<std::vector<Area>, 4> levels;
  std::array<std::vector<std::string>, 4> indicator_columns;  // per level, in source order
  // The boundaries are a generalized extract of the CBS map (off by up to ~300 m): maps drawn on
  // them say so. Set by whoever knows the source.
  bool simplified_boundaries = false;

  std::vector<Area>& at(Level level) { return levels[static_cast<std::size_t>(level)]; }
  const std::vector<Area>& at(Level level) const { return levels[static_cast<std::size_t>(level)]; }
  std::optional<std::size_t> find(Level level, std::string_view code) const;
};

// Names of the fields in a buurten layer. Detected from the CBS products' names (buurtcode,
// statcode, BU_CODE...); the wijk code is derived from the buurt code when absent.
struct BuurtFields {
  std::string code, naam, wijkcode, wijknaam, gemeentecode, gemeentenaam;
};
BuurtFields detect_buurt_fields(const Layer& buurten);

struct HierarchyOptions {
  std::array<bool, 4> build_level{true, true, true, true};  // buurten are always built
  // Dissolving buurten whose shared edges do not match exactly leaves hairline gaps as holes
  // and slivers; holes below this area and parts below min_part_area are removed.
  double max_hole_area_m2 = 2000;
  double min_part_area_m2 = 100;
  std::map<std::string, std::string> wijk_names;  // when the buurten layer has no wijknaam
};

// `buurten` by value: their polygons move into the hierarchy (pass it with std::move when it
// is not needed afterwards; 14,000 buurten hold tens of megabytes).
AreaHierarchy build_hierarchy(Layer buurten, const Programme* programme,
                              const HierarchyOptions& options, Reporter& reporter);

struct IndicatorJoinReport {
  std::string source;
  std::size_t matched = 0;
  std::vector<std::string> unmatched;  // "line 7: BU02029999"
};

// Attaches a table's values to the areas whose code matches (tolerant of prefixes and leading
// zeros). Programme wijken have no CBS code and get derived values only.
IndicatorJoinReport join_indicators(AreaHierarchy& hierarchy, const IndicatorTable& table);

// Fills inwoners and land_m2 from the joined indicators (AantalInwoners / aantal_inwoners,
// OppervlakteLand / oppervlakte_land_in_ha), summing children where an area has no own figure:
// a programme wijk that consists of whole CBS wijken is the sum of those wijken.
void derive_population_and_land(AreaHierarchy& hierarchy, Reporter& reporter);

}  // namespace wijkatlas::geo
