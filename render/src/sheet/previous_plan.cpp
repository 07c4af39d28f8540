// Where round two's labels go on a drawing sheet (previous_plan.hpp).
#include "sheet/previous_plan.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/within.hpp>
#include <cmath>
#include <optional>

#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/polylabel.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render::sheet {
namespace {

// At most `max_chars` characters (UTF-8 aware), with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > max_chars) return text.substr(0, i) + "…";
  }
  return text;
}

geo::MultiPolygon box_polygon(const geo::Box& b) {
  geo::Polygon p;
  const double x0 = b.min_corner().x(), y0 = b.min_corner().y(), x1 = b.max_corner().x(),
               y1 = b.max_corner().y();
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

double text_width_mm(const std::string& text, const TextStyle& style) {
  return pt_to_mm(measure_text(text, style).width_pt);
}

RectMm centred(const PaperPoint& c, double w, double h) {
  return {c.x_mm - w / 2, c.y_mm - h / 2, w, h};
}

RectMm page_box(const MapFrame& frame, const geo::MultiPolygon& shape) {
  const geo::Box b = geo::envelope(geo::Geometry(shape));
  const PaperPoint a = frame.to_paper(b.min_corner()), c = frame.to_paper(b.max_corner());
  return {std::min(a.x_mm, c.x_mm), std::min(a.y_mm, c.y_mm), std::abs(c.x_mm - a.x_mm),
          std::abs(c.y_mm - a.y_mm)};
}

// A spot's label goes on the spot if there is room, else just beside it: below, above, right,
// left, then a little further out. Spots of different categories at one crossing are common.
std::vector<RectMm> spot_label_positions(const PaperPoint& pole, const RectMm& spot, double w,
                                         double h) {
  const double gap = 1.0;
  std::vector<RectMm> out{centred(pole, w, h)};
  for (const double extra : {0.0, h + gap}) {
    out.push_back({pole.x_mm - w / 2, spot.y + spot.height + gap + extra, w, h});
    out.push_back({pole.x_mm - w / 2, spot.y - gap - h - extra, w, h});
    out.push_back({spot.x + spot.width + gap + extra, pole.y_mm - h / 2, w, h});
    out.push_back({spot.x - gap - w - extra, pole.y_mm - h / 2, w, h});
  }
  return out;
}

struct Candidate {
  OverlayLabel label;
  std::vector<RectMm> positions;
  bool spot;
};

}  // namespace

PreviousPlan plan_previous_overlay(const DrawingSheetSpec& spec, const SheetLayout& layout,
                                   MapPlan& plan) {
  PreviousPlan out;
  if (!spec.previous) return out;
  const PreviousOverlay& o = *spec.previous;
  // Names inside the map grow with the map's own names (SheetLayout::map_text_scale).
  const double k = layout.map_text_scale;
  const TextStyle label{.size_pt = 7 * k, .bold = true}, detail{.size_pt = 6.2 * k, .italic = true};
  out.line_mm = pt_to_mm(measure_text("Ag", label).height_pt);
  out.symbol_mm = 1.5 * k;

  const geo::Box world = plan.frame.world_extent();
  const geo::MultiPolygon shown = box_polygon(world);
  std::vector<Candidate> candidates;
  for (const PreviousSpot& s : o.spots) {
    out.visible.push_back(geo::intersection(s.area, shown));
    const geo::MultiPolygon& visible = out.visible.back();
    if (visible.empty()) continue;
    const PaperPoint pole = plan.frame.to_paper(pole_of_inaccessibility(visible, 1.0).point);
    OverlayLabel l{pole, {{s.label, label}}, {}, false};
    if (const std::string what = shortened(s.detail, 44); !what.empty())
      l.lines.push_back({what, detail});
    double w = 0;
    for (const OverlayLine& line : l.lines) w = std::max(w, text_width_mm(line.text, line.style));
    w += 1.5 * k;
    const double h = out.line_mm * static_cast<double>(l.lines.size()) + 0.5 * k;
    candidates.push_back(
        {std::move(l), spot_label_positions(pole, page_box(plan.frame, visible), w, h), true});
  }
  std::vector<RectMm> obstacles;
  if (plan.grid) {
    for (const GridLabel& g : plan.grid->labels) obstacles.push_back(g.box);
  }
  const double r = out.symbol_mm;
  for (std::size_t i = 0; i < o.initiatives.size(); ++i) {
    const PreviousInitiative& initiative = o.initiatives[i];
    // An initiative off the map is named in its spot's label only: a leader running off the
    // frame would point nowhere.
    if (!boost::geometry::within(initiative.location, world)) continue;
    out.initiatives.push_back(i);
    const PaperPoint at = plan.frame.to_paper(initiative.location);
    const RectMm symbol{at.x_mm - r, at.y_mm - r, 2 * r, 2 * r};
    obstacles.push_back(symbol);
    plan.symbol_boxes.push_back(symbol);
    const std::string name = shortened(initiative.name, 40);
    candidates.push_back({{at, {{name, detail}}, {}, false},
                          positions_around_point(at, text_width_mm(name, detail) + 1.0 * k,
                                                 out.line_mm, r + 1.2 * k),
                          false});
  }

  std::vector<LabelCandidate> wanted;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    wanted.push_back({c, candidates[c].spot ? 2.0 : 1.0, candidates[c].positions});
  std::vector<std::optional<RectMm>> where(candidates.size());
  for (const PlacedLabel& p :
       place_labels(wanted, obstacles, {.bounds = plan.frame.frame_mm(), .padding_mm = 0.8 * k})) {
    where[p.id] = p.box;
  }
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    Candidate& candidate = candidates[c];
    if (!where[c] && !candidate.spot) continue;
    OverlayLabel l = std::move(candidate.label);
    l.box = where[c] ? *where[c] : candidate.positions.front();
    l.leader = candidate.spot && where[c] && !overlaps(l.box, candidate.positions.front());
    plan.symbol_boxes.push_back(l.box);
    out.labels.push_back(std::move(l));
  }
  return out;
}

}  // namespace wijkatlas::render::sheet
