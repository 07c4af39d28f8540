#include "print_routes.hpp"

#include <algorithm>

#include "http_errors.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/store_log.hpp"

namespace wijkatlas::server {
namespace {

std::string definition_of(PrintService& p, const httplib::Request& req) {
  const PrintView view = print_view(parse_body(req.body));
  if (view.figures) {
    const auto values =
        std::find_if(p.indicators.begin(), p.indicators.end(),
                     [&](const IndicatorValues& v) { return v.layer == view.figures->layer; });
    if (values == p.indicators.end() || values->columns.count(view.figures->measure) == 0)
      throw request_error("cijfers", "de laag " + view.figures->layer + " heeft geen cijfer '" +
                                         view.figures->measure + "'");
  }
  if (view.searched && !p.areas.has(view.searched->level, view.searched->code))
    throw request_error("gezocht",
                        "geen " + view.searched->level + " met code '" + view.searched->code + "'");
  PrintContent content;
  {
    const std::lock_guard lock(p.drawings.mutex);
    if (view.since) {
      try {
        project::store_log(p.drawings.store, {*view.since});  // a session the store knows
      } catch (const request_error& e) {
        throw request_error("sinds", e.what());
      }
    }
    if (!view.session.empty()) content.drawings = p.drawings.store.drawings(view.session);
    if (view.spots_session) content.spots = p.drawings.store.spots(*view.spots_session);
  }
  return map_definition_toml(view, p.sources, content);
}

}  // namespace

void add_print_routes(httplib::Server& http, PrintService& p) {
  http.Post("/api/kaartdefinitie", [&p](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Disposition", "attachment; filename=\"kaart.toml\"");
    res.set_content(definition_of(p, req), "application/toml; charset=utf-8");
  });
  http.Post("/api/afdruk", [&p](const httplib::Request& req, httplib::Response& res) {
    const std::vector<std::byte> pdf =
        render_print(definition_of(p, req), p.sources, p.painter, p.reporter);
    res.set_header("Content-Disposition", "inline; filename=\"kaart.pdf\"");
    res.set_content(reinterpret_cast<const char*>(pdf.data()), pdf.size(), "application/pdf");
  });
  const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "POST");
    send_error(res, 405, "methode_niet_toegestaan", "Deze methode is hier niet toegestaan.");
  };
  for (const char* path : {"/api/kaartdefinitie", "/api/afdruk"}) {
    http.Get(path, not_allowed);
    http.Put(path, not_allowed);
    http.Delete(path, not_allowed);
  }
}

}  // namespace wijkatlas::server
