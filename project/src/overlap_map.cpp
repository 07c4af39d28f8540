#include "wijkatlas/project/overlap_map.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <chrono>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/map_panels.hpp"
#include "wijkatlas/render/palette.hpp"

namespace wijkatlas::project {
namespace {

std::string class_text(std::int32_t low, std::int32_t high) {
  if (low == high) return std::to_string(low) + " van N";
  return std::to_string(low) + " – " + std::to_string(high) + " van N";
}

}  // namespace

std::vector<OverlapClass> overlap_classes(std::int32_t max_n) {
  std::vector<OverlapClass> out;
  if (max_n <= 5) {
    for (std::int32_t n = 1; n <= max_n; ++n) out.push_back({n, n, {}, {}});
  } else {
    // Whole-number classes, so that the legend says "3 – 4", never "2,6 – 3,4".
    const double step = static_cast<double>(max_n) / 5.0;
    std::int32_t low = 1;
    for (int c = 1; c <= 5 && low <= max_n; ++c) {
      const auto high = c == 5 ? max_n : std::max(low, static_cast<std::int32_t>(step * c + 0.5));
      out.push_back({low, high, {}, {}});
      low = high + 1;
    }
  }
  const std::vector<render::Rgb> ramp =
      render::palette("YlOrBr", std::max<std::size_t>(3, out.size()));
  for (std::size_t c = 0; c < out.size(); ++c) {
    out[c].colour = out.size() >= 3 ? ramp[c] : ramp[c == 0 ? 1 : 2];
    out[c].legend = class_text(out[c].low, out[c].high);
  }
  return out;
}

std::vector<render::AreaLayer> overlap_class_layers(const std::vector<CountedShape>& shapes,
                                                    const std::string& legend_prefix,
                                                    const std::string& attribution) {
  std::int32_t max_n = 0;
  for (const auto& s : shapes) max_n = std::max(max_n, s.n);
  const std::vector<OverlapClass> classes = overlap_classes(max_n);
  std::vector<render::AreaLayer> out;
  // Highest n drawn first: the faces are disjoint, and the legend (top layer first) then reads
  // 1, 2, 3... from the top.
  for (std::size_t c = classes.size(); c-- > 0;) {
    render::AreaLayer layer;
    layer.legend_title = legend_prefix + classes[c].legend;
    layer.attribution = attribution;
    layer.fill = classes[c].colour;
    layer.outline = {classes[c].colour, 0.05};
    for (const auto& s : shapes) {
      if (s.n >= classes[c].low && s.n <= classes[c].high) layer.shapes.push_back(s.shape);
    }
    out.push_back(std::move(layer));
  }
  return out;
}

render::MapSpec overlap_map_spec(const std::vector<CountedShape>& shapes,
                                 const geo::AreaHierarchy* areas, const OverlapMapText& text) {
  render::MapSpec spec;
  spec.page.paper = text.paper;
  spec.page.orientation = render::Orientation::landscape;
  spec.language = text.language;
  spec.title = text.title;
  spec.subtitle = text.subtitle;
  spec.date = text.date;
  spec.extent.limits = {1'000, 50'000};

  std::optional<geo::Box> box;
  for (const auto& s : shapes) {
    const auto b = boost::geometry::return_envelope<geo::Box>(s.shape);
    if (box)
      boost::geometry::expand(*box, b);
    else
      box = b;
  }
  if (!box) throw data_error("", "overlap", "nothing was marked: there is no map to draw");
  // At least 600 m across, so that a few small marks are shown among their streets and buurten.
  const double cx = (box->min_corner().x() + box->max_corner().x()) / 2;
  const double cy = (box->min_corner().y() + box->max_corner().y()) / 2;
  const double half_w = std::max(300.0, (box->max_corner().x() - box->min_corner().x()) / 2);
  const double half_h = std::max(300.0, (box->max_corner().y() - box->min_corner().y()) / 2);
  spec.extent.fit = geo::Box({cx - half_w, cy - half_h}, {cx + half_w, cy + half_h});

  for (render::AreaLayer& layer :
       overlap_class_layers(shapes, "",
                            text.language == render::Language::nl ? "tekeningen van bewoners"
                                                                  : "residents' drawings"))
    spec.layers.emplace_back(std::move(layer));
  if (areas != nullptr) {
    render::AreaLayer buurten;
    buurten.attribution = "CBS, Kadaster";
    buurten.simplified_boundaries = areas->simplified_boundaries;
    buurten.outline = {{0x4d, 0x4d, 0x4d}, 0.3};
    buurten.label_style.size_pt = 8;
    for (const geo::Area& a : areas->at(geo::Level::buurt)) {
      buurten.shapes.push_back(a.geometry);
      buurten.names.push_back(a.naam);
    }
    spec.layers.emplace_back(std::move(buurten));
  }
  return spec;
}

render::MapPlan write_overlap_map(const std::string& output, const render::MapSpec& spec,
                                  bool no_date) {
  render::MapPlan plan = render::plan_map(spec);
  render::add_legend_heading(plan, overlap_legend_heading);
  render::DocumentInfo info{.title = spec.title, .author = "wijkatlas", .subject = spec.subtitle};
  if (!no_date)
    info.created = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const render::MapPanel panel{&spec, &plan, {0, 0}};
  render::write_map_panels(output, spec.page, std::span<const render::MapPanel>(&panel, 1), info);
  return plan;
}

}  // namespace wijkatlas::project
