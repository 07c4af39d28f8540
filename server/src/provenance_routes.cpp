#include "provenance_routes.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "geojson.hpp"
#include "http_errors.hpp"
#include "resident_routes.hpp"
#include "wijkatlas/project/previous_session.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

constexpr const char* json_type = "application/json; charset=utf-8";

// The statuses as the room reads them, oldest first; never who set them.
json history_json(const std::vector<store::StatusHistoryEntry>& entries) {
  json out = json::array();
  for (const store::StatusHistoryEntry& e : entries) {
    json entry = {{"status", project::printed_status(e.status, render::Language::nl)},
                  {"notitie", e.note},
                  {"gewijzigd_op", e.changed_at}};
    if (e.initiative) {
      entry["initiatief"] = e.initiative->name;
      entry["initiatief_id"] = e.initiative->id;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

json sketch_feature(const sketch::SketchStatusRow& row) {
  return {{"type", "Feature"},
          {"id", row.id},
          {"geometry", to_geojson(row.geometry)},
          {"properties",
           {{"id", row.id},
            {"categorie", sketch::to_string(row.category)},
            {"soort", sketch::to_string(row.kind)},
            {"blad", row.sheet_id},
            {"sessie", row.session},
            {"status", project::printed_status(row.status.status, render::Language::nl)},
            {"notitie", row.status.note}}}};
}

json crop_box(const geo::Box& b) {
  return {b.min_corner().x(), b.min_corner().y(), b.max_corner().x(), b.max_corner().y()};
}

}  // namespace

void add_provenance_routes(httplib::Server& http, DrawingService& s, const Access& access) {
  http.Get("/api/schetsen", [&s](const httplib::Request& req, httplib::Response& res) {
    std::optional<std::string> session;
    if (req.has_param("sessie") && !req.get_param_value("sessie").empty())
      session = req.get_param_value("sessie");
    json features = json::array();
    {
      const std::lock_guard lock(s.mutex);
      std::set<std::string> on_screen;
      for (const store::Drawing& d : s.store.drawings(session)) on_screen.insert(d.id);
      for (const sketch::SketchStatusRow& row : s.store.sketch_statuses(session))
        if (!on_screen.contains(row.id)) features.push_back(sketch_feature(row));
    }
    json answer = feature_collection(std::move(features));
    answer["sessie"] = session.value_or("");
    res.set_content(answer.dump(), "application/geo+json; charset=utf-8");
  });
  http.Get(sketch_pattern, [&s](const httplib::Request& req, httplib::Response& res) {
    store::SketchProvenance p;
    std::vector<store::StatusHistoryEntry> history;
    {
      const std::lock_guard lock(s.mutex);
      p = s.store.sketch_provenance(req.matches[1]);  // unknown_id: 404
      history = s.store.status_history(p.id);
    }
    json answer = {{"id", p.id},
                   {"blad", p.sheet_id},
                   {"bron", p.source},
                   {"zekerheid", std::round(p.confidence * 100) / 100},
                   {"geschiedenis", history_json(history)}};
    answer["uitsnede"] = p.crop_png.empty()
                             ? json(nullptr)
                             : json{{"adres", "/api/schetsen/" + p.id + "/uitsnede.png"},
                                    {"gebied", crop_box(p.crop_extent)}};
    res.set_content(answer.dump(), json_type);
  });
  http.Get(crop_pattern, [&s](const httplib::Request& req, httplib::Response& res) {
    store::SketchProvenance p;
    {
      const std::lock_guard lock(s.mutex);
      p = s.store.sketch_provenance(req.matches[1]);
    }
    if (p.crop_png.empty()) {
      send_error(
          res, 404, "niet_gevonden",
          "Schets " + p.id + " heeft geen uitsnede: die is niet van een foto of scan gelezen.");
      return;
    }
    res.set_header("Cache-Control", "private, max-age=3600");
    res.set_content(reinterpret_cast<const char*>(p.crop_png.data()), p.crop_png.size(),
                    "image/png");
  });
  http.Get(spot_history_pattern, [&s, &access](const httplib::Request& req,
                                               httplib::Response& res) {
    const std::string id = req.matches[1];
    std::vector<store::StatusHistoryEntry> history;
    {
      const std::lock_guard lock(s.mutex);
      if (!access.trusted(req)) {
        // Others see the history of a spot they may see: one at least k sheets marked.
        const std::string session = req.has_param("sessie") ? req.get_param_value("sessie") : "";
        const std::vector<sketch::SpotRecord> spots =
            session.empty() ? std::vector<sketch::SpotRecord>{} : s.store.spots(session);
        const bool shown = std::any_of(spots.begin(), spots.end(), [&](const auto& spot) {
          return spot.n >= published_min_sheets && support::equal_ignoring_case(spot.id, id);
        });
        if (!shown) {
          send_error(res, 404, "niet_gevonden",
                     "Geen plek " + id + " die op dit apparaat te zien is (sessie " +
                         (session.empty() ? "niet gegeven" : session) + ").",
                     "sessie");
          return;
        }
      }
      if (sketch::parse_sketch_status_id(id)) {
        send_error(res, 404, "niet_gevonden", id + " is een schets, geen plek.");
        return;
      }
      history = s.store.status_history(id);
    }
    res.set_content(json{{"id", id}, {"geschiedenis", history_json(history)}}.dump(), json_type);
  });
}

}  // namespace wijkatlas::server
