#include <cmath>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "sheet/landmarks.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::render {
namespace {

// Everything the layers hold, for maps that name no extent.
std::optional<geo::Box> data_envelope(const MapSpec& spec) {
  std::optional<geo::Box> out;
  const auto extend = [&](const geo::Box& b) {
    if (!out) {
      out = b;
      return;
    }
    out->min_corner().x(std::min(out->min_corner().x(), b.min_corner().x()));
    out->min_corner().y(std::min(out->min_corner().y(), b.min_corner().y()));
    out->max_corner().x(std::max(out->max_corner().x(), b.max_corner().x()));
    out->max_corner().y(std::max(out->max_corner().y(), b.max_corner().y()));
  };
  for (const MapLayer& layer : spec.layers) {
    if (const auto* areas = std::get_if<AreaLayer>(&layer)) {
      for (const auto& s : areas->shapes)
        if (!s.empty()) extend(detail::envelope_of(s));
      for (const auto& l : areas->lines)
        if (!l.empty()) extend(detail::envelope_of(l));
    } else if (const auto* points = std::get_if<PointLayer>(&layer)) {
      for (const auto& p : points->points) extend(geo::Box(p, p));
    }
  }
  return out;
}

geo::Point centre_of(const geo::Box& b) {
  return {(b.min_corner().x() + b.max_corner().x()) / 2,
          (b.min_corner().y() + b.max_corner().y()) / 2};
}

}  // namespace

Language parse_language(std::string_view name) {
  if (name == "nl") return Language::nl;
  if (name == "en") return Language::en;
  throw render_error("language '" + std::string(name) + "' is not supported (use nl or en)");
}

MapFrame plan_frame(const MapSpec& spec, const RectMm& map_area) {
  const MapExtent& e = spec.extent;
  std::optional<geo::Box> area = e.fit;
  if (!area && !e.centre) area = data_envelope(spec);
  if (e.scale) {
    const geo::Point centre = e.centre ? *e.centre : area ? centre_of(*area) : geo::Point(0, 0);
    if (!e.centre && !area) throw render_error("the map has no extent and no data to show");
    return MapFrame::at_scale(centre, *e.scale, map_area, e.limits);
  }
  if (!area) throw render_error("the map names a centre but no scale: give extent.scale");
  return MapFrame::fit(*area, map_area, e.margin_mm, e.limits);
}

namespace detail {

void plan_layer_styles(const MapSpec& spec, MapPlan& plan) {
  plan.classes.resize(spec.layers.size());
  plan.symbols.resize(spec.layers.size());
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    if (const auto* areas = std::get_if<AreaLayer>(&spec.layers[i]); areas && areas->choropleth) {
      const Choropleth& ch = *areas->choropleth;
      if (ch.values.size() != areas->shapes.size()) {
        throw render_error("choropleth '" + areas->legend_title + "' has " +
                           std::to_string(ch.values.size()) + " values for " +
                           std::to_string(areas->shapes.size()) + " areas");
      }
      plan.classes[i] = classify(ch.values, ch.classes, ch.method);
      class_colours(ch.palette,
                    plan.classes[i]->class_count());  // rejects an unknown palette early
    } else if (const auto* points = std::get_if<PointLayer>(&spec.layers[i])) {
      plan.symbols[i] = detail::assign_symbols(*points);
    }
  }
}

}  // namespace detail

MapPlan plan_map(const MapSpec& spec) {
  spec.page.validate();
  const PageLayout layout = map_page_layout(spec.page, spec.inset.has_value());
  MapPlan plan{layout, plan_frame(spec, layout.map), {}, {}, {}, {}, 0, {}, {}, {}, {}, {}, {}, {}};
  if (spec.inset) plan.inset_frame = detail::plan_inset(*spec.inset, layout.inset);
  detail::plan_layer_styles(spec, plan);
  if (spec.reference_grid) plan.grid = reference_grid(plan.frame.frame_mm());
  detail::place_map_labels(spec, plan);
  // Landmarks last: they orient, but never push out a street name or an initiative.
  plan.landmarks = sheet::plan_landmark_symbols(spec.landmarks, plan);
  sheet::place_landmark_labels(spec.landmarks, plan.landmarks, spec.label_scale, plan,
                               /*generic_names=*/false);
  plan.legend_entries = detail::legend_entries(spec, plan);
  plan.legend = layout_legend(plan.legend_entries, layout.legend);
  if (spec.scale_bar)
    plan.scale_bar = choose_scale_bar(plan.frame.scale_denominator(), layout.furniture.width * 0.7);
  plan.attribution =
      sheet::with_landmark_credits(detail::attribution_text(spec, plan.frame.world_extent()),
                                   spec.landmarks, !plan.landmarks.empty(), spec.language);
  return plan;
}

}  // namespace wijkatlas::render
