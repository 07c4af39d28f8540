#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "wijkatlas/render/classification.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

constexpr double no_data = std::numeric_limits<double>::quiet_NaN();

// Total within-class squared deviation: what natural breaks minimise.
double within_class_deviation(const Classification& c, const std::vector<double>& values) {
  std::vector<std::vector<double>> members(c.class_count());
  for (double v : values) {
    if (auto k = c.class_of(v)) members[*k].push_back(v);
  }
  double total = 0;
  for (const auto& m : members) {
    double mean = 0;
    for (double v : m) mean += v / static_cast<double>(m.size());
    for (double v : m) total += (v - mean) * (v - mean);
  }
  return total;
}

TEST(Classification, EqualIntervalSplitsTheRangeEvenly) {
  const std::vector<double> values{0, 3, 40, 55, 100, no_data};
  const auto c = classify(values, 4, ClassificationMethod::equal_interval);
  EXPECT_EQ(c.breaks, (std::vector<double>{0, 25, 50, 75, 100}));
  const ClassCounts counts = c.counts(values);
  EXPECT_EQ(counts.per_class, (std::vector<std::size_t>{2, 1, 1, 1}));
  EXPECT_EQ(counts.no_data, 1u);
}

TEST(Classification, QuantilesHoldEqualShares) {
  const std::vector<double> values{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  const auto c = classify(values, 5, ClassificationMethod::quantile);
  EXPECT_EQ(c.breaks, (std::vector<double>{1, 2, 4, 6, 8, 10}));
  EXPECT_EQ(c.counts(values).per_class, (std::vector<std::size_t>(5, 2)));
}

TEST(Classification, NaturalBreaksFindTheGaps) {
  const std::vector<double> values{22, 1, 2, 3, 10, 11, 12, 20, 21};
  const auto c = classify(values, 3, ClassificationMethod::natural_breaks);
  EXPECT_EQ(c.breaks, (std::vector<double>{1, 3, 12, 22}));
  EXPECT_EQ(c.counts(values).per_class, (std::vector<std::size_t>{3, 3, 3}));
}

TEST(Classification, NaturalBreaksAreNeverWorseThanTheOtherMethods) {
  std::mt19937 random(7);
  std::lognormal_distribution<double> density(8, 0.7);  // skewed, like inhabitants per km2
  std::vector<double> values;
  for (int i = 0; i < 150; ++i) values.push_back(std::round(density(random)));
  const auto jenks = classify(values, 5, ClassificationMethod::natural_breaks);
  ASSERT_EQ(jenks.class_count(), 5u);
  const double best = within_class_deviation(jenks, values);
  EXPECT_LE(best, within_class_deviation(classify(values, 5, ClassificationMethod::equal_interval),
                                         values));
  EXPECT_LE(best,
            within_class_deviation(classify(values, 5, ClassificationMethod::quantile), values));
  // Every value lands in exactly one class.
  const auto counts = jenks.counts(values);
  std::size_t total = 0;
  for (auto n : counts.per_class) total += n;
  EXPECT_EQ(total, values.size());
}

TEST(Classification, EveryValueHasAClassAndBoundsBelongBelow) {
  const Classification c{{0, 10, 20}};
  EXPECT_EQ(c.class_of(0), 0u);
  EXPECT_EQ(c.class_of(10), 0u);  // upper bound included
  EXPECT_EQ(c.class_of(10.001), 1u);
  EXPECT_EQ(c.class_of(20), 1u);
  EXPECT_EQ(c.class_of(20.5), std::nullopt);
  EXPECT_EQ(c.class_of(no_data), std::nullopt);
}

TEST(Classification, RepeatedValuesGiveFewerClassesNeverEmptyOnes) {
  const std::vector<double> values{1, 1, 1, 1, 1, 1, 2, 3};
  for (auto method : {ClassificationMethod::equal_interval, ClassificationMethod::quantile,
                      ClassificationMethod::natural_breaks}) {
    const auto c = classify(values, 5, method);
    EXPECT_LE(c.class_count(), 3u);
    for (auto n : c.counts(values).per_class) EXPECT_GT(n, 0u) << "empty class";
  }
  const auto constant = classify(std::vector<double>{4, 4, 4}, 5, ClassificationMethod::quantile);
  EXPECT_EQ(constant.class_count(), 1u);
  EXPECT_EQ(constant.class_of(4), 0u);
}

TEST(Classification, NoDataOnlyGivesNoClasses) {
  const std::vector<double> values{no_data, no_data};
  const auto c = classify(values, 5, ClassificationMethod::natural_breaks);
  EXPECT_EQ(c.class_count(), 0u);
  EXPECT_EQ(c.counts(values).no_data, 2u);
}

TEST(Classification, NamesParseAndZeroClassesIsAnError) {
  EXPECT_EQ(parse_classification_method("jenks"), ClassificationMethod::natural_breaks);
  EXPECT_EQ(parse_classification_method("equal-interval"), ClassificationMethod::equal_interval);
  EXPECT_THROW(parse_classification_method("kmeans"), render_error);
  EXPECT_THROW(classify(std::vector<double>{1, 2}, 0, ClassificationMethod::quantile),
               render_error);
}

}  // namespace
}  // namespace wijkatlas::render
