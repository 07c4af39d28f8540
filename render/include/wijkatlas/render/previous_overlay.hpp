#pragma once
// Round two on a drawing sheet: what residents drew at an earlier session and what was done
// with it, printed faintly under the new drawing. Everything is achromatic (grey hatching and
// outlines, dark grey text), so the photo reader, which reads only saturated ink, never takes it
// for new marks (docs/round-two.md).
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::render {

// Hatching direction per kind of mark, so spots of different categories tell apart without colour.
enum class PreviousHatch { rising, falling, level };

struct PreviousSpot {
  geo::MultiPolygon area;
  PreviousHatch hatch = PreviousHatch::rising;
  std::string label;   // "P01 probleem · opgepakt"
  std::string detail;  // what was done, short; may be empty
};

struct PreviousInitiative {
  geo::Point location;
  std::string name;
  geo::Point spot;  // a point inside the spot it is linked to: a thin leader joins the two
};

struct PreviousOverlay {
  std::string session;
  std::vector<PreviousSpot> spots;
  std::vector<PreviousInitiative> initiatives;
  // The key's explanation, e.g. "grijs: wat u vorige keer tekende, met wat ermee gedaan is".
  std::string key_text;
  std::string key_session;  // "Vorige sessie: Blokgesprek Hommelstraat"
};

}  // namespace wijkatlas::render
