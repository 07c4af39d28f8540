// derive_population_and_land: inhabitants and land area per area, from the indicators, summed
// from the level below where an area has no figure of its own.
#include <algorithm>
#include <array>
#include <span>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {

constexpr std::array<std::string_view, 2> inhabitant_stems = {"aantalinwoners", "aantal_inwoners"};
// CBS gives areas in hectares.
constexpr std::array<std::string_view, 3> land_stems = {"oppervlakteland", "oppervlakte_land_ha",
                                                        "oppervlakte_land_in_ha"};

std::optional<double> own_figure(const Area& area, std::span<const std::string_view> stems) {
  for (const auto& [column, value] : area.indicators) {
    const std::string stem = support::to_lower_ascii(cbs_column_stem(column));
    for (auto wanted : stems) {
      if (stem == wanted) {
        if (auto number = as_number(value)) return number;
      }
    }
  }
  return std::nullopt;
}

// Sum over `members` (indices into `areas`) or nullopt when any member lacks the figure.
template <typename Get>
std::optional<double> sum_of(const std::vector<Area>& areas,
                             const std::vector<std::size_t>& members, Get get) {
  if (members.empty()) return std::nullopt;
  double sum = 0;
  for (std::size_t m : members) {
    auto v = get(areas[m]);
    if (!v) return std::nullopt;
    sum += *v;
  }
  return sum;
}

// The CBS wijken an area consists of, when it consists of whole wijken only.
std::optional<std::vector<std::size_t>> whole_wijken(const AreaHierarchy& h, const Area& area) {
  const auto& buurten = h.at(Level::buurt);
  const auto& wijken = h.at(Level::wijk);
  std::vector<std::size_t> members;
  for (std::size_t b : area.buurten) {
    const auto w = buurten[b].parent[static_cast<std::size_t>(Level::wijk)];
    if (w < 0) return std::nullopt;
    const auto wi = static_cast<std::size_t>(w);
    if (std::find(members.begin(), members.end(), wi) == members.end()) members.push_back(wi);
  }
  std::size_t buurten_in_wijken = 0;
  for (std::size_t w : members) buurten_in_wijken += wijken[w].buurten.size();
  if (buurten_in_wijken != area.buurten.size()) return std::nullopt;
  return members;
}

template <typename Member>
void derive(AreaHierarchy& h, std::span<const std::string_view> stems, Member member, double unit) {
  auto own = [&](const Area& a) -> std::optional<double> {
    if (auto v = own_figure(a, stems)) return *v * unit;
    return std::nullopt;
  };
  auto& buurten = h.at(Level::buurt);
  for (auto& b : buurten) b.*member = own(b);
  for (auto& w : h.at(Level::wijk)) {
    w.*member = own(w);
    if (!(w.*member))
      w.*member = sum_of(buurten, w.buurten, [&](const Area& a) { return a.*member; });
  }
  for (Level level : {Level::programma, Level::gemeente}) {
    for (auto& area : h.at(level)) {
      area.*member = level == Level::gemeente ? own(area) : std::nullopt;
      if (area.*member) continue;
      if (auto wijken = whole_wijken(h, area)) {
        area.*member = sum_of(h.at(Level::wijk), *wijken, [&](const Area& a) { return a.*member; });
      }
      if (!(area.*member))
        area.*member = sum_of(buurten, area.buurten, [&](const Area& a) { return a.*member; });
    }
  }
}

}  // namespace

void derive_population_and_land(AreaHierarchy& h, Reporter& reporter) {
  derive(h, inhabitant_stems, &Area::inwoners, 1.0);
  derive(h, land_stems, &Area::land_m2, 10000.0);
  for (const auto& area : h.at(Level::programma)) {
    if (!area.inwoners) {
      reporter.warn("programmawijk " + area.naam +
                    ": no inhabitant figure for all its buurten or "
                    "wijken; per-1,000-inhabitant figures are left empty");
    }
  }
}

}  // namespace wijkatlas::geo
