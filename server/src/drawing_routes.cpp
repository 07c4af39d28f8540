#include "drawing_routes.hpp"

#include <algorithm>

#include "geojson.hpp"
#include "http_errors.hpp"
#include "wijkatlas/store/error.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

constexpr const char* json_type = "application/json; charset=utf-8";
constexpr const char* one_pattern = R"(/api/tekeningen/([Ss]\d{1,12}))";

std::string etag(long long version) {
  return "\"" + std::to_string(version) + "\"";
}

void send_drawing(httplib::Response& res, int status, const store::Drawing& d,
                  const std::vector<std::string>& warnings) {
  res.status = status;
  res.set_header("ETag", etag(d.version));
  res.set_header("Location", "/api/tekeningen/" + d.id);
  res.set_content(
      json{{"tekening", drawing_feature(d)}, {"herhaald", d.repeated}, {"waarschuwingen", warnings}}
          .dump(),
      json_type);
}

// Removes a drawing made on screen (a sketch read from a sheet or file is removed where it came
// from: 409). A drawing someone removed already is no error: the answer says when and by whom.
void remove_drawing(DrawingService& s, const std::string& id, long long based_on,
                    httplib::Response& res) {
  store::SketchRemoval removed;
  {
    const std::lock_guard lock(s.mutex);
    const std::vector<store::Drawing> current = s.store.drawings();
    const bool drawn = std::any_of(current.begin(), current.end(),
                                   [&](const store::Drawing& d) { return d.id == id; });
    if (!drawn) {
      bool exists = true;
      try {
        s.store.version_of(id);  // a sketch that is not a drawing, or none (any more)
      } catch (const store::store_error& e) {
        // unknown_id: never was; conflict: removed already (delete_sketch then says when)
        if (e.kind() != store::ErrorKind::unknown_id && e.kind() != store::ErrorKind::conflict)
          throw;
        exists = false;
      }
      if (exists) {
        send_error(res, 409, "niet_te_wijzigen",
                   "Schets " + id +
                       " is niet op het scherm getekend; die wordt verwijderd waar hij vandaan "
                       "komt.");
        return;
      }
    }
    removed = s.store.delete_sketch(id, based_on);  // unknown_id: 404, conflict: 409
  }
  res.set_content(json{{"verwijderd",
                        {{"id", removed.id},
                         {"versie", removed.version},
                         {"verwijderd_op", removed.removed_at},
                         {"door", removed.removed_by},
                         {"al_verwijderd", removed.already_removed}}}}
                      .dump(),
                  json_type);
}

void not_allowed(httplib::Response& res, const char* allow) {
  res.set_header("Allow", allow);
  send_error(res, 405, "methode_niet_toegestaan", "Deze methode is hier niet toegestaan.");
}

}  // namespace

void add_drawing_routes(httplib::Server& http, DrawingService& s) {
  http.Get("/api/tekeningen", [&s](const httplib::Request& req, httplib::Response& res) {
    std::optional<std::string> session;
    if (req.has_param("sessie")) session = req.get_param_value("sessie");
    json features = json::array();
    {
      const std::lock_guard lock(s.mutex);
      for (const store::Drawing& d : s.store.drawings(session))
        features.push_back(drawing_feature(d));
    }
    res.set_content(feature_collection(std::move(features)).dump(), json_type);
  });
  http.Get("/api/sessies", [&s](const httplib::Request&, httplib::Response& res) {
    const std::lock_guard lock(s.mutex);
    res.set_content(json{{"sessies", s.store.sessions()}}.dump(), json_type);
  });
  http.Post("/api/tekeningen", [&s](const httplib::Request& req, httplib::Response& res) {
    std::vector<std::string> warnings;
    const store::NewDrawing drawing = new_drawing(parse_body(req.body), s.limits, warnings);
    store::Drawing stored;
    {
      const std::lock_guard lock(s.mutex);
      stored = s.store.add_drawing(drawing);
    }
    if (stored.repeated) warnings.clear();  // the first request's drawing, as it was stored
    send_drawing(res, stored.repeated ? 200 : 201, stored, warnings);
  });
  http.Get(one_pattern, [&s](const httplib::Request& req, httplib::Response& res) {
    const std::string id = "S" + req.matches[1].str().substr(1);
    const std::lock_guard lock(s.mutex);
    for (const store::Drawing& d : s.store.drawings()) {
      if (d.id == id) {
        send_drawing(res, 200, d, {});
        return;
      }
    }
    send_error(res, 404, "niet_gevonden", "Er is geen tekening " + id + ".");
  });
  http.Put(one_pattern, [&s](const httplib::Request& req, httplib::Response& res) {
    const std::string id = "S" + req.matches[1].str().substr(1);
    std::vector<std::string> warnings;
    const store::DrawingChange change = drawing_change(id, req.get_header_value("If-Match"),
                                                       parse_body(req.body), s.limits, warnings);
    store::Drawing stored;
    {
      const std::lock_guard lock(s.mutex);
      stored = s.store.change_drawing(change);
    }
    send_drawing(res, 200, stored, warnings);
  });
  http.Delete(one_pattern, [&s](const httplib::Request& req, httplib::Response& res) {
    const std::string id = "S" + req.matches[1].str().substr(1);
    remove_drawing(s, id, removal_based_on(req.get_header_value("If-Match")), res);
  });
  const auto list_not_allowed = [](const httplib::Request&, httplib::Response& res) {
    not_allowed(res, "GET, HEAD, POST");
  };
  const auto one_not_allowed = [](const httplib::Request&, httplib::Response& res) {
    not_allowed(res, "GET, HEAD, PUT, DELETE");
  };
  http.Put("/api/tekeningen", list_not_allowed);
  http.Patch("/api/tekeningen", list_not_allowed);
  http.Delete("/api/tekeningen", list_not_allowed);
  http.Post(one_pattern, one_not_allowed);
  http.Patch(one_pattern, one_not_allowed);
}

}  // namespace wijkatlas::server
