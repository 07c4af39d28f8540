#include "area_search.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>

#include "geojson.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::server {

AreaSearch::AreaSearch(const geo::AreaHierarchy& hierarchy) {
  bool any_home = false;
  for (const geo::Level level : {geo::Level::programma, geo::Level::wijk, geo::Level::buurt}) {
    for (const geo::Area& a : hierarchy.at(level)) {
      if (a.geometry.empty()) continue;
      geo::Box box;
      boost::geometry::envelope(a.geometry, box);
      entries_.push_back({geo::to_string(level), a.code, a.naam, support::to_lower_ascii(a.code),
                          support::to_lower_ascii(a.naam), box});
      if (entries_.size() == 1)
        ground_ = box;
      else
        boost::geometry::expand(ground_, box);
      if (level == geo::Level::programma || (level == geo::Level::buurt && !any_home)) {
        if (!any_home)
          home_ = box;
        else
          boost::geometry::expand(home_, box);
        any_home = level == geo::Level::programma || any_home;
      }
    }
  }
}

nlohmann::json AreaSearch::find(std::string_view text, std::size_t limit) const {
  const std::string needle = support::to_lower_ascii(support::trim(text));
  nlohmann::json out = nlohmann::json::array();
  if (needle.empty()) return out;
  // Three passes keep the order of the hierarchy (programme wijk, wijk, buurt) within each.
  const auto pass = [&](auto matches) {
    for (const Entry& e : entries_) {
      if (out.size() >= limit) return;
      if (!matches(e)) continue;
      const bool seen = std::any_of(out.begin(), out.end(), [&](const nlohmann::json& j) {
        return j["niveau"] == e.level && j["code"] == e.code;
      });
      if (!seen)
        out.push_back(
            {{"niveau", e.level}, {"code", e.code}, {"naam", e.naam}, {"bbox", bbox_json(e.box)}});
    }
  };
  pass([&](const Entry& e) { return e.naam_lower == needle || e.code_lower == needle; });
  pass([&](const Entry& e) {
    return e.naam_lower.starts_with(needle) || e.code_lower.starts_with(needle);
  });
  pass([&](const Entry& e) { return e.naam_lower.find(needle) != std::string::npos; });
  return out;
}

bool AreaSearch::has(std::string_view level, std::string_view code) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.level == level && e.code == code; });
}

}  // namespace wijkatlas::server
