#include "wijkatlas/project/compare_table.hpp"

#include <algorithm>
#include <functional>

#include "wijkatlas/geo/rank_correlation.hpp"

namespace wijkatlas::project {

CompareResult compare_ranks(std::vector<CompareRow> rows, std::size_t highlight) {
  CompareResult out;
  std::vector<std::size_t> both;
  std::vector<double> residents, indicator;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (std::isnan(rows[i].residents) || std::isnan(rows[i].indicator)) continue;
    both.push_back(i);
    // Negated, so that rank 1 is the highest value: "most drawn", "highest figure".
    residents.push_back(-rows[i].residents);
    indicator.push_back(-rows[i].indicator);
  }
  const std::vector<double> rr = geo::average_ranks(residents), ri = geo::average_ranks(indicator);
  for (std::size_t j = 0; j < both.size(); ++j) {
    CompareRow& row = rows[both[j]];
    row.rank_residents = rr[j];
    row.rank_indicator = ri[j];
    row.rank_difference = rr[j] - ri[j];
  }
  out.compared = both.size();
  out.rho = geo::spearman(residents, indicator);
  std::vector<double> gaps;
  for (const auto& row : rows) {
    if (row.rank_difference) gaps.push_back(std::abs(*row.rank_difference));
  }
  std::sort(gaps.begin(), gaps.end(), std::greater<>());
  if (highlight > 0 && !gaps.empty()) {
    const double threshold = gaps[std::min(highlight, gaps.size()) - 1];
    for (auto& row : rows) {
      row.disagree =
          row.rank_difference && threshold > 0 && std::abs(*row.rank_difference) >= threshold;
    }
  }
  out.rows = std::move(rows);
  return out;
}

geo::Table compare_table(const CompareResult& result, const std::string& measure,
                         const std::string& indicator) {
  geo::Table table;
  table.columns = {"code",          "naam",         "bewoners_" + measure, indicator,
                   "rang_bewoners", "rang_cijfers", "rangverschil",        "grootste_verschil",
                   "onderdrukt"};
  const auto number = [](double v) { return std::isnan(v) ? geo::Value{} : geo::Value{v}; };
  const auto optional = [](const std::optional<double>& v) {
    return v ? geo::Value{*v} : geo::Value{};
  };
  for (const auto& r : result.rows) {
    table.rows.push_back({r.code, r.naam, number(r.residents), number(r.indicator),
                          optional(r.rank_residents), optional(r.rank_indicator),
                          optional(r.rank_difference), std::int64_t{r.disagree ? 1 : 0},
                          std::int64_t{r.suppressed ? 1 : 0}});
  }
  return table;
}

}  // namespace wijkatlas::project
