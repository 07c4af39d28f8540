#include "confidence.hpp"

#include <algorithm>

namespace wijkatlas::sketch::photo {
namespace {

// 1 at `good` or better, `worst` at `bad` or worse, linear between (either direction).
double falloff(double value, double good, double bad, double worst) {
  const double t = std::clamp((value - good) / (bad - good), 0.0, 1.0);
  return 1 - t * (1 - worst);
}

}  // namespace

double photo_confidence(const PhotoEvidence& e) {
  // Fewer markers: the page position far from them is extrapolated.
  const double markers = falloff(e.markers_found, 8, 4, 0.8);
  // The refusal limits (1 mm blur, 110 dpi, 1 mm out of flat) get the worst factor.
  const double sharpness = e.blur_mm < 0 ? 0.9 : falloff(e.blur_mm, 0.3, 1.0, 0.7);
  const double resolution = falloff(e.px_per_mm * 25.4, 200, 110, 0.75);
  const double flatness = falloff(e.rms_mm, 0.3, 1.0, 0.8);
  // Coloured light: the weak channels are amplified, with their noise, and inks whose colour
  // the lamp lacks (blue under a candle) come out close to black.
  const double brightest = std::max({e.paper_white[0], e.paper_white[1], e.paper_white[2]});
  const double darkest =
      std::max(1.0, std::min({e.paper_white[0], e.paper_white[1], e.paper_white[2]}));
  const double light = e.white_balanced ? falloff(brightest / darkest, 1.3, 4.0, 0.75) : 0.8;
  return std::max(0.5, markers * sharpness * resolution * flatness * light);
}

double mark_confidence(double colour_fit, double ink_strength, double shape_clarity) {
  return std::clamp(0.55 * colour_fit + 0.25 * ink_strength + 0.2 * shape_clarity, 0.0, 1.0);
}

}  // namespace wijkatlas::sketch::photo
