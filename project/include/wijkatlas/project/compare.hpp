#pragma once
// The compare use case (docs/overlap.md): what residents draw beside what the figures say, per
// buurt: a residents' measure against a CBS key figure, both ranks, Spearman's rho, the buurten
// that disagree most, and a two-panel map at one scale. compare() computes, write_compare()
// writes the table and the map.
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/base_map_under.hpp"
#include "wijkatlas/project/compare_table.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct CompareRequest {
  std::string category = "probleem";
  std::string measure = "per_1000";     // per_1000, bladen, procent or plekken
  std::string indicator;                // a CBS key figure or derived field (required)
  std::vector<std::string> indicators;  // tables keyed by CBS code; empty: the CBS key figures
  std::size_t min_sheets = 3;           // small-number protection: k
  std::size_t highlight = 5;            // buurten with the largest rank difference
  AreaSource source;
};

struct Comparison {
  CompareResult ranks;         // one row per compared buurt (the programme's, else every buurt)
  std::string measure;         // the request's measure key
  std::string measure_legend;  // "Tekeningen per 1.000 inwoners"
  std::string indicator;
  std::vector<geo::MultiPolygon> shapes;  // per row
  std::vector<std::string> names;         // per row
  std::vector<std::string> missing;       // buurten without the indicator (names)
  bool simplified_boundaries = false;     // the shapes are CBS's generalized boundaries
};

// Throws request_error for an unknown measure or indicator, io_error/data_error for the store.
void check_compare_request(const CompareRequest& request);
Comparison compare(store::ProjectStore& store, const CompareRequest& request,
                   geo::Reporter& reporter);

struct CompareOutputs {
  std::string csv;  // the table
  std::string map;  // two panels (.pdf, .svg, .png); empty: none
  bool no_date = false;
  // Under both panels, lighter: no street names at the scale of a whole city.
  BaseMapSource base_map = without_street_labels(BaseMapSource{});
};

// Writes the table and the map, both or neither.
void write_compare(const Comparison& comparison, const CompareOutputs& outputs,
                   geo::Reporter& reporter);

}  // namespace wijkatlas::project
