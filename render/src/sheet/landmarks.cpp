// Which landmarks a sheet shows and where their names go. Pure layout, no Cairo.
#include "sheet/landmarks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "map/plan_parts.hpp"
#include "map/visible.hpp"
#include "wijkatlas/render/label_placement.hpp"
#include "wijkatlas/render/units.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::render::sheet {
namespace {

const TextStyle name_style{.size_pt = 6};
constexpr Rgb name_colour{0x38, 0x38, 0x38};
constexpr std::size_t max_name_bytes = 32;
constexpr double symbol_padding_mm = 0.4;

RectMm symbol_box(const PaperPoint& at) {
  const double r = landmark_symbol_mm / 2;
  return {at.x_mm - r, at.y_mm - r, 2 * r, 2 * r};
}

RectMm grown(const RectMm& r, double by) {
  return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

bool inside(const RectMm& inner, const RectMm& outer) {
  return inner.x >= outer.x && inner.y >= outer.y &&
         inner.x + inner.width <= outer.x + outer.width &&
         inner.y + inner.height <= outer.y + outer.height;
}

// Long official names ("Openb. SGM. Arnhem Noord voor lyceum, havo, mavo en vbo") cut at a
// word, so the label stays a label.
std::string short_name(const std::string& name) {
  if (name.size() <= max_name_bytes) return name;
  std::size_t cut = name.rfind(' ', max_name_bytes - 3);
  if (cut == std::string::npos || cut < 8) {
    cut = max_name_bytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a UTF-8 character
  }
  std::string out = name.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "…";
}

// Whether a symbol at `at` would touch a placed label, tested against the label's own rotated
// box: the axis-aligned bounds of a diagonal street name would block far too much.
bool touches(const PlacedText& label, const PaperPoint& at, double radius) {
  const double dx = at.x_mm - label.centre.x_mm, dy = at.y_mm - label.centre.y_mm;
  const double c = std::cos(label.angle_rad), s = std::sin(label.angle_rad);
  const double along = dx * c + dy * s, across = -dx * s + dy * c;
  return std::abs(along) < label.width_mm / 2 + radius &&
         std::abs(across) < label.height_mm / 2 + radius;
}

double priority_of(geo::LandmarkKind kind) {
  return static_cast<double>(geo::landmark_kind_count - static_cast<std::size_t>(kind));
}

}  // namespace

std::vector<LandmarkSymbol> plan_landmark_symbols(const SheetLandmarks& landmarks, MapPlan& plan) {
  const RectMm frame = plan.frame.frame_mm();
  const RectMm room = grown(frame, -1);
  std::vector<std::size_t> order(landmarks.places.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return landmarks.places[a].kind < landmarks.places[b].kind;
  });
  std::vector<RectMm> taken = plan.symbol_boxes;
  if (plan.grid) {
    for (const GridLabel& g : plan.grid->labels) taken.push_back(g.box);
  }
  std::vector<LandmarkSymbol> out;
  for (const std::size_t i : order) {
    const geo::Landmark& place = landmarks.places[i];
    const PaperPoint at = plan.frame.to_paper(place.location);
    const RectMm box = symbol_box(at);
    if (!inside(box, room)) continue;
    const RectMm padded = grown(box, symbol_padding_mm);
    if (std::any_of(taken.begin(), taken.end(),
                    [&](const RectMm& t) { return overlaps(t, padded); }))
      continue;
    const double radius = landmark_symbol_mm / 2 + symbol_padding_mm;
    if (std::any_of(plan.labels.begin(), plan.labels.end(),
                    [&](const PlacedText& t) { return touches(t, at, radius); })) {
      continue;
    }
    taken.push_back(box);
    plan.symbol_boxes.push_back(box);
    out.push_back({i, place.kind, at});
  }
  return out;
}

void place_landmark_labels(const SheetLandmarks& landmarks,
                           const std::vector<LandmarkSymbol>& symbols, double text_scale,
                           MapPlan& plan, bool generic_names) {
  std::vector<LabelCandidate> candidates;
  std::vector<PlacedText> texts;
  TextStyle style = name_style;
  style.size_pt *= text_scale;
  const double gap = landmark_symbol_mm / 2 + 0.6;  // clears the symbol box plus the padding
  for (const LandmarkSymbol& s : symbols) {
    const std::string& full = landmarks.places[s.place].name;
    if (!generic_names && support::to_lower_ascii(full) == geo::to_string(s.kind)) continue;
    const std::string name = short_name(full);
    const TextSize size = measure_text(name, style);
    const double w = pt_to_mm(size.width_pt), h = pt_to_mm(size.height_pt);
    candidates.push_back(
        {candidates.size(), priority_of(s.kind), positions_around_point(s.at, w, h, gap)});
    texts.push_back({name, style, name_colour, {}, 0, w, h, {}});
  }
  std::vector<RectMm> obstacles = plan.symbol_boxes;
  if (plan.grid) {
    for (const GridLabel& g : plan.grid->labels) obstacles.push_back(g.box);
  }
  for (const PlacedText& t : plan.labels) obstacles.push_back(t.box);
  const auto placed = place_labels(candidates, obstacles,
                                   PlacementOptions{.bounds = grown(plan.frame.frame_mm(), -1)});
  for (const PlacedLabel& p : placed) {
    PlacedText t = texts[p.id];
    t.box = p.box;
    t.centre = {p.box.x + p.box.width / 2, p.box.y + p.box.height / 2};
    plan.labels.push_back(std::move(t));
  }
}

// The credits are " · "-separated parts: the sources ("Bron: ..."), the OpenStreetMap credit
// (with its year), notes. The landmarks' source joins the sources, their OpenStreetMap credit
// follows them unless the base map's is there.
std::string with_landmark_credits(const std::string& attribution, const SheetLandmarks& landmarks,
                                  bool shown, Language language) {
  if (!shown) return attribution;
  const std::string osm = detail::word(language, "osm");
  const std::string source_word = detail::word(language, "source") + ": ";
  constexpr std::string_view separator = " · ";
  std::vector<std::string> parts;
  for (std::size_t from = 0; from < attribution.size();) {
    const auto at = std::min(attribution.find(separator, from), attribution.size());
    parts.push_back(attribution.substr(from, at - from));
    from = at + separator.size();
  }
  const auto is_sources = [&](const std::string& p) { return p.starts_with(source_word); };
  auto sources = std::find_if(parts.begin(), parts.end(), is_sources);
  if (!landmarks.source.empty()) {
    if (sources == parts.end())
      sources = parts.insert(parts.begin(), source_word + landmarks.source);
    else if (sources->find(landmarks.source) == std::string::npos)
      *sources += ", " + landmarks.source;
  }
  const bool has_osm = std::any_of(parts.begin(), parts.end(),
                                   [&](const std::string& p) { return p.starts_with(osm); });
  if (landmarks.openstreetmap && !has_osm)
    parts.insert(sources == parts.end() ? parts.begin() : sources + 1, osm);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

}  // namespace wijkatlas::render::sheet
