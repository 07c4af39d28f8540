#include "wijkatlas/render/classification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

std::vector<double> sorted_data(std::span<const double> values) {
  std::vector<double> data;
  data.reserve(values.size());
  for (double v : values) {
    if (!std::isnan(v)) data.push_back(v);
  }
  std::sort(data.begin(), data.end());
  return data;
}

std::size_t distinct_count(const std::vector<double>& sorted) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i)
    count += (i == 0 || sorted[i] != sorted[i - 1]) ? 1 : 0;
  return count;
}

std::vector<double> equal_interval(const std::vector<double>& sorted, std::size_t k) {
  const double low = sorted.front();
  const double high = sorted.back();
  std::vector<double> breaks{low};
  for (std::size_t i = 1; i < k; ++i)
    breaks.push_back(low + (high - low) * static_cast<double>(i) / static_cast<double>(k));
  breaks.push_back(high);  // exactly the maximum, not low + k * step with rounding
  return breaks;
}

// Each class ends on the last value of its share of the sorted data.
std::vector<double> quantile(const std::vector<double>& sorted, std::size_t k) {
  const std::size_t n = sorted.size();
  std::vector<double> breaks{sorted.front()};
  for (std::size_t i = 1; i < k; ++i)
    breaks.push_back(sorted[std::max<std::size_t>(i * n / k, 1) - 1]);
  breaks.push_back(sorted.back());
  return breaks;
}

// Fisher (1958): the split of sorted data into k contiguous classes with the least total
// within-class squared deviation. O(k n^2) time, fine for the hundreds of buurten of a city.
std::vector<double> natural_breaks(const std::vector<double>& sorted, std::size_t k) {
  const std::size_t n = sorted.size();
  // Prefix sums give any class's squared deviation in O(1).
  std::vector<double> sum(n + 1, 0), sum_sq(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sum[i + 1] = sum[i] + sorted[i];
    sum_sq[i + 1] = sum_sq[i] + sorted[i] * sorted[i];
  }
  const auto deviation = [&](std::size_t from, std::size_t to) {  // values [from, to)
    const double count = static_cast<double>(to - from);
    const double s = sum[to] - sum[from];
    return (sum_sq[to] - sum_sq[from]) - s * s / count;
  };
  constexpr double infinity = std::numeric_limits<double>::infinity();
  // cost[c][j]: best cost of the first j values in c + 1 classes; start[c][j]: where the last
  // of those classes begins.
  std::vector<std::vector<double>> cost(k, std::vector<double>(n + 1, infinity));
  std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n + 1, 0));
  for (std::size_t j = 1; j <= n; ++j) cost[0][j] = deviation(0, j);
  for (std::size_t c = 1; c < k; ++c) {
    for (std::size_t j = c + 1; j <= n; ++j) {
      for (std::size_t m = c; m < j; ++m) {
        const double candidate = cost[c - 1][m] + deviation(m, j);
        if (candidate < cost[c][j]) {
          cost[c][j] = candidate;
          start[c][j] = m;
        }
      }
    }
  }
  std::vector<double> breaks(k + 1);
  breaks[0] = sorted.front();
  std::size_t end = n;
  for (std::size_t c = k; c-- > 0;) {
    breaks[c + 1] = sorted[end - 1];
    end = c > 0 ? start[c][end] : 0;
  }
  return breaks;
}

}  // namespace

ClassificationMethod parse_classification_method(std::string_view name) {
  if (name == "equal-interval") return ClassificationMethod::equal_interval;
  if (name == "quantile") return ClassificationMethod::quantile;
  if (name == "natural-breaks" || name == "jenks") return ClassificationMethod::natural_breaks;
  throw render_error("unknown classification '" + std::string(name) +
                     "' (use equal-interval, quantile or natural-breaks)");
}

std::optional<std::size_t> Classification::class_of(double value) const {
  if (std::isnan(value) || breaks.empty() || value < breaks.front() || value > breaks.back()) {
    return std::nullopt;
  }
  // The first break >= value closes the value's class.
  const auto upper = std::lower_bound(breaks.begin() + 1, breaks.end(), value);
  return static_cast<std::size_t>(upper - breaks.begin()) - 1;
}

ClassCounts Classification::counts(std::span<const double> values) const {
  ClassCounts counts{std::vector<std::size_t>(class_count(), 0), 0};
  for (double v : values) {
    if (const auto c = class_of(v)) {
      ++counts.per_class[*c];
    } else if (std::isnan(v)) {
      ++counts.no_data;
    }
  }
  return counts;
}

Classification classify(std::span<const double> values, std::size_t classes,
                        ClassificationMethod method) {
  if (classes == 0) throw render_error("a classification needs at least one class");
  const std::vector<double> sorted = sorted_data(values);
  if (sorted.empty()) return {};
  if (sorted.front() == sorted.back()) return {{sorted.front(), sorted.back()}};
  const std::size_t k = std::min(classes, distinct_count(sorted));
  std::vector<double> breaks;
  switch (method) {
    case ClassificationMethod::equal_interval:
      breaks = equal_interval(sorted, k);
      break;
    case ClassificationMethod::quantile:
      breaks = quantile(sorted, k);
      break;
    case ClassificationMethod::natural_breaks:
      breaks = natural_breaks(sorted, k);
      break;
  }
  // Ties (quantiles of repeated values) would make empty classes: drop repeated breaks. The
  // first class may stay a single value ([min, min]), so the lowest break is kept as it is.
  breaks.erase(std::unique(breaks.begin() + 1, breaks.end()), breaks.end());
  return {std::move(breaks)};
}

}  // namespace wijkatlas::render
