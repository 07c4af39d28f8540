#include "place_routes.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "box_margin.hpp"
#include "http_errors.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/project/place_picker.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;
constexpr const char* json_type = "application/json; charset=utf-8";
// Streets are found in the buurt's outline with this margin: the CBS outlines are generalized
// (edges up to ~300 m off), and a street on the border belongs to both sides.
constexpr double buurt_margin_m = 40;

double metres(double v) {
  return std::round(v * 10) / 10;
}

const PickerBuurt* buurt_param(const PlacePicker& p, const httplib::Request& req,
                               httplib::Response& res) {
  const auto it = p.buurten.find(req.get_param_value("buurt"));
  if (it != p.buurten.end()) return &it->second;
  send_error(res, 400, "onbekende_buurt", "Kies een buurt uit de lijst (een CBS-buurtcode).",
             "buurt");
  return nullptr;
}

std::vector<project::StreetChoice> streets_of(const PlacePicker& p, const PickerBuurt& buurt) {
  if (!p.basemap) return {};
  const geo::MultiPolygon ground = geo::buffer(geo::Geometry(buurt.geometry), buurt_margin_m);
  const geo::Box box = geo::envelope(geo::Geometry(ground));
  return project::streets_in_area(p.basemap->read(box, *p.reporter), ground);
}

}  // namespace

void add_place_routes(httplib::Server& http, const PlacePicker& p) {
  http.Get("/api/aanwijzen/straten", [&p](const httplib::Request& req, httplib::Response& res) {
    const PickerBuurt* buurt = buurt_param(p, req, res);
    if (!buurt) return;
    json streets = json::array();
    for (const project::StreetChoice& s : streets_of(p, *buurt))
      streets.push_back({{"naam", s.name},
                         {"x", metres(s.middle.x())},
                         {"y", metres(s.middle.y())},
                         {"lengte_m", std::round(s.length_m)}});
    res.set_content(json{{"buurt", {{"code", req.get_param_value("buurt")}, {"naam", buurt->naam}}},
                         {"straten", streets},
                         {"basiskaart", p.basemap != nullptr}}
                        .dump(),
                    json_type);
  });
  http.Get("/api/aanwijzen/plekken", [&p](const httplib::Request& req, httplib::Response& res) {
    const PickerBuurt* buurt = buurt_param(p, req, res);
    if (!buurt) return;
    const std::string name = req.get_param_value("straat");
    const auto streets = streets_of(p, *buurt);
    const auto street =
        std::find_if(streets.begin(), streets.end(), [&](const auto& s) { return s.name == name; });
    if (street == streets.end()) {
      send_error(res, 400, "onbekende_straat", "Kies een straat uit de lijst van deze buurt.",
                 "straat");
      return;
    }
    const geo::Box near = grown(geo::envelope(geo::Geometry(street->geometry)), 200);
    json places = json::array();
    for (const project::PlaceNearStreet& place :
         project::places_along(*street, p.basemap->landmarks(near, *p.reporter)))
      places.push_back({{"naam", place.name},
                        {"soort", geo::to_string(place.kind)},
                        {"x", metres(place.on_street.x())},
                        {"y", metres(place.on_street.y())},
                        {"afstand_m", std::round(place.distance_m)}});
    res.set_content(json{{"straat",
                          {{"naam", street->name},
                           {"x", metres(street->middle.x())},
                           {"y", metres(street->middle.y())}}},
                         {"plekken", places}}
                        .dump(),
                    json_type);
  });
}

}  // namespace wijkatlas::server
