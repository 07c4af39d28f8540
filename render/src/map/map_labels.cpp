// Label candidates for everything a map names, then one collision pass over all of them.
#include <algorithm>
#include <cmath>
#include <map>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/line_labels.hpp"
#include "wijkatlas/render/polylabel.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::detail {
namespace {

const TextStyle street_style{.size_pt = 6.5};
const TextStyle water_style{.size_pt = 6.5, .italic = true};
constexpr Rgb street_colour{0x4a, 0x4a, 0x4a};
constexpr Rgb water_colour{0x2f, 0x64, 0x8e};
constexpr double same_name_spacing_mm = 90;  // a street's name repeats at most this often

struct Labeller {
  const MapFrame& frame;
  geo::Box extent;
  std::vector<LabelCandidate> candidates;
  std::vector<PlacedText> texts;                   // parallel to candidates
  std::vector<std::vector<RotatedLabel>> rotated;  // parallel; empty for unrotated labels
  std::vector<bool> is_area;                       // parallel
  double scale = 1;                                // MapSpec::label_scale

  PlacedText text_of(const std::string& text, TextStyle style, const Rgb& colour) const {
    style.size_pt *= scale;
    const TextSize size = measure_text(text, style);
    return {text, style, colour, {}, 0, pt_to_mm(size.width_pt), pt_to_mm(size.height_pt), {}};
  }

  void add(PlacedText text, double priority, std::vector<RectMm> positions,
           std::vector<RotatedLabel> along = {}, bool area = false) {
    if (positions.empty()) return;
    std::vector<TurnedBox> turned;
    for (const RotatedLabel& r : along)
      turned.push_back({r.centre, text.width_mm, text.height_mm, r.angle_rad});
    candidates.push_back({candidates.size(), priority, std::move(positions), std::move(turned)});
    texts.push_back(std::move(text));
    rotated.push_back(std::move(along));
    is_area.push_back(area);
  }

  // A programme wijk of one buurt has the buurt's name: name the place once, in the larger
  // label. Lower-priority area names equal to a nearby higher one get no positions.
  void drop_repeated_area_names() {
    constexpr double nearby_mm = 40;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (!is_area[i]) continue;
      for (std::size_t j = 0; j < candidates.size(); ++j) {
        if (i == j || !is_area[j] || texts[i].text != texts[j].text ||
            candidates[j].positions.empty())
          continue;
        if (candidates[j].priority < candidates[i].priority) continue;
        const RectMm& a = candidates[i].positions.front();
        const RectMm& b = candidates[j].positions.front();
        if (std::hypot(a.x + a.width / 2 - b.x - b.width / 2,
                       a.y + a.height / 2 - b.y - b.height / 2) < nearby_mm &&
            !(candidates[j].priority == candidates[i].priority && j > i)) {
          candidates[i].positions.clear();
          break;
        }
      }
    }
  }

  void add_areas(const AreaLayer& layer) {
    const double precision_m = 0.3 / frame.mm_per_metre();
    for (std::size_t i = 0; i < layer.names.size() && i < layer.shapes.size(); ++i) {
      if (layer.names[i].empty() || !boxes_meet(envelope_of(layer.shapes[i]), extent)) continue;
      const InteriorPoint pole = pole_of_inaccessibility(layer.shapes[i], precision_m);
      PlacedText t = text_of(layer.names[i], layer.label_style, layer.label_colour);
      const double room_mm = pole.distance * frame.mm_per_metre();
      if (room_mm < t.height_mm / 2) continue;  // too thin to hold its name
      const PaperPoint c = frame.to_paper(pole.point);
      const auto at = [&](double dy) {
        return RectMm{c.x_mm - t.width_mm / 2, c.y_mm - t.height_mm / 2 + dy, t.width_mm,
                      t.height_mm};
      };
      // Bigger names (programme wijken over buurten) first, then bigger areas; a shift up or
      // down when a symbol sits on the best point.
      add(std::move(t), layer.label_priority + layer.label_style.size_pt + std::log10(1 + room_mm),
          {at(0), at(-t.height_mm), at(t.height_mm)}, {}, true);
    }
  }

  void add_points(const PointLayer& layer) {
    const double gap = layer.symbol_mm / 2 + 0.7;
    for (std::size_t i = 0; i < layer.labels.size() && i < layer.points.size(); ++i) {
      if (layer.labels[i].empty() || !contains(extent, layer.points[i])) continue;
      PlacedText t = text_of(layer.labels[i], layer.label_style, {0x1a, 0x1a, 0x1a});
      auto positions =
          positions_around_point(frame.to_paper(layer.points[i]), t.width_mm, t.height_mm, gap);
      add(std::move(t), layer.label_priority, std::move(positions));
    }
  }

  // A street's name on each of its longest straight stretches, repeated at most every
  // same_name_spacing_mm; each with its stretch's fallbacks when the middle is taken.
  void add_streets(const geo::BaseMap& map) {
    struct Found {
      std::vector<RotatedLabel> at;  // the stretch's middle first
      double priority;
    };
    // The pieces of each name, joined where they meet end to end: a street split into short
    // pieces still gets its name where the pieces together run straight long enough.
    struct Pieces {
      std::vector<std::vector<PaperPoint>> lines;
      double priority = 0;  // the highest of its pieces' classes
    };
    std::map<std::string, Pieces> pieces_by_name;
    std::map<std::string, PlacedText> text_by_name;
    for (const geo::BaseLine& line : map.lines) {
      const bool water = line.kind == geo::LineClass::waterway;
      if (line.name.empty() || line.kind == geo::LineClass::railway ||
          line.kind == geo::LineClass::path)
        continue;
      if (!boxes_meet(envelope_of(line.geometry), extent)) continue;
      auto [it, fresh] = text_by_name.try_emplace(line.name);
      if (fresh)
        it->second = text_of(line.name, water ? water_style : street_style,
                             water ? water_colour : street_colour);
      Pieces& pieces = pieces_by_name[line.name];
      pieces.priority = std::max(pieces.priority, line.kind == geo::LineClass::major_street ? 30.0
                                                  : water                                   ? 15.0
                                                                                            : 20.0);
      for (const geo::LineString& part : line.geometry) {
        std::vector<PaperPoint>& paper = pieces.lines.emplace_back();
        paper.reserve(part.size());
        for (const geo::Point& p : part) paper.push_back(frame.to_paper(p));
      }
    }
    std::map<std::string, std::vector<Found>> by_name;
    for (auto& [name, pieces] : pieces_by_name) {
      const PlacedText& text = text_by_name.at(name);
      for (const auto& chain : join_at_shared_ends(std::move(pieces.lines))) {
        for (auto& stretch : positions_along_stretches(chain, text.width_mm, text.height_mm)) {
          by_name[name].push_back({std::move(stretch), pieces.priority});
        }
      }
    }
    for (auto& [name, found] : by_name) {
      std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.at.front().box.width + a.at.front().box.height >
               b.at.front().box.width + b.at.front().box.height;
      });
      std::vector<PaperPoint> kept;
      for (const Found& f : found) {
        const PaperPoint& middle = f.at.front().centre;
        const bool far = std::all_of(kept.begin(), kept.end(), [&](const PaperPoint& k) {
          return std::hypot(k.x_mm - middle.x_mm, k.y_mm - middle.y_mm) > same_name_spacing_mm;
        });
        if (!far) continue;
        kept.push_back(middle);
        std::vector<RectMm> boxes;
        for (const RotatedLabel& r : f.at) boxes.push_back(r.box);
        add(text_by_name.at(name), f.priority - 0.1 * static_cast<double>(kept.size()),
            std::move(boxes), f.at);
      }
    }
  }
};

RectMm inset(const RectMm& r, double by) {
  return {r.x + by, r.y + by, r.width - 2 * by, r.height - 2 * by};
}

}  // namespace

void place_map_labels(const MapSpec& spec, MapPlan& plan) {
  Labeller labeller{plan.frame, plan.frame.world_extent(), {}, {}, {}, {}, spec.label_scale};
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const MapLayer& layer = spec.layers[i];
    if (const auto* areas = std::get_if<AreaLayer>(&layer))
      labeller.add_areas(*areas);
    else if (const auto* points = std::get_if<PointLayer>(&layer)) {
      labeller.add_points(*points);
      for (const geo::Point& p : points->points) {
        if (!contains(labeller.extent, p)) continue;
        const PaperPoint c = plan.frame.to_paper(p);
        const double r = points->symbol_mm / 2;
        plan.symbol_boxes.push_back({c.x_mm - r, c.y_mm - r, 2 * r, 2 * r});
      }
    } else if (const auto* base = std::get_if<BaseMapLayer>(&layer); base && base->street_labels) {
      labeller.add_streets(base->map);
    }
  }
  labeller.drop_repeated_area_names();
  std::vector<RectMm> obstacles = plan.symbol_boxes;
  if (plan.grid) {
    for (const GridLabel& g : plan.grid->labels) obstacles.push_back(g.box);
  }
  const auto placed = place_labels(labeller.candidates, obstacles,
                                   PlacementOptions{.bounds = inset(plan.frame.frame_mm(), 1)});
  for (const PlacedLabel& p : placed) {
    PlacedText t = labeller.texts[p.id];
    t.box = p.box;
    if (!labeller.rotated[p.id].empty()) {
      t.centre = labeller.rotated[p.id][p.position].centre;
      t.angle_rad = labeller.rotated[p.id][p.position].angle_rad;
    } else {
      t.centre = {p.box.x + p.box.width / 2, p.box.y + p.box.height / 2};
    }
    plan.labels.push_back(std::move(t));
  }
  plan.labels_dropped = labeller.candidates.size() - placed.size();
}

}  // namespace wijkatlas::render::detail
