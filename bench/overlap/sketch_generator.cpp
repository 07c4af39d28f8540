#include "overlap/sketch_generator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "support/random.hpp"

namespace wijkatlas::bench {
namespace {

constexpr double two_pi = 2.0 * std::numbers::pi;

struct Hotspot {
  double x, y, spread, weight;
};

// A standard normal deviate (Box-Muller) from our platform-independent stream.
double normal(SplitMix64& rng) {
  const double u1 = std::max(rng.uniform(0.0, 1.0), 1e-12);
  const double u2 = rng.uniform(0.0, 1.0);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

// A closed blob like a marker outline: a few low harmonics for the overall wobble plus a little
// per-vertex tremor. Star-shaped around its centre, so always a valid simple ring.
geo::Polygon blob(SplitMix64& rng, double cx, double cy, double radius) {
  const int vertices = 80 + static_cast<int>(rng.uniform(0.0, 160.0));
  double amplitude[4], phase[4];
  for (int k = 0; k < 4; ++k) {
    amplitude[k] = rng.uniform(0.0, 0.22) / (k + 1);
    phase[k] = rng.uniform(0.0, two_pi);
  }
  const double stretch = rng.uniform(0.6, 1.0), turn = rng.uniform(0.0, std::numbers::pi);
  geo::Polygon polygon;
  auto& ring = polygon.outer();
  for (int i = 0; i < vertices; ++i) {
    // Counter-clockwise, as OGC wants exterior rings.
    const double t = two_pi * i / vertices;
    double r = 1.0;
    for (int k = 0; k < 4; ++k) r += amplitude[k] * std::cos((k + 2) * t + phase[k]);
    r *= radius * (1.0 + 0.015 * normal(rng));
    const double ex = r * std::cos(t), ey = r * stretch * std::sin(t);
    ring.emplace_back(cx + ex * std::cos(turn) - ey * std::sin(turn),
                      cy + ex * std::sin(turn) + ey * std::cos(turn));
  }
  ring.push_back(ring.front());
  return polygon;
}

geo::MultiPolygon rectangle(double x0, double y0, double x1, double y1) {
  geo::Polygon p;
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

}  // namespace

std::vector<geo::SketchSheet> generate_sketch_set(const SketchSetSpec& spec) {
  SplitMix64 rng(spec.seed);
  std::vector<Hotspot> hotspots;
  double total_weight = 0;
  for (int i = 0; i < spec.hotspots; ++i) {
    // A few places (a crossing, a square) attract most marks: Zipf-like weights.
    const double w = 1.0 / (1.0 + i);
    hotspots.push_back({rng.uniform(spec.x_min + 500, spec.x_max - 500),
                        rng.uniform(spec.y_min + 400, spec.y_max - 400), rng.uniform(15, 45), w});
    total_weight += w;
  }
  auto pick_hotspot = [&]() -> const Hotspot& {
    double u = rng.uniform(0.0, total_weight);
    for (const Hotspot& h : hotspots) {
      if ((u -= h.weight) <= 0) return h;
    }
    return hotspots.back();
  };

  std::vector<geo::SketchSheet> sheets;
  std::int64_t left = spec.sketches;
  while (left > 0) {
    geo::SketchSheet& sheet = sheets.emplace_back();
    sheet.id = "S" + std::to_string(sheets.size());
    // A3 landscape at 1:2,500 (1050 x 742 m) for most sheets, A1 at 1:5,000 for some.
    const bool big = rng.uniform(0, 1) < 0.2;
    const double w = big ? 4200 : 1050, h = big ? 2970 : 742;
    const Hotspot& focus = pick_hotspot();
    const double cx =
        std::clamp(focus.x + rng.uniform(-w / 3, w / 3), spec.x_min + w / 2, spec.x_max - w / 2);
    const double cy =
        std::clamp(focus.y + rng.uniform(-h / 3, h / 3), spec.y_min + h / 2, spec.y_max - h / 2);
    const double x0 = cx - w / 2, y0 = cy - h / 2;
    sheet.coverage = rectangle(x0, y0, x0 + w, y0 + h);
    const auto marks = std::min<std::int64_t>(left, 3 + static_cast<int>(rng.uniform(0, 8)));
    for (std::int64_t m = 0; m < marks; ++m) {
      double mx, my;
      const Hotspot& near = rng.uniform(0, 1) < 0.5 ? pick_hotspot() : focus;
      const bool on_sheet = near.x > x0 && near.x < x0 + w && near.y > y0 && near.y < y0 + h;
      if (on_sheet && rng.uniform(0, 1) < 0.9) {
        mx = near.x + near.spread * normal(rng);
        my = near.y + near.spread * normal(rng);
      } else {
        mx = rng.uniform(x0, x0 + w);
        my = rng.uniform(y0, y0 + h);
      }
      const double radius = std::exp(rng.uniform(std::log(20.0), std::log(120.0)));
      // Residents draw inside the printed map: keep the blob on the sheet.
      mx = std::clamp(mx, x0 + 1.3 * radius, x0 + w - 1.3 * radius);
      my = std::clamp(my, y0 + 1.3 * radius, y0 + h - 1.3 * radius);
      sheet.marks.emplace_back(geo::MultiPolygon{blob(rng, mx, my, radius)});
    }
    left -= marks;
  }
  return sheets;
}

}  // namespace wijkatlas::bench
