#include "wijkatlas/render/line_labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <utility>

namespace wijkatlas::render {
namespace {

struct Stretch {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive vertex index
  double length = 0;
};

double angle_between(double a, double b) {
  double d = std::fmod(std::abs(a - b), 2 * std::numbers::pi);
  return d > std::numbers::pi ? 2 * std::numbers::pi - d : d;
}

double direction(const PaperPoint& a, const PaperPoint& b) {
  return std::atan2(b.y_mm - a.y_mm, b.x_mm - a.x_mm);
}

double distance(const PaperPoint& a, const PaperPoint& b) {
  return std::hypot(b.x_mm - a.x_mm, b.y_mm - a.y_mm);
}

// Maximal stretches whose every segment stays within the bend limit of the chord so far.
std::vector<Stretch> straight_stretches(std::span<const PaperPoint> line, double max_bend) {
  std::vector<Stretch> out;
  std::size_t start = 0;
  while (start + 1 < line.size()) {
    std::size_t end = start + 1;
    while (end + 1 < line.size()) {
      const double chord = direction(line[start], line[end + 1]);
      bool straight = true;
      for (std::size_t k = start; k <= end && straight; ++k) {
        if (distance(line[k], line[k + 1]) > 0) {
          straight = angle_between(direction(line[k], line[k + 1]), chord) <= max_bend;
        }
      }
      if (!straight) break;
      ++end;
    }
    out.push_back({start, end, distance(line[start], line[end])});
    start = end;
  }
  return out;
}

}  // namespace

std::vector<std::vector<PaperPoint>> join_at_shared_ends(
    std::vector<std::vector<PaperPoint>> pieces) {
  using Key = std::pair<double, double>;
  const auto key = [](const PaperPoint& p) { return Key{p.x_mm, p.y_mm}; };
  std::erase_if(pieces, [](const auto& p) { return p.size() < 2; });
  std::map<Key, std::vector<std::size_t>> ends;  // piece indices meeting at each end point
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    ends[key(pieces[i].front())].push_back(i);
    ends[key(pieces[i].back())].push_back(i);
  }
  std::vector<bool> used(pieces.size(), false);
  // The other piece at `at`, when exactly two pieces end there.
  const auto partner = [&](const PaperPoint& at, std::size_t self) -> std::optional<std::size_t> {
    const auto& here = ends[key(at)];
    if (here.size() != 2 || here[0] == here[1]) return std::nullopt;
    const std::size_t other = here[0] == self ? here[1] : here[0];
    return used[other] ? std::nullopt : std::optional<std::size_t>(other);
  };
  std::vector<std::vector<PaperPoint>> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (used[i]) continue;
    used[i] = true;
    std::vector<PaperPoint> chain = pieces[i];
    for (int side = 0; side < 2; ++side) {  // grow forwards, then (reversed) backwards
      std::size_t last = i;
      while (const auto next = partner(chain.back(), last)) {
        used[*next] = true;
        std::vector<PaperPoint> piece = pieces[*next];
        if (key(piece.front()) != key(chain.back())) std::reverse(piece.begin(), piece.end());
        chain.insert(chain.end(), piece.begin() + 1, piece.end());
        last = *next;
      }
      std::reverse(chain.begin(), chain.end());
      if (side == 0 && key(chain.back()) == key(pieces[i].front()) &&
          key(chain.front()) == key(pieces[i].front())) {
        break;  // a closed ring: nothing to add on the other side
      }
    }
    out.push_back(std::move(chain));
  }
  return out;
}

RectMm rotated_bounds(const PaperPoint& centre, double width_mm, double height_mm,
                      double angle_rad) {
  const double c = std::abs(std::cos(angle_rad));
  const double s = std::abs(std::sin(angle_rad));
  const double w = width_mm * c + height_mm * s;
  const double h = width_mm * s + height_mm * c;
  return {centre.x_mm - w / 2, centre.y_mm - h / 2, w, h};
}

std::vector<std::vector<RotatedLabel>> positions_along_stretches(std::span<const PaperPoint> line,
                                                                 double width_mm, double height_mm,
                                                                 double max_bend_deg,
                                                                 std::size_t max_stretches,
                                                                 std::size_t max_per_stretch) {
  std::vector<Stretch> stretches = straight_stretches(line, max_bend_deg * std::numbers::pi / 180);
  const double needed = width_mm * 1.15 + height_mm;
  std::erase_if(stretches, [&](const Stretch& s) { return s.length < needed; });
  std::stable_sort(stretches.begin(), stretches.end(),
                   [](const Stretch& a, const Stretch& b) { return a.length > b.length; });
  if (stretches.size() > max_stretches) stretches.resize(max_stretches);

  std::vector<std::vector<RotatedLabel>> out;
  for (const Stretch& s : stretches) {
    const PaperPoint& a = line[s.first];
    const PaperPoint& b = line[s.last];
    double angle = direction(a, b);
    // Upright text: flip anything pointing left.
    if (angle > std::numbers::pi / 2) angle -= std::numbers::pi;
    if (angle <= -std::numbers::pi / 2) angle += std::numbers::pi;
    const double ux = (b.x_mm - a.x_mm) / s.length, uy = (b.y_mm - a.y_mm) / s.length;
    const double room = (s.length - needed) / 2;  // how far the centre may move from the middle
    const double step = needed / 2;
    std::vector<RotatedLabel> positions;
    for (std::size_t i = 0; positions.size() < max_per_stretch; ++i) {
      const double offset = static_cast<double>((i + 1) / 2) * step * (i % 2 ? 1 : -1);
      if (std::abs(offset) > room) break;
      const PaperPoint centre{(a.x_mm + b.x_mm) / 2 + ux * offset,
                              (a.y_mm + b.y_mm) / 2 + uy * offset};
      positions.push_back({centre, angle, rotated_bounds(centre, width_mm, height_mm, angle)});
    }
    out.push_back(std::move(positions));
  }
  return out;
}

std::vector<RotatedLabel> positions_along_line(std::span<const PaperPoint> line, double width_mm,
                                               double height_mm, double max_bend_deg,
                                               std::size_t max_positions) {
  std::vector<RotatedLabel> out;
  for (auto& stretch :
       positions_along_stretches(line, width_mm, height_mm, max_bend_deg, max_positions, 1)) {
    out.push_back(stretch.front());
  }
  return out;
}

}  // namespace wijkatlas::render
