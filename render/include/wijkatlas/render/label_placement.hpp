#pragma once
// Label placement without Cairo: boxes in page millimetres, priorities, and a greedy collision
// pass. Labels are taken from the highest priority down; each tries its candidate positions in
// order of preference and takes the first that stays inside the bounds and clears every
// placed label and every obstacle (point symbols). A label with no free position is dropped,
// never drawn on top of another.
#include <cstddef>
#include <span>
#include <vector>

#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

// Text turned along a street: its true footprint, far smaller than its bounding box when the
// street runs diagonally.
struct TurnedBox {
  PaperPoint centre;
  double width_mm = 0;
  double height_mm = 0;
  double angle_rad = 0;
};

struct LabelCandidate {
  std::size_t id = 0;               // the caller's label, returned with its placement
  double priority = 0;              // higher is placed first
  std::vector<RectMm> positions{};  // boxes in order of preference
  // Parallel to positions for turned text (each position its bounding box); empty: the boxes
  // are the footprints. Collisions are decided on the footprints.
  std::vector<TurnedBox> turned{};
};

struct PlacedLabel {
  std::size_t id = 0;
  std::size_t position = 0;  // index into the candidate's positions
  RectMm box{};
};

struct PlacementOptions {
  RectMm bounds{};          // labels must lie wholly inside (the map frame)
  double padding_mm = 0.5;  // clear space kept around every placed label
};

// Placed labels in placement order (highest priority first; ties keep the input order).
std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      std::span<const RectMm> obstacles,
                                      const PlacementOptions& options);

// The eight usual positions of a point label of size width x height around a symbol at
// `anchor` (right, left, above, below, then the diagonals), `gap_mm` away from it. When the
// symbol is an obstacle, the gap must exceed its radius plus the padding.
std::vector<RectMm> positions_around_point(const PaperPoint& anchor, double width_mm,
                                           double height_mm, double gap_mm);

// True when the two boxes share interior area (touching edges do not count).
bool overlaps(const RectMm& a, const RectMm& b);
bool turned_boxes_overlap(const TurnedBox& a, const TurnedBox& b);

}  // namespace wijkatlas::render
