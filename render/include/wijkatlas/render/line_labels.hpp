#pragma once
// Positions for a name along a line (a street), without Cairo: the text runs along a
// straight-ish stretch of the line, rotated to its direction and kept upright.
#include <span>
#include <vector>

#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

struct RotatedLabel {
  PaperPoint centre;
  double angle_rad = 0;  // clockwise on the page (y down), within (-pi/2, pi/2]: never upside down
  RectMm box;            // axis-aligned bounds of the rotated text, for the collision pass
};

// Pieces of one street joined where exactly two of them meet end to end (OSM splits a street at
// every change of its tags: a bridge, a one-way stretch), so that a name can run across the
// joint. Pieces are reversed as needed; anything else stays as it was.
std::vector<std::vector<PaperPoint>> join_at_shared_ends(
    std::vector<std::vector<PaperPoint>> pieces);

// The axis-aligned bounds of a width x height box rotated by angle_rad about `centre`.
RectMm rotated_bounds(const PaperPoint& centre, double width_mm, double height_mm,
                      double angle_rad);

// Candidate positions on stretches where no vertex turns the line by more than `max_bend_deg`
// from the stretch's direction and that are at least as long as the text plus a little room;
// longest stretch first, at most `max_positions`.
std::vector<RotatedLabel> positions_along_line(std::span<const PaperPoint> line, double width_mm,
                                               double height_mm, double max_bend_deg = 15,
                                               std::size_t max_positions = 3);

// The same stretches, each with its fallbacks: the middle first, then slid along the stretch
// either way in steps of half the text's length while it still fits, nearest first (for when
// another label, a symbol or a round-two status label takes the middle). At most
// `max_per_stretch` positions per stretch (the middle and four either way).
std::vector<std::vector<RotatedLabel>> positions_along_stretches(std::span<const PaperPoint> line,
                                                                 double width_mm, double height_mm,
                                                                 double max_bend_deg = 15,
                                                                 std::size_t max_stretches = 3,
                                                                 std::size_t max_per_stretch = 9);

}  // namespace wijkatlas::render
