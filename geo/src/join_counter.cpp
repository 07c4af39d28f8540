#include "join_counter.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace wijkatlas::geo::detail {

PointCounter::PointCounter(const AreaHierarchy& hierarchy, bool themes) : with_themes_(themes) {
  for (std::size_t l = 0; l < 4; ++l) {
    level_sizes_[l] = hierarchy.levels[l].size();
    value_sums_[l].resize(level_sizes_[l]);
  }
  for (std::size_t b = 0; b < hierarchy.levels[0].size(); ++b) {
    const Area& buurt = hierarchy.levels[0][b];
    std::array<std::int32_t, 4> areas{static_cast<std::int32_t>(b), -1, -1, -1};
    for (std::size_t l = 1; l < 4; ++l) {
      const std::int32_t area = buurt.parent[l];
      areas[l] = area >= 0 && static_cast<std::size_t>(area) < level_sizes_[l] ? area : -1;
    }
    areas_of_buurt_.push_back(areas);
  }
  per_buurt_.resize(level_sizes_[0]);
}

std::uint32_t PointCounter::theme_id(std::string_view theme) {
  std::uint32_t& recent = recent_[recent_slot(theme)];
  if (recent != 0 && themes_[recent - 1] == theme) return recent - 1;
  const std::uint32_t id = find_or_add_theme(theme);
  recent = id + 1;
  return id;
}

std::uint32_t PointCounter::find_or_add_theme(std::string_view theme) {
  // A handful of themes is the usual case: comparing them is cheaper than hashing.
  if (themes_.size() <= 16) {
    for (std::uint32_t id = 0; id < themes_.size(); ++id) {
      if (themes_[id] == theme) return id;
    }
  } else if (const auto it = theme_ids_.find(theme); it != theme_ids_.end()) {
    return it->second;
  }
  const auto id = static_cast<std::uint32_t>(themes_.size());
  themes_.emplace_back(theme);
  theme_ids_.emplace(std::string(theme), id);
  per_buurt_theme_.emplace_back(level_sizes_[0], 0);
  return id;
}

void PointCounter::count(std::int32_t buurt, std::string_view theme) {
  const std::uint32_t t = with_themes_ ? theme_id(theme) : 0;
  if (buurt < 0) return;
  const auto b = static_cast<std::size_t>(buurt);
  // Counts per buurt only: the other levels are sums of buurten, made at the end.
  ++per_buurt_[b];
  if (with_themes_) ++per_buurt_theme_[t][b];
}

void PointCounter::add_value(std::int32_t buurt, double value) {
  // Sums per level as the points come, so that they add up in the same order at every level.
  const std::array<std::int32_t, 4>& areas = areas_of_buurt_[static_cast<std::size_t>(buurt)];
  for (std::size_t l = 0; l < 4; ++l) {
    if (areas[l] < 0) continue;
    auto& [sum, count] = value_sums_[l][static_cast<std::size_t>(areas[l])];
    sum += value;
    ++count;
  }
}

void PointCounter::merge_counts(const PointCounter& other) {
  for (std::size_t b = 0; b < per_buurt_.size(); ++b) per_buurt_[b] += other.per_buurt_[b];
  for (std::size_t t = 0; t < other.themes_.size(); ++t) {
    std::vector<std::int64_t>& mine = per_buurt_theme_[theme_id(other.themes_[t])];
    const std::vector<std::int64_t>& theirs = other.per_buurt_theme_[t];
    for (std::size_t b = 0; b < mine.size(); ++b) mine[b] += theirs[b];
  }
}

void PointCounter::finish(PointJoinResult& result,
                          const std::function<std::string(const std::string&)>& theme_name,
                          bool keep_values) const {
  std::vector<std::string> names;
  for (const std::string& theme : themes_) {
    std::string name = theme_name(theme);
    names.push_back(name.empty() ? "onbekend" : std::move(name));
  }
  std::array<std::vector<std::vector<std::int64_t>>, 4> per_theme;  // [level][theme][area]
  for (std::size_t l = 0; l < 4; ++l) {
    result.per_level[l].assign(level_sizes_[l], AreaAggregate{});
    per_theme[l].assign(themes_.size(), std::vector<std::int64_t>(level_sizes_[l], 0));
  }
  for (std::size_t b = 0; b < per_buurt_.size(); ++b) {
    for (std::size_t l = 0; l < 4; ++l) {
      const std::int32_t area = areas_of_buurt_[b][l];
      if (area < 0) continue;
      result.per_level[l][static_cast<std::size_t>(area)].count += per_buurt_[b];
      for (std::size_t t = 0; t < themes_.size(); ++t) {
        per_theme[l][t][static_cast<std::size_t>(area)] += per_buurt_theme_[t][b];
      }
    }
  }
  for (std::size_t l = 0; l < 4; ++l) {
    for (std::size_t a = 0; a < level_sizes_[l]; ++a) {
      AreaAggregate& aggregate = result.per_level[l][a];
      if (keep_values) std::tie(aggregate.value_sum, aggregate.value_count) = value_sums_[l][a];
      for (std::size_t t = 0; t < themes_.size(); ++t) {
        if (const auto n = per_theme[l][t][a]; n > 0) aggregate.per_theme[names[t]] += n;
      }
    }
  }
  result.themes.clear();
  for (const std::string& name : names) {
    if (std::find(result.themes.begin(), result.themes.end(), name) == result.themes.end()) {
      result.themes.push_back(name);
    }
  }
  std::sort(result.themes.begin(), result.themes.end());
}

void warn_outside(Reporter& reporter, const Layer& points, std::span<const std::size_t> outside,
                  std::size_t outside_count, std::size_t point_count) {
  if (outside_count == 0) return;
  std::string examples;
  for (std::size_t k = 0; k < std::min(outside_examples, outside.size()); ++k) {
    examples += (k ? ", " : "") + points.location_of(points.features[outside[k]]);
  }
  reporter.warn(points.source + ": " + std::to_string(outside_count) + " of " +
                std::to_string(point_count) + " points lie outside every buurt (" + examples +
                (outside_count > outside_examples ? ", ..." : "") +
                "); they are listed in the output layer punten_buiten_gebied");
}

}  // namespace wijkatlas::geo::detail
