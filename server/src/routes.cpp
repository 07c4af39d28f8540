// The GET routes: the page, the overlay API and the tiles. Anything else on these paths is a 405.
#include <algorithm>
#include <cctype>
#include <regex>
#include <string>

#include "http_errors.hpp"
#include "provenance_routes.hpp"
#include "viewer_state.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::server {
namespace {

constexpr const char* json_type = "application/json; charset=utf-8";
constexpr const char* tile_pattern = R"(/tiles/(\d{1,2})/(\d{1,7})/(\d{1,7})\.png)";
constexpr const char* layer_pattern = R"(/api/lagen/([a-z_]{1,40}))";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool is_known_path(const std::string& path) {
  static const std::regex known(
      std::string("/api/lagen|/api/zoek|/api/status|/api/sessies|/api/"
                  "overlap|/api/plekken|/api/indicator|/api/sinds|/api/aanwijzen/straten|"
                  "/api/aanwijzen/plekken|/api/bladen|/api/schetsen|") +
      tile_pattern + "|" + layer_pattern + "|" + sketch_pattern + "|" + crop_pattern + "|" +
      spot_history_pattern);
  return std::regex_match(path, known);
}

// GET /api/indicator?laag=buurten&maat=COLUMN&indeling=kwantiel&klassen=5
void serve_indicator(const ViewerState& state, const httplib::Request& req,
                     httplib::Response& res) {
  const auto param = [&](const char* name, const char* fallback) {
    return req.has_param(name) ? req.get_param_value(name) : std::string(fallback);
  };
  const std::string layer = param("laag", "buurten");
  const auto values = std::find_if(state.indicators.begin(), state.indicators.end(),
                                   [&](const IndicatorValues& v) { return v.layer == layer; });
  if (values == state.indicators.end()) {
    send_error(res, 400, "ongeldig_verzoek", "Cijfers zijn er voor de lagen buurten en wijken.",
               "laag");
    return;
  }
  const auto method = parse_indeling(param("indeling", "kwantiel"));
  if (!method) {
    send_error(res, 400, "ongeldig_verzoek",
               "Kies de indeling kwantiel, gelijke_intervallen of natuurlijke_grenzen.",
               "indeling");
    return;
  }
  const std::string classes = param("klassen", "5");
  if (classes.size() != 1 || classes[0] < '2' || classes[0] > '7') {
    send_error(res, 400, "ongeldig_verzoek", "Kies 2 tot en met 7 klassen.", "klassen");
    return;
  }
  res.set_content(classed_measure(*values, param("maat", ""), *method,
                                  static_cast<std::size_t>(classes[0] - '0'))
                      .dump(),
                  json_type);
}

void serve_tile(ViewerState& state, const httplib::Request& req, httplib::Response& res) {
  const render::TileCoord tile{std::stoi(req.matches[1]), std::stoi(req.matches[2]),
                               std::stoi(req.matches[3])};
  if (!state.tiles->grid().contains(tile)) {
    send_error(res, 404, "tegel_buiten_raster",
               "Deze tegel ligt buiten het RD-tegelraster (niveaus 0-" +
                   std::to_string(state.tiles->grid().max_level) + ").");
    return;
  }
  const TileBytes png = state.tiles->tile(tile);
  res.set_header("Cache-Control", "public, max-age=3600");
  res.set_content(reinterpret_cast<const char*>(png->data()), png->size(), "image/png");
}

}  // namespace

bool refuse_bad_target(const httplib::Request& req, httplib::Response& res) {
  const std::string target = lower(req.target);
  const std::string& path = req.path;
  const bool control =
      std::any_of(path.begin(), path.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
  const bool traversal =
      path.find("/../") != std::string::npos || path.ends_with("/..") ||
      path.find('\\') != std::string::npos || target.find("%2e") != std::string::npos ||
      target.find("%2f") != std::string::npos || target.find("%5c") != std::string::npos ||
      path.empty() || path.front() != '/';
  if (!control && !traversal) return false;
  send_error(res, 400, "ongeldig_pad", "Dit adres is niet toegestaan.");
  return true;
}

void add_routes(httplib::Server& http, ViewerState& state) {
  http.Get("/api/lagen", [&state](const httplib::Request&, httplib::Response& res) {
    res.set_content(state.catalogue, json_type);
  });
  http.Get(layer_pattern, [&state](const httplib::Request& req, httplib::Response& res) {
    const auto it = state.overlays.find(req.matches[1]);
    if (it == state.overlays.end()) {
      send_error(res, 404, "onbekende_laag", "Deze laag bestaat niet.", "laag");
      return;
    }
    res.set_content(it->second, "application/geo+json; charset=utf-8");
  });
  http.Get("/api/zoek", [&state](const httplib::Request& req, httplib::Response& res) {
    const std::string q = req.get_param_value("q");
    if (q.size() > 100) {
      send_error(res, 400, "ongeldig_verzoek", "De zoektekst is te lang (hoogstens 100 tekens).",
                 "q");
      return;
    }
    res.set_content(nlohmann::json{{"resultaten", state.search.find(q)}}.dump(), json_type);
  });
  http.Get("/api/indicator", [&state](const httplib::Request& req, httplib::Response& res) {
    serve_indicator(state, req, res);
  });
  http.Get("/api/status", [&state](const httplib::Request&, httplib::Response& res) {
    const TileService::Stats s = state.tiles->stats();
    res.set_content(nlohmann::json{{"tegels",
                                    {{"uit_geheugen", s.hits},
                                     {"van_schijf", s.disk_hits},
                                     {"metategels_getekend", s.metatiles},
                                     {"tekentijd_ms", s.render_ms},
                                     {"geheugen_bytes", s.cached_bytes}}}}
                        .dump(),
                    json_type);
  });
  http.Get(tile_pattern, [&state](const httplib::Request& req, httplib::Response& res) {
    serve_tile(state, req, res);
  });
  // The page and its bundle: only the files loaded at start.
  http.Get(R"(/[A-Za-z0-9_./-]*)", [&state](const httplib::Request& req, httplib::Response& res) {
    if (const WebAsset* asset = state.assets.find(req.path)) {
      res.set_content(asset->bytes, asset->media_type);
      return;
    }
    send_error(res, 404, "niet_gevonden", "Niet gevonden.");
  });
  // Only the drawing routes write (drawing_routes.cpp, registered first): every other method is
  // refused on the paths that exist, and unknown paths are 404 whatever the method.
  const auto not_allowed = [&state](const httplib::Request& req, httplib::Response& res) {
    if (!is_known_path(req.path) && state.assets.find(req.path) == nullptr) {
      send_error(res, 404, "niet_gevonden", "Niet gevonden.");
      return;
    }
    res.set_header("Allow", "GET, HEAD");
    send_error(res, 405, "methode_niet_toegestaan", "Deze methode is hier niet toegestaan.");
  };
  const std::string any = R"(/.*)";
  http.Post(any, not_allowed);
  http.Put(any, not_allowed);
  http.Patch(any, not_allowed);
  http.Delete(any, not_allowed);
  http.Options(any, not_allowed);
}

}  // namespace wijkatlas::server
