#pragma once
// Residents' measure beside a monitor indicator per buurt: both ranks, their difference,
// Spearman's rho over the buurten that have both, and the buurten where they disagree most.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::project {

struct CompareRow {
  std::string code;
  std::string naam;
  double residents = NAN;                // NaN: suppressed (small-number rule)
  double indicator = NAN;                // NaN: missing
  std::optional<double> rank_residents;  // 1 = highest; average ranks for ties
  std::optional<double> rank_indicator;
  std::optional<double> rank_difference;  // residents - indicator
  bool disagree = false;                  // among the largest |rank difference|
  bool suppressed = false;
};

struct CompareResult {
  std::vector<CompareRow> rows;
  std::size_t compared = 0;  // buurten with both values
  std::optional<double> rho;
};

// Ranks over the rows that have both values; marks the `highlight` rows with the largest
// absolute rank difference (all rows tied with the last one too).
CompareResult compare_ranks(std::vector<CompareRow> rows, std::size_t highlight);

geo::Table compare_table(const CompareResult& result, const std::string& measure,
                         const std::string& indicator);

}  // namespace wijkatlas::project
