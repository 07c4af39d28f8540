#pragma once
// The rendered overlap map: faces (or grid cells) classed by n in a colour-blind-safe
// sequential ramp, legend "n van N tekeningen", buurt boundaries and names on top.
#include <cstdint>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::project {

struct CountedShape {
  geo::MultiPolygon shape;
  std::int32_t n = 0;
  std::int32_t N = 0;
};

struct OverlapMapText {
  std::string title;
  std::string subtitle;
  std::string date;  // "" prints none
  render::Language language = render::Language::nl;
  render::Paper paper = render::Paper::a3;
};

// The classes of n a map of the counts shows: one per value up to 5, else five ranges of whole
// numbers, with the colour-blind-safe yellow-brown ramp and the legend text ("3 – 4 van N").
struct OverlapClass {
  std::int32_t low = 0, high = 0;
  render::Rgb colour;
  std::string legend;
};
std::vector<OverlapClass> overlap_classes(std::int32_t max_n);

// One area layer per class of overlap_classes (up to the highest n of `shapes`), highest class
// first so that the legend reads 1, 2, 3... from the top; each legend text is `legend_prefix`
// followed by the class ("1 van N"). Empty for no shapes.
std::vector<render::AreaLayer> overlap_class_layers(const std::vector<CountedShape>& shapes,
                                                    const std::string& legend_prefix,
                                                    const std::string& attribution);

// Each class of overlap_classes is a layer with its own legend text; write_overlap_map puts the
// heading above them.
render::MapSpec overlap_map_spec(const std::vector<CountedShape>& shapes,
                                 const geo::AreaHierarchy* areas, const OverlapMapText& text);

inline constexpr const char* overlap_legend_heading = "n van N tekeningen";

// Plans and writes the map with the legend heading; returns the plan.
render::MapPlan write_overlap_map(const std::string& output, const render::MapSpec& spec,
                                  bool no_date);

}  // namespace wijkatlas::project
