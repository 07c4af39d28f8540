// Average ranks and Spearman's rho against reference values computed elsewhere.
#include <gtest/gtest.h>

#include <cmath>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/rank_correlation.hpp"

namespace wijkatlas::geo {
namespace {

TEST(RankCorrelation, AverageRanksForTies) {
  const std::vector<double> x{1, 2, 2, 3, 5, 5, 5, 8};
  const std::vector<double> expected{1, 2.5, 2.5, 4, 6, 6, 6, 8};
  EXPECT_EQ(average_ranks(x), expected);
}

TEST(RankCorrelation, WikipediaExampleWithoutTies) {
  // IQ against hours of television per week, the worked example of the English Wikipedia
  // article "Spearman's rank correlation coefficient": rho = -29/165 = -0.175757...
  const std::vector<double> iq{106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
  const std::vector<double> tv{7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
  const auto rho = spearman(iq, tv);
  ASSERT_TRUE(rho);
  EXPECT_NEAR(*rho, -29.0 / 165.0, 1e-12);
}

TEST(RankCorrelation, WithTiesIsPearsonOfAverageRanks) {
  // By hand: ranks x = 1, 2.5, 2.5, 4, 6, 6, 6, 8 and y = 2, 1, 5, 5, 5, 8, 7, 3 (mean 4.5):
  // sum dx*dy = 19, sum dx^2 = 39.5, sum dy^2 = 40, so rho = 19 / sqrt(1580) = 0.4779968751552962
  // (the last digits also from a plain-Python Pearson of the ranks; scipy.stats.spearmanr
  // computes the same statistic).
  const std::vector<double> x{1, 2, 2, 3, 5, 5, 5, 8};
  const std::vector<double> y{2, 1, 4, 4, 4, 9, 7, 3};
  const auto rho = spearman(x, y);
  ASSERT_TRUE(rho);
  EXPECT_NEAR(*rho, 19.0 / std::sqrt(1580.0), 1e-12);
  EXPECT_NEAR(*rho, 0.4779968751552962, 1e-12);
}

TEST(RankCorrelation, UndefinedCases) {
  const std::vector<double> constant{3, 3, 3}, rising{1, 2, 3}, one{1};
  EXPECT_FALSE(spearman(constant, rising));
  EXPECT_FALSE(spearman(one, one));
  EXPECT_NEAR(*spearman(rising, rising), 1.0, 1e-12);
  EXPECT_THROW(spearman(rising, one), usage_error);
}

}  // namespace
}  // namespace wijkatlas::geo
