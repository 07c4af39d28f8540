#pragma once
// Ranks and Spearman's rank correlation, for setting residents' drawings beside the monitor's
// figures (wijkatlas compare). Ties get the average of the ranks they share.
#include <optional>
#include <span>
#include <vector>

namespace wijkatlas::geo {

// Rank 1 for the smallest value; tied values share the average of their ranks (1, 2.5, 2.5, 4).
std::vector<double> average_ranks(std::span<const double> values);

// Spearman's rho: Pearson's correlation of the average ranks (the exact formula with ties, not
// 1 - 6 sum d^2 / n(n^2 - 1), which is only right without them). nullopt for fewer than two
// pairs or when either side is constant. Throws usage_error when the spans differ in length.
std::optional<double> spearman(std::span<const double> x, std::span<const double> y);

}  // namespace wijkatlas::geo
