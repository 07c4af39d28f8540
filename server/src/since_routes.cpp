#include "since_routes.hpp"

#include <map>
#include <regex>

#include "geojson.hpp"
#include "http_errors.hpp"
#include "resident_routes.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/since_last_time.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

bool is_drawing(project::ChangeKind kind) {
  return kind == project::ChangeKind::new_drawing || kind == project::ChangeKind::changed_drawing ||
         kind == project::ChangeKind::removed_drawing;
}

bool is_spot(project::ChangeKind kind) {
  return kind == project::ChangeKind::new_spot || kind == project::ChangeKind::changed_spot;
}

// Whether a device without the token may see it: no single drawing, no spot of fewer than k.
bool is_published(const project::SinceChange& c) {
  return !is_drawing(c.kind) && !(is_spot(c.kind) && c.n < published_min_sheets);
}

json change_feature(const project::SinceChange& c) {
  json properties = {{"soort", project::to_string(c.kind)},
                     {"id", c.id},
                     {"wanneer", c.when},
                     {"wat", c.what},
                     {"status", c.status}};
  if (!c.session.empty()) properties["sessie"] = c.session;
  if (!c.category.empty())
    properties[c.kind == project::ChangeKind::new_initiative ? "thema" : "categorie"] = c.category;
  if (!c.name.empty()) properties["naam"] = c.name;
  if (is_spot(c.kind)) properties["n"] = c.n;
  return {{"type", "Feature"},
          {"geometry", c.geometry ? to_geojson(*c.geometry) : json(nullptr)},
          {"properties", std::move(properties)}};
}

// The moment asked for: ?sessie=S or ?vanaf=DATE (one of them), or an answer of 400.
std::optional<project::StoreLogRequest> since_param(const httplib::Request& req,
                                                    httplib::Response& res) {
  const bool session = req.has_param("sessie");
  const bool date = req.has_param("vanaf");
  if (session == date) {
    send_error(res, 400, "ongeldig_verzoek",
               "Kies een eerdere sessie (sessie=...) of een datum (vanaf=2026-12-01).", "sessie");
    return std::nullopt;
  }
  std::string since = req.get_param_value(session ? "sessie" : "vanaf");
  if (const std::string problem = since_moment_problem(session, since); !problem.empty()) {
    send_error(res, 400, "ongeldig_verzoek", problem, session ? "sessie" : "vanaf");
    return std::nullopt;
  }
  return project::StoreLogRequest{std::move(since)};
}

}  // namespace

std::string since_moment_problem(bool session, const std::string& value) {
  static const std::regex day(R"(\d{4}-\d{2}-\d{2})");
  if (session && (value.empty() || value.size() > 200))
    return "Geef een sessienaam van 1 tot 200 tekens.";
  if (!session && !std::regex_match(value, day)) return "Geef de datum als 2026-12-01.";
  return "";
}

void add_since_routes(httplib::Server& http, DrawingService& s, const geo::Layer& initiatives,
                      const Access& access) {
  http.Get("/api/sinds", [&s, &initiatives, &access](const httplib::Request& req,
                                                     httplib::Response& res) {
    const auto request = since_param(req, res);
    if (!request) return;
    std::optional<project::SinceLastTime> since;
    try {
      const std::lock_guard lock(s.mutex);
      since = project::since_last_time(s.store, *request, initiatives);
    } catch (const request_error& e) {
      send_error(res, 400, "onbekend_moment",
                 "Deze sessie kent de opslag niet (geen blad, tekening of wijziging ervan); kies "
                 "een sessie uit de lijst of een datum.",
                 req.has_param("sessie") ? "sessie" : "vanaf");
      return;
    }
    const bool trusted = access.trusted(req);
    json features = json::array();
    std::map<std::string, int> counts;
    std::size_t left_out = 0;
    for (const project::SinceChange& c : since->changes) {
      ++counts[project::to_string(c.kind)];
      // Off the operator's side single drawings never show, spots only from k sheets up.
      if (!trusted && !is_published(c)) {
        ++left_out;
        continue;
      }
      features.push_back(change_feature(c));
    }
    json answer = feature_collection(std::move(features));
    answer["sinds"] = since->since;
    answer["sinds_label"] = since->since_label;
    answer["aantallen"] = counts;
    answer["weggelaten"] = left_out;
    res.set_content(answer.dump(), "application/geo+json; charset=utf-8");
  });
}

}  // namespace wijkatlas::server
