#include "wijkatlas/project/previous_session.hpp"

#include <boost/geometry/algorithms/intersects.hpp>

#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/project/session_spots.hpp"

namespace wijkatlas::project {
namespace {

render::PreviousHatch hatch_of(sketch::InkCategory category) {
  if (category == sketch::InkCategory::fijne_plek) return render::PreviousHatch::falling;
  if (category == sketch::InkCategory::idee) return render::PreviousHatch::level;
  return render::PreviousHatch::rising;
}

std::string category_word(sketch::InkCategory category, bool nl) {
  switch (category) {
    case sketch::InkCategory::probleem:
      return nl ? "probleem" : "problem";
    case sketch::InkCategory::fijne_plek:
      return nl ? "fijne plek" : "good place";
    case sketch::InkCategory::idee:
      return nl ? "idee" : "idea";
  }
  return sketch::to_string(category);
}

// "P01" from "blokgesprek-hommelstraat-P01": the short id residents can refer to.
std::string short_id(const std::string& id) {
  const auto dash = id.rfind('-');
  return dash == std::string::npos ? id : id.substr(dash + 1);
}

}  // namespace

std::string printed_status(sketch::Status status, render::Language language) {
  const bool nl = language == render::Language::nl;
  switch (status) {
    case sketch::Status::nieuw:
      return nl ? "nog open" : "still open";
    case sketch::Status::in_behandeling:
      return nl ? "in behandeling" : "in progress";
    case sketch::Status::opgepakt:
      return nl ? "opgepakt" : "taken up";
    case sketch::Status::geen_actie:
      return nl ? "geen actie" : "no action";
  }
  return "?";
}

render::PreviousOverlay previous_overlay(const std::vector<sketch::SpotRecord>& spots,
                                         const std::string& session, int min_n,
                                         const geo::Box& extent, render::Language language,
                                         geo::Reporter& reporter) {
  const bool nl = language == render::Language::nl;
  render::PreviousOverlay overlay;
  overlay.session = session;
  overlay.key_text = nl ? "grijs: wat u vorige keer tekende, met wat ermee gedaan is"
                        : "grey: what you drew last time, and what was done with it";
  std::size_t on_sheet = 0;
  for (const sketch::SpotRecord& s : spots) {
    if (boost::geometry::intersects(extent, s.geometry)) ++on_sheet;
    render::PreviousSpot spot;
    spot.area = s.geometry;
    spot.hatch = hatch_of(s.category);
    spot.label = short_id(s.id) + " " + category_word(s.category, nl) + " · " +
                 printed_status(s.status.status, language);
    spot.detail = s.status.note;
    if (s.status.initiative) {
      spot.detail += (spot.detail.empty() ? "" : " · ") + s.status.initiative->name;
      if (s.status.initiative->location) {
        overlay.initiatives.push_back({*s.status.initiative->location, s.status.initiative->name,
                                       geo::point_on_surface(s.geometry)});
      }
    }
    overlay.spots.push_back(std::move(spot));
  }
  // How many sheets a spot needed, so that the table knows one person's drawing is not shown.
  std::string threshold;
  if (const int n = recorded_min_n(spots); n > 1) {
    threshold = nl ? ", elk op minstens " + std::to_string(n) + " bladen getekend"
                   : ", each drawn on at least " + std::to_string(n) + " sheets";
  }
  overlay.key_session = (nl ? "Vorige sessie: " : "Previous session: ") + session + " (" +
                        std::to_string(spots.size()) + (nl ? " plekken" : " spots") + threshold +
                        ")";
  if (spots.empty()) {
    reporter.warn("session '" + session + "' has no spots (nowhere did " + std::to_string(min_n) +
                  " or more sheets mark the same place): the sheet shows nothing of last time");
  } else if (on_sheet == 0) {
    reporter.warn("none of the " + std::to_string(spots.size()) + " spots of session '" + session +
                  "' lies on this sheet: choose another area or centre");
  }
  return overlay;
}

}  // namespace wijkatlas::project
