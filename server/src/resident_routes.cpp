#include "resident_routes.hpp"

#include <cmath>
#include <optional>
#include <string>

#include "geojson.hpp"
#include "http_errors.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/project/overlap_layers.hpp"
#include "wijkatlas/project/previous_session.hpp"
#include "wijkatlas/render/style.hpp"
#include "wijkatlas/sketch/category.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

constexpr const char* json_type = "application/geo+json; charset=utf-8";

// The session asked for, or an answer of 400 (and nullopt) when it cannot be one.
std::optional<std::string> session_param(const httplib::Request& req, httplib::Response& res) {
  std::string session = req.has_param("sessie") ? req.get_param_value("sessie") : "";
  if (session.size() > 200) {
    send_error(res, 400, "ongeldig_verzoek", "De sessienaam is te lang (hoogstens 200 tekens).",
               "sessie");
    return std::nullopt;
  }
  return session;
}

// The category asked for in the project's vocabulary (project::check_sketch_category), or an
// answer of 400 naming the parameter.
std::optional<std::string> category_param(const httplib::Request& req, httplib::Response& res) {
  std::string category = req.has_param("categorie") ? req.get_param_value("categorie") : "probleem";
  if (sketch::CategoryChoice::parse(category)) return category;
  send_error(res, 400, "ongeldig_verzoek",
             "Onbekende categorie; kies " + sketch::CategoryChoice::words() + ".", "categorie");
  return std::nullopt;
}

double whole_m2(double area) {
  return std::round(area);
}

// The counts of one category (and session) as a FeatureCollection with its legend: the places
// below `min_n` left out and counted.
json overlap_answer(DrawingService& s, const std::string& session, const std::string& category,
                    int min_n) {
  project::OverlapRequest request;
  request.category = category;
  request.session = session;
  request.counts_only = true;
  request.density_sigma_m = 0;
  geo::CollectingReporter quiet;  // the method's reasons are for the command line
  std::optional<project::OverlapResult> result;
  {
    const std::lock_guard lock(s.mutex);
    try {
      result = project::overlap(s.store, request, quiet);
    } catch (const data_error&) {
      // nothing of this category drawn yet: an empty layer, not an error
    }
  }
  json features = json::array();
  std::int32_t max_n = 0;
  std::size_t left_out = 0;
  if (result) {
    for (project::CountedShape& c : project::counted_shapes(*result)) {
      if (c.n < min_n) {
        ++left_out;
        continue;
      }
      max_n = std::max(max_n, c.n);
      const double area = geo::area(c.shape);
      features.push_back({{"type", "Feature"},
                          {"geometry", to_geojson(c.shape)},
                          {"properties",
                           {{"n", c.n},
                            {"N_totaal", c.N},
                            {"n_van_N", project::n_of_N(c.n, c.N)},
                            {"oppervlakte_m2", whole_m2(area)}}}});
    }
  }
  json legend = json::array();
  for (const project::OverlapClass& c : project::overlap_classes(max_n))
    legend.push_back({{"label", c.legend},
                      {"van", c.low},
                      {"tot", c.high},
                      {"kleur", render::to_hex(c.colour)}});
  json answer = feature_collection(std::move(features));
  answer["sessie"] = session;
  answer["categorie"] = category;
  answer["bladen"] = result ? result->sheets : 0;
  answer["methode"] = result ? result->method : "";
  answer["min_bladen"] = min_n;
  answer["weggelaten"] = left_out;
  answer["legenda_kop"] = project::overlap_legend_heading;
  answer["legenda"] = std::move(legend);
  return answer;
}

json spot_feature(const sketch::SpotRecord& spot) {
  json properties = {{"id", spot.id},
                     {"categorie", sketch::to_string(spot.category)},
                     {"n", spot.n},
                     {"N_totaal", spot.N},
                     {"n_van_N", project::n_of_N(spot.n, spot.N)},
                     {"oppervlakte_m2", whole_m2(spot.area_m2)},
                     {"status", project::printed_status(spot.status.status, render::Language::nl)},
                     {"notitie", spot.status.note},
                     {"gewijzigd_op", spot.status.changed_at}};
  // Who set the status is left out: no personal field in any answer.
  if (spot.status.initiative) {
    properties["initiatief"] = spot.status.initiative->name;
    properties["initiatief_id"] = spot.status.initiative->id;
  }
  return {{"type", "Feature"},
          {"id", spot.id},
          {"geometry", to_geojson(spot.geometry)},
          {"properties", std::move(properties)}};
}

// A printed sheet's map extent with what the room needs to know of it; never who printed it.
json sheet_feature(const store::PrintedSheet& p) {
  const sketch::SheetInfo& sheet = p.record.sheet;
  const geo::Box& e = sheet.extent;
  const json ring = {{e.min_corner().x(), e.min_corner().y()},
                     {e.max_corner().x(), e.min_corner().y()},
                     {e.max_corner().x(), e.max_corner().y()},
                     {e.min_corner().x(), e.max_corner().y()},
                     {e.min_corner().x(), e.min_corner().y()}};
  json properties = {{"id", sheet.id},
                     {"sessie", p.record.session},
                     {"gebied", p.record.area},
                     {"schaal", sheet.scale},
                     {"papier", sheet.paper},
                     {"gedrukt_op", p.record.printed_at},
                     {"teruggekomen", p.returned}};
  if (!p.record.previous_session.empty())
    properties["plekken_van"] = p.record.previous_session;  // a round-two sheet
  return {{"type", "Feature"},
          {"id", sheet.id},
          {"geometry", {{"type", "Polygon"}, {"coordinates", {ring}}}},
          {"properties", std::move(properties)}};
}

}  // namespace

void add_resident_routes(httplib::Server& http, DrawingService& s, const Access& access) {
  http.Get("/api/overlap", [&s, &access](const httplib::Request& req, httplib::Response& res) {
    const auto session = session_param(req, res);
    if (!session) return;
    const auto category = category_param(req, res);
    if (!category) return;
    const int min_n = access.trusted(req) ? 1 : published_min_sheets;
    res.set_content(overlap_answer(s, *session, *category, min_n).dump(), json_type);
  });
  // The ground each printed sheet showed: where residents could draw, and whether it came back.
  http.Get("/api/bladen", [&s](const httplib::Request& req, httplib::Response& res) {
    const auto session = session_param(req, res);
    if (!session) return;
    std::vector<store::PrintedSheet> sheets;
    {
      const std::lock_guard lock(s.mutex);
      sheets = s.store.printed_sheets(session->empty() ? std::nullopt
                                                       : std::optional<std::string>(*session));
    }
    json features = json::array();
    std::size_t returned = 0;
    for (const store::PrintedSheet& p : sheets) {
      returned += p.returned ? 1 : 0;
      features.push_back(sheet_feature(p));
    }
    json answer = feature_collection(std::move(features));
    answer["sessie"] = *session;
    answer["gedrukt"] = sheets.size();
    answer["teruggekomen"] = returned;
    res.set_content(answer.dump(), json_type);
  });
  http.Get("/api/plekken", [&s, &access](const httplib::Request& req, httplib::Response& res) {
    const auto session = session_param(req, res);
    if (!session) return;
    if (session->empty()) {
      send_error(res, 400, "ongeldig_verzoek", "Kies een sessie: plekken horen bij een sessie.",
                 "sessie");
      return;
    }
    const int min_n = access.trusted(req) ? 1 : published_min_sheets;
    std::vector<sketch::SpotRecord> spots;
    {
      const std::lock_guard lock(s.mutex);
      spots = s.store.spots(*session);
    }
    json features = json::array();
    std::size_t left_out = 0;
    for (const sketch::SpotRecord& spot : spots) {
      if (spot.n < min_n) {
        ++left_out;
        continue;
      }
      features.push_back(spot_feature(spot));
    }
    json answer = feature_collection(std::move(features));
    answer["sessie"] = *session;
    answer["gemaakt"] = !spots.empty();
    answer["min_bladen"] = min_n;
    answer["weggelaten"] = left_out;
    res.set_content(answer.dump(), json_type);
  });
}

}  // namespace wijkatlas::server
