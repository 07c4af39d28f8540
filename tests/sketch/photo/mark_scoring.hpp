#pragma once
// How well the marks read from a photo match what was drawn: one-to-one matching by category
// and kind, shape overlap (IoU) and positional error in metres.
#include <string>
#include <vector>

#include "drawn_marks.hpp"

namespace wijkatlas::test {

struct MarkScore {
  std::size_t truth_index = 0;
  int read_index = -1;  // -1: not found
  double iou = 0;       // areas: polygons; lines: both buffered by half the stroke width
  double rms_m = 0;     // points: distance; areas and lines: RMS distance of the drawn boundary /
                        // line, sampled every 2 m, to the read one
};

struct Score {
  std::vector<MarkScore> marks;
  int unmatched_read = 0;  // read marks that match nothing drawn (base map, writing, ...)
  double min_iou = 1;      // over areas and lines
  double rms_m = 0;        // over all samples of all matched marks
  std::string report() const;
};

Score score(const std::vector<DrawnMark>& drawn, const std::vector<sketch::InkMark>& read,
            double metres_per_mm);

}  // namespace wijkatlas::test
