#pragma once
// Classifying an indicator for a choropleth: equal interval, quantile and natural breaks
// (Jenks, computed exactly with Fisher's dynamic programme). NaN means "no data": such values
// are left out of the classes and counted apart, for the legend's explicit no-data class.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace wijkatlas::render {

enum class ClassificationMethod { equal_interval, quantile, natural_breaks };

// "equal-interval", "quantile", "natural-breaks" or "jenks"; throws render_error otherwise.
ClassificationMethod parse_classification_method(std::string_view name);

inline constexpr std::size_t default_class_count = 5;

struct ClassCounts {
  std::vector<std::size_t> per_class;
  std::size_t no_data = 0;
};

struct Classification {
  // Ascending; class i spans breaks[i]..breaks[i+1], upper bound included (the first class
  // also includes its lower bound). Empty when there was no data at all.
  std::vector<double> breaks;

  std::size_t class_count() const noexcept { return breaks.empty() ? 0 : breaks.size() - 1; }
  // nullopt for no data (NaN) and for values outside the classified range.
  std::optional<std::size_t> class_of(double value) const;
  ClassCounts counts(std::span<const double> values) const;
};

// At most `classes` classes; fewer when the data has fewer distinct values (breaks never
// repeat). Throws render_error when `classes` is 0.
Classification classify(std::span<const double> values, std::size_t classes,
                        ClassificationMethod method);

}  // namespace wijkatlas::render
