#include "wijkatlas/render/scale_bar.hpp"

#include <cmath>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

// Ticks on round values: a bar of 1 x 10^k in 5 blocks (0.2 each), 2 x 10^k in 4 (0.5 each),
// 5 x 10^k in 5 (1 each).
int segments_for(int leading_digit) {
  return leading_digit == 2 ? 4 : 5;
}

// Dutch number style: decimal comma, no trailing zeros ("0,5", "1", "2,5").
std::string format_value(double value) {
  const long long hundredths = std::llround(value * 100);
  std::string text = std::to_string(hundredths / 100);
  const long long fraction = hundredths % 100;
  if (fraction != 0) {
    text += ',';
    text += std::to_string(fraction / 10);
    if (fraction % 10 != 0) text += std::to_string(fraction % 10);
  }
  return text;
}

}  // namespace

ScaleBar choose_scale_bar(double scale_denominator, double max_length_mm) {
  if (!(scale_denominator > 0) || !(max_length_mm > 0)) {
    throw render_error("a scale bar needs a positive scale and length");
  }
  const double max_ground_m = max_length_mm / 1000.0 * scale_denominator;
  const double decade = std::pow(10.0, std::floor(std::log10(max_ground_m)));
  int leading = 1;
  for (int digit : {5, 2, 1}) {
    if (digit * decade <= max_ground_m * (1 + 1e-9)) {
      leading = digit;
      break;
    }
  }
  ScaleBar bar;
  bar.length_m = leading * decade;
  bar.length_mm = bar.length_m * 1000.0 / scale_denominator;
  bar.segments = segments_for(leading);
  // Kilometres from 1 km up, metres below; the unit only on the last tick.
  const bool in_km = bar.length_m >= 1000;
  const double unit = in_km ? 1000 : 1;
  for (int i = 0; i <= bar.segments; ++i) {
    bar.tick_labels.push_back(format_value(bar.length_m * i / bar.segments / unit));
  }
  bar.tick_labels.back() += in_km ? " km" : " m";
  return bar;
}

}  // namespace wijkatlas::render
