#pragma once
// Counting points per area at every level, per theme, and summing a value: what join_points and
// join_point_stream share. Themes arrive as the text they were read as and get their final
// names once every point has been seen (a CSV's column types are only known then).
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wijkatlas/geo/join.hpp"

namespace wijkatlas::geo::detail {

class PointCounter {
 public:
  // `themes`: count per theme (else the theme given to add() is ignored).
  PointCounter(const AreaHierarchy& hierarchy, bool themes);

  // One point in buurt `buurt` (-1: outside every buurt; its theme still counts as one that
  // occurs), with its theme as read, and its value.
  void add(std::int32_t buurt, std::string_view theme, std::optional<double> value) {
    count(buurt, theme);
    if (value && buurt >= 0) add_value(buurt, *value);
  }
  // add() in two parts. Counts are integers: counters of parts of the points, made on several
  // threads, merge into exactly the counts of all. Values are summed in the order they are
  // added, which decides the last bits of a sum of doubles: one counter, in point order.
  void count(std::int32_t buurt, std::string_view theme);
  void add_value(std::int32_t buurt, double value);
  // Adds the counts (not the values) of `other`, a counter over the same hierarchy.
  void merge_counts(const PointCounter& other);

  // The aggregates per level and the sorted theme names. `theme_name` gives a theme's final
  // name from the text it was read as ("" means onbekend); values are dropped when
  // `keep_values` is false (a CSV column that turned out not to be numeric).
  void finish(PointJoinResult& result,
              const std::function<std::string(const std::string&)>& theme_name,
              bool keep_values) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::uint32_t theme_id(std::string_view theme);
  std::uint32_t find_or_add_theme(std::string_view theme);
  // Slot of a theme in recent_: from its length and its first and last bytes, which tell a
  // handful of themes apart without hashing the whole text.
  static std::size_t recent_slot(std::string_view theme) {
    if (theme.empty()) return 0;
    const auto first = static_cast<unsigned char>(theme.front());
    const auto last = static_cast<unsigned char>(theme.back());
    return (theme.size() * 131 + first * 7 + last) % recent_size;
  }
  static constexpr std::size_t recent_size = 256;

  bool with_themes_;
  std::vector<std::array<std::int32_t, 4>> areas_of_buurt_;  // per buurt, its area per level
  std::array<std::size_t, 4> level_sizes_{};
  std::vector<std::int64_t> per_buurt_;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> theme_ids_;
  std::vector<std::string> themes_;  // by id
  // The theme last seen in each slot, plus one (0: none): ten million points with a few
  // themes each, where comparing the point's text to every theme cost a fifth of the count.
  std::array<std::uint32_t, recent_size> recent_{};
  std::vector<std::vector<std::int64_t>> per_buurt_theme_;                  // [theme][buurt]
  std::array<std::vector<std::pair<double, std::int64_t>>, 4> value_sums_;  // [level][area]
};

// The warning join_points gives for the points outside every buurt: their number, and the
// first `outside_examples` of them by name.
inline constexpr std::size_t outside_examples = 5;
void warn_outside(Reporter& reporter, const Layer& points, std::span<const std::size_t> outside,
                  std::size_t outside_count, std::size_t point_count);

}  // namespace wijkatlas::geo::detail
