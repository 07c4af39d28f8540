#pragma once
// Scale bar lengths without Cairo: the longest round ground length (1, 2 or 5 times a power of
// ten metres) that fits the space, split into segments that land on round numbers.
#include <string>
#include <vector>

namespace wijkatlas::render {

struct ScaleBar {
  double length_m = 0;   // ground length of the whole bar
  double length_mm = 0;  // its length on paper
  int segments = 0;      // alternating black/white blocks
  std::vector<std::string>
      tick_labels{};  // "0", "100", "200 m" or "0", "0,5", "1 km": segments + 1
};

// Throws render_error for a non-positive scale or a space shorter than any round length.
ScaleBar choose_scale_bar(double scale_denominator, double max_length_mm);

}  // namespace wijkatlas::render
