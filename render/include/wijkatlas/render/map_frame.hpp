#pragma once
// The map frame: an exact, uniform transform from RD New metres to millimetres on the page,
// north up. A map either asks for a scale or for an area to fit; fitted maps get a round scale
// (1, 2, 2.5 or 5 times a power of ten) so that the printed scale is one people can use.
// Pure arithmetic, no Cairo: painters convert each coordinate with to_paper().
#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/render/page.hpp"

namespace wijkatlas::render {

// The scales a map may use, as denominators (1:1,000 .. 1:25,000 for the printed maps of the
// issue; an inset locator map passes wider limits).
struct ScaleLimits {
  double largest_scale = 1'000;    // most detailed: 1:1,000
  double smallest_scale = 25'000;  // least detailed: 1:25,000
};

// The smallest denominator of the series 1, 2, 2.5, 5 x 10^k that is at least `denominator`
// (a map at that scale shows at least as much as asked). Throws render_error unless positive.
double round_scale_at_least(double denominator);

class MapFrame {
 public:
  // Shows `centre` at the middle of `frame` at 1:`scale_denominator`. Throws render_error when
  // the scale is outside `limits` or the frame is empty.
  static MapFrame at_scale(const geo::Point& centre, double scale_denominator, const RectMm& frame,
                           const ScaleLimits& limits = {});

  // Fits `area` inside `frame` less `margin_mm` on every side, centred, at the most detailed
  // round scale that shows all of it (never more detailed than limits.largest_scale). Throws
  // render_error when even limits.smallest_scale cannot show it.
  static MapFrame fit(const geo::Box& area, const RectMm& frame, double margin_mm = 5,
                      const ScaleLimits& limits = {});

  double scale_denominator() const noexcept { return scale_; }
  const RectMm& frame_mm() const noexcept { return frame_; }
  const geo::Point& centre() const noexcept { return centre_; }
  // Paper millimetres for one metre on the ground (0.4 at 1:2,500).
  double mm_per_metre() const noexcept { return 1000.0 / scale_; }

  PaperPoint to_paper(const geo::Point& world) const noexcept;
  geo::Point to_world(const PaperPoint& paper) const noexcept;
  // The ground the frame shows, in RD New metres.
  geo::Box world_extent() const;

 private:
  MapFrame(const geo::Point& centre, double scale, const RectMm& frame);

  geo::Point centre_;
  double scale_;
  RectMm frame_;
};

}  // namespace wijkatlas::render
