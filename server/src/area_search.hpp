#pragma once
// Search by the name or CBS code of a buurt, CBS wijk or programme wijk (the project's own
// areas, no geocoder): exact matches first, then names that start with the text, then names
// that contain it; ignoring case and accents are not folded (the CBS names have few).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/areas.hpp"

namespace wijkatlas::server {

class AreaSearch {
 public:
  explicit AreaSearch(const geo::AreaHierarchy& hierarchy);
  // [{niveau, code, naam, bbox: [min_x, min_y, max_x, max_y]}], at most `limit`.
  nlohmann::json find(std::string_view text, std::size_t limit = 10) const;
  // Whether an area of `level` (buurt, wijk, programmawijk) has exactly this code.
  bool has(std::string_view level, std::string_view code) const;
  // The ground of all programme wijken (else all buurten): where the page opens.
  const geo::Box& home() const { return home_; }
  // The ground of all areas (the municipality's buurten): where drawings may be.
  const geo::Box& ground() const { return ground_; }

 private:
  struct Entry {
    std::string level;  // Dutch: buurt, wijk, programmawijk
    std::string code;
    std::string naam;
    std::string code_lower, naam_lower;
    geo::Box box;
  };
  std::vector<Entry> entries_;
  geo::Box home_;
  geo::Box ground_;
};

}  // namespace wijkatlas::server
